import { randomInt } from 'node:crypto';

/** Seeds are unsigned 32-bit integers: the whole state of the generator below. */
const seedLimit = 2 ** 32;

/**
 * A small seeded generator (mulberry32) of numbers in [0, 1): the same seed always gives the same sequence,
 * so a randomised test can print its seed and be replayed from it.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / seedLimit;
  };
}

/** The seed named by this environment variable (to replay a run), or a fresh random one; junk is refused, never guessed at. */
export function seedFromEnvironment(variable: string): number {
  const text = process.env[variable];
  if (text === undefined || text.trim() === '') return randomInt(seedLimit);
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed >= seedLimit)
    throw new Error(`${variable} must be a whole number from 0 to ${seedLimit - 1}, not "${text}"`);
  return seed;
}
