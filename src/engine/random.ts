/**
 * Seeded randomness. Every component draws from its own streams, derived from
 * (scenario seed, component id, purpose), so adding a node or changing one node's parameters does
 * not change what any other component draws (common random numbers for A/B comparisons).
 *
 * The generator is sfc32: 128 bits of state, 32-bit integer arithmetic only, so Node and the
 * browser produce bit-identical sequences.
 */

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser for avalanche. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finalize(h);
}

function finalize(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, key: string) {
    const seedLow = seed >>> 0;
    const seedHigh = Math.floor(seed / 4294967296) >>> 0;
    const keyHash = hashString(key);
    // splitmix32 spreads the three inputs over the four state words.
    let s = (seedLow ^ Math.imul(seedHigh, 0x9e3779b9) ^ keyHash) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      return finalize(s ^ keyHash);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform draw in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** The stream for one purpose of one component. */
export function streamFor(seed: number, componentId: string, purpose: string): RandomStream {
  return new RandomStream(seed, `${componentId}\u0000${purpose}`);
}
