import { mix } from './shingles.js';

/**
 * Where each n-gram hash occurs in one section: an open-addressing hash table over typed arrays
 * (much lighter than a Map of arrays when thousands of sections are looked up against their
 * candidates). `markPresent` marks the positions whose hash is among another section's.
 */
export class PositionTable {
  private keys = new Float64Array(0);
  private heads = new Int32Array(0);
  private next = new Int32Array(0);
  /** The `markPresent` call that last walked each slot's chain (a chain is walked once per call). */
  private walked = new Int32Array(0);
  private call = 0;
  private mask = 0;

  constructor(hashes: Float64Array) {
    this.load(hashes);
  }

  /**
   * Makes the table that of `hashes`, reusing its memory when it is large enough (one table serves
   * every section a thread scores, without allocating one per section).
   */
  load(hashes: Float64Array): void {
    let cap = 16;
    while (cap < hashes.length * 2) cap *= 2;
    this.mask = cap - 1;
    if (this.heads.length < cap) {
      this.keys = new Float64Array(cap);
      this.heads = new Int32Array(cap);
      this.walked = new Int32Array(cap);
      this.call = 0;
    }
    if (this.next.length < hashes.length) this.next = new Int32Array(Math.max(hashes.length, 2 * this.next.length));
    const { keys, heads, next, mask } = this;
    heads.fill(-1, 0, cap);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      let slot = mix(h) & mask;
      while (heads[slot] !== -1 && keys[slot] !== h) slot = (slot + 1) & mask;
      next[i] = heads[slot]!;
      keys[slot] = h;
      heads[slot] = i;
    }
  }

  private slotOf(h: number): number {
    return mix(h) & this.mask;
  }

  /** Whether hash `h` occurs. */
  has(h: number): boolean {
    let slot = this.slotOf(h);
    while (this.heads[slot] !== -1) {
      if (this.keys[slot] === h) return true;
      slot = (slot + 1) & this.mask;
    }
    return false;
  }

  /**
   * Sets `matched[i]` for every position i whose hash is one of `hashes`. Each chain of positions is
   * walked once, however often `hashes` repeats its hash (a phrase repeated m times in one section
   * and n in the other cost m·n: 27 s for two plans of 1 MB of one repeated sentence).
   */
  markPresent(hashes: Float64Array, matched: Uint8Array): void {
    const { keys, heads, next, mask, walked } = this;
    if (this.call === 0x7fffffff) {
      walked.fill(0);
      this.call = 0;
    }
    const call = ++this.call;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k]!;
      let slot = mix(h) & mask;
      let head = heads[slot]!;
      while (head !== -1 && keys[slot] !== h) {
        slot = (slot + 1) & mask;
        head = heads[slot]!;
      }
      if (head === -1 || walked[slot] === call) continue;
      walked[slot] = call;
      for (let i = head; i !== -1; i = next[i]!) matched[i] = 1;
    }
  }
}
