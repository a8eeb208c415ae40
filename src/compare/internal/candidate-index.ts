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

  /** Per-query scratch: votes by section id, the ids voted for, and the query stamp of each slot. */
  private votes = new Float64Array(0);
  private seen = new Int32Array(0);
  private stamp = 0;

  /** The sections of other plans most likely to share passages with a section, best first. */
  candidates(plan: number, fingerprints: readonly number[], limit: number): number[] {
    if (this.votes.length < this.planOf.length) this.votes = new Float64Array(this.planOf.length);
    if (this.seen.length !== this.keys.length) {
      this.seen = new Int32Array(this.keys.length);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { votes, seen, planOf } = this;
    const touched: number[] = [];
    const vote = (id: number, w: number) => {
      if (planOf[id] === plan) return;
      if (votes[id] === 0) touched.push(id);
      votes[id] = votes[id]! + w;
    };
    // Each distinct fingerprint once, in order of first occurrence (a slot holds one fingerprint).
    for (const h of fingerprints) {
      const slot = this.find(h);
      if (this.first[slot] === -1 || seen[slot] === stamp) continue;
      seen[slot] = stamp;
      if (this.plans[slot]! < 2) continue;
      const w = 1 / this.plans[slot]!;
      vote(this.first[slot]!, w);
      const extra = this.more.get(slot);
      if (extra) for (const id of extra) vote(id, w);
    }
    // The best `limit` by votes, then by id: a partial selection instead of sorting every section voted for.
    const best: number[] = [];
    const better = (a: number, b: number) => votes[a]! > votes[b]! || (votes[a] === votes[b] && a < b);
    for (const id of touched) {
      if (best.length === limit && !better(id, best[limit - 1]!)) continue;
      let k = best.length < limit ? best.length : limit - 1;
      while (k > 0 && better(id, best[k - 1]!)) {
        best[k] = best[k - 1]!;
        k--;
      }
      best[k] = id;
    }
    for (const id of touched) votes[id] = 0;
    return best;
  }
}
