/**
 * Raw RGB pixels of camera-like content: colour gradients, a soft pattern and grain (±`grain`). Flat colour would
 * compress to almost nothing and decode unrealistically fast. Deterministic: the same size gives the same pixels.
 */
export function cameraLikePixels(width: number, height: number, grain: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 0x9e3779b9;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // xorshift32: fast, deterministic grain (Math.random would dominate the set-up time).
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const noise = ((seed >>> 0) % (2 * grain + 1)) - grain;
      const at = (y * width + x) * 3;
      pixels[at] = Math.max(0, Math.min(255, (x * 255) / width + noise));
      pixels[at + 1] = Math.max(0, Math.min(255, (y * 255) / height + noise));
      pixels[at + 2] = Math.max(0, Math.min(255, 128 + 60 * Math.sin(x / 150) * Math.cos(y / 120) + noise));
    }
  }
  return pixels;
}
