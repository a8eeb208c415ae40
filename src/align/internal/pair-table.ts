/**
 * A map from pairs of small non-negative integers (a code unit and a code unit, or a node and a code
 * unit) to non-negative integers: open addressing in typed arrays, so a look-up makes no string and no
 * boxed number. Grows to stay at most half full.
 */
export class PairTable {
  private a: Int32Array;
  private b: Int32Array;
  private v: Int32Array;
  private shift: number;
  size = 0;

  constructor(expected = 8) {
    let bits = 3;
    while (1 << bits < expected * 2) bits++;
    this.shift = 32 - bits;
    this.a = new Int32Array(1 << bits);
    this.b = new Int32Array(1 << bits);
    this.v = new Int32Array(1 << bits).fill(-1);
  }

  /** The value of a pair, −1 when absent. */
  get(a: number, b: number): number {
    const { v } = this;
    const mask = v.length - 1;
    let h = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> this.shift;
    while (v[h] !== -1 && (this.a[h] !== a || this.b[h] !== b)) h = (h + 1) & mask;
    return v[h]!;
  }

  /** Sets the value of a pair (`value` ≥ 0). */
  set(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.v.length) this.grow();
    const { v } = this;
    const mask = v.length - 1;
    let h = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> this.shift;
    while (v[h] !== -1 && (this.a[h] !== a || this.b[h] !== b)) h = (h + 1) & mask;
    if (v[h] === -1) this.size++;
    this.a[h] = a;
    this.b[h] = b;
    v[h] = value;
  }

  private grow(): void {
    const { a, b, v } = this;
    this.shift--;
    this.a = new Int32Array(v.length * 2);
    this.b = new Int32Array(v.length * 2);
    this.v = new Int32Array(v.length * 2).fill(-1);
    this.size = 0;
    for (let h = 0; h < v.length; h++) if (v[h] !== -1) this.set(a[h]!, b[h]!, v[h]!);
  }
}
