import { mix } from './shingles.js';

/**
 * An inverted index from winnowed n-gram fingerprints to the sections that contain them, for finding
 * which sections of other plans a section may share passages with without comparing all pairs.
 *
 * Each fingerprint keeps the number of distinct plans it occurs in and at most `cap` postings (the
 * first sections added, so add them in a canonical order). A query votes for the sections of other
 * plans sharing its fingerprints, each vote weighted 1 / (plans the fingerprint occurs in), so
 * boilerplate counts little and a passage copied between two plans counts fully; the best `limit`
 * sections are the candidates. Building and querying are linear in the total number of fingerprints
 * (times `cap`).
 *
 * Storage is an open-addressing hash table over typed arrays (a fingerprint, its plan count, the last
 * plan seen, its first posting); further postings of the few fingerprints that recur live in a Map.
 * Millions of fingerprints fit without a JavaScript object each.
 */
export class CandidateIndex {
  private keys = new Float64Array(1 << 12);
  private plans = new Int32Array(1 << 12);
  private last = new Int32Array(1 << 12).fill(-1);
  private first = new Int32Array(1 << 12).fill(-1);
  private size = 0;
  private readonly more = new Map<number, number[]>();
  private readonly planOf: number[] = [];

  constructor(private readonly cap = 16) {}

  private slotOf(h: number, mask: number): number {
    return mix(h) & mask;
  }

  /** The slot of `h`, or of the empty place where it would go. */
  private find(h: number): number {
    const mask = this.keys.length - 1;
    let slot = this.slotOf(h, mask);
    while (this.first[slot] !== -1 && this.keys[slot] !== h) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, plans, last, first, more } = this;
    const cap = keys.length * 2;
    this.keys = new Float64Array(cap);
    this.plans = new Int32Array(cap);
    this.last = new Int32Array(cap).fill(-1);
    this.first = new Int32Array(cap).fill(-1);
    const moved = new Map<number, number[]>();
    for (let s = 0; s < keys.length; s++) {
      if (first[s] === -1) continue;
      const t = this.find(keys[s]!);
      this.keys[t] = keys[s]!;
      this.plans[t] = plans[s]!;
      this.last[t] = last[s]!;
      this.first[t] = first[s]!;
      const extra = more.get(s);
      if (extra) moved.set(t, extra);
    }
    more.clear();
    for (const [k, v] of moved) more.set(k, v);
  }

  /** Adds a section (ids are 0, 1, 2 … in the order added) of plan `plan` with its fingerprints. */
  add(id: number, plan: number, fingerprints: readonly number[]): void {
    this.planOf[id] = plan;
    for (const h of new Set(fingerprints)) {
      if ((this.size + 1) * 2 > this.keys.length) this.grow();
      const slot = this.find(h);
      if (this.first[slot] === -1) {
        this.keys[slot] = h;
        this.first[slot] = id;
        this.plans[slot] = 1;
        this.last[slot] = plan;
        this.size++;
        continue;
      }
      if (this.last[slot] !== plan) {
        this.plans[slot]!++;
        this.last[slot] = plan;
      }
      const extra = this.more.get(slot);
      if (!extra) this.more.set(slot, [id]);
      else if (extra.length + 1 < this.cap) extra.push(id);
    }
  }

  /** The sections of other plans most likely to share passages with a section, best first. */
  candidates(plan: number, fingerprints: readonly number[], limit: number): number[] {
    const votes = new Map<number, number>();
    const vote = (id: number, w: number) => {
      if (this.planOf[id] !== plan) votes.set(id, (votes.get(id) ?? 0) + w);
    };
    for (const h of new Set(fingerprints)) {
      const slot = this.find(h);
      if (this.first[slot] === -1 || this.plans[slot]! < 2) continue;
      const w = 1 / this.plans[slot]!;
      vote(this.first[slot]!, w);
      for (const id of this.more.get(slot) ?? []) vote(id, w);
    }
    return [...votes]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
