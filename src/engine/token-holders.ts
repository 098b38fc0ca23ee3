/**
 * A client's token holders: for each, the key its token is signed with (-1: none) and when it
 * expires, plus how many holders hold a token of each key — which keys are "in use", for the
 * share of validators that would reject them.
 */
export class TokenHolders {
  readonly count: number;
  readonly key: Int32Array;
  readonly expiresMs: Float64Array;
  readonly holdersByKey = new Int32Array(32);

  constructor(count: number) {
    this.count = count;
    this.key = new Int32Array(count).fill(-1);
    this.expiresMs = new Float64Array(count);
  }

  /** Holds a token still valid at `validAtMs`. */
  holds(holder: number, validAtMs: number): boolean {
    return this.key[holder] >= 0 && this.expiresMs[holder] > validAtMs;
  }

  store(holder: number, key: number, expiresMs: number): void {
    this.clear(holder);
    this.key[holder] = key;
    this.expiresMs[holder] = expiresMs;
    this.holdersByKey[key]++;
  }

  clear(holder: number): void {
    const key = this.key[holder];
    if (key < 0) return;
    this.holdersByKey[key]--;
    this.key[holder] = -1;
  }

  /** Keys some holder has a token of (expired ones included until replaced). */
  keysInUse(): number {
    let mask = 0;
    for (let k = 0; k < 32; k++) if (this.holdersByKey[k] > 0) mask |= 1 << k;
    return mask;
  }

  /** Share of holders whose token is signed with a key in `mask`. */
  shareWithKeyIn(mask: number): number {
    let holders = 0;
    for (let k = 0; k < 32; k++) if ((mask & (1 << k)) !== 0) holders += this.holdersByKey[k];
    return holders / this.count;
  }
}
