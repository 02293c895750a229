import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded source of uniform numbers in [0, 1). Built on pure-rand's xoroshiro128+ (the generator
 * fast-check uses), whose `jump()` gives independent streams: replication `r` of a run uses the
 * base stream jumped `r + 1` times, so replications never share numbers, whichever thread runs them.
 */
export interface Random {
  /** A uniform number in [0, 1). */
  next(): number;
}


/** The independent stream number `stream` of the generator seeded with `seed`. */
export function randomStream(seed: number, stream: number): Random {
  const g: JumpableRandomGenerator = xoroshiro128plus(seed | 0);
  for (let i = 0; i <= stream; i++) g.jump();
  return {
    next() {
      // Two 32-bit draws make a double with 53 random bits.
      const hi = (g.next() >>> 0) >>> 5;
      const lo = (g.next() >>> 0) >>> 6;
      return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
    },
  };
}

