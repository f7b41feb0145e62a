import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom, seedFromEnvironment } from '../support/seededRandom';

const draw = (seed: number, count: number) => Array.from({ length: count }, seededRandom(seed));

describe('seededRandom', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('gives the same sequence for the same seed', () => {
    expect(draw(1234, 1_000)).toEqual(draw(1234, 1_000));
  });

  it('gives different sequences for different seeds', () => {
    const first = draw(1234, 100);
    for (const seed of [0, 1, 1235, 2 ** 32 - 1]) expect(draw(seed, 100)).not.toEqual(first);
  });

  it('is mulberry32, so a seed printed by an earlier run still replays the same numbers', () => {
    // The published mulberry32 sequence for seed 1.
    expect(draw(1, 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('gives numbers in [0, 1) spread over the whole range', () => {
    const values = draw(42, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const tenths = new Set(values.map((value) => Math.floor(value * 10)));
    expect([...tenths].sort((left, right) => left - right)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('takes its seed from the environment to replay a run, and a fresh one otherwise', () => {
    vi.stubEnv('BANTHAO_TEST_SEED', '1234');
    expect(seedFromEnvironment('BANTHAO_TEST_SEED')).toBe(1234);
    vi.stubEnv('BANTHAO_TEST_SEED', undefined);
    const fresh = seedFromEnvironment('BANTHAO_TEST_SEED');
    expect(Number.isInteger(fresh) && fresh >= 0 && fresh < 2 ** 32).toBe(true);
  });

  it.each(['-1', '1.5', 'abc', String(2 ** 32)])('refuses a seed that is not one (%s) instead of silently running another', (text) => {
    vi.stubEnv('BANTHAO_TEST_SEED', text);
    expect(() => seedFromEnvironment('BANTHAO_TEST_SEED')).toThrow(
      `BANTHAO_TEST_SEED must be a whole number from 0 to 4294967295, not "${text}"`,
    );
  });
});
