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
  private keys: Float64Array;
  private plans: Int32Array;
  private last: Int32Array;
  /** The last section added with each fingerprint (a section's repeated fingerprints count once). */
  private lastId: Int32Array;
  private first: Int32Array;
  /** How many postings beyond the first each slot has in `more` (read instead of the Map, which a full slot no longer needs). */
  private moreCount: Int32Array;
  private size = 0;
  private readonly more = new Map<number, number[]>();
  private readonly planOf: number[] = [];

  /**
   * @param cap - Postings kept per fingerprint.
   * @param alloc - Memory for the tables (a SharedArrayBuffer to share the frozen index without a copy).
   */
  constructor(
    private readonly cap = 16,
    private readonly alloc: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b),
  ) {
    [this.keys, this.plans, this.last, this.lastId, this.first] = this.tables(1 << 12);
    this.moreCount = new Int32Array(1 << 12);
  }

  private tables(slots: number): [Float64Array, Int32Array, Int32Array, Int32Array, Int32Array] {
    return [
      new Float64Array(this.alloc(8 * slots)),
      new Int32Array(this.alloc(4 * slots)),
      new Int32Array(slots).fill(-1),
      new Int32Array(slots).fill(-1),
      new Int32Array(this.alloc(4 * slots)).fill(-1),
    ];
  }

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
    const { keys, plans, last, lastId, first, more, moreCount } = this;
    [this.keys, this.plans, this.last, this.lastId, this.first] = this.tables(keys.length * 2);
    this.moreCount = new Int32Array(keys.length * 2);
    const moved = new Map<number, number[]>();
    for (let s = 0; s < keys.length; s++) {
      if (first[s] === -1) continue;
      const t = this.find(keys[s]!);
      this.keys[t] = keys[s]!;
      this.plans[t] = plans[s]!;
      this.last[t] = last[s]!;
      this.lastId[t] = lastId[s]!;
      this.first[t] = first[s]!;
      this.moreCount[t] = moreCount[s]!;
      const extra = more.get(s);
      if (extra) moved.set(t, extra);
    }
    more.clear();
    for (const [k, v] of moved) more.set(k, v);
  }

  /** Adds a section (ids are 0, 1, 2 … in the order added) of plan `plan` with its fingerprints. */
  add(id: number, plan: number, fingerprints: ArrayLike<number>): void {
    if (this.frozen) throw new Error('CandidateIndex.add: the index was already frozen (queried)');
    this.planOf[id] = plan;
    for (let f = 0; f < fingerprints.length; f++) {
      const h = fingerprints[f]!;
      if ((this.size + 1) * 2 > this.keys.length) this.grow();
      const slot = this.find(h);
      if (this.first[slot] === -1) {
        this.keys[slot] = h;
        this.first[slot] = id;
        this.plans[slot] = 1;
        this.last[slot] = plan;
        this.lastId[slot] = id;
        this.size++;
        continue;
      }
      if (this.lastId[slot] === id) continue;
      this.lastId[slot] = id;
      if (this.last[slot] !== plan) {
        this.plans[slot]!++;
        this.last[slot] = plan;
      }
      const extras = this.moreCount[slot]!;
      if (extras === 0) this.more.set(slot, [id]);
      else if (extras + 1 < this.cap) this.more.get(slot)!.push(id);
      else continue;
      this.moreCount[slot] = extras + 1;
    }
  }

  private frozen: FrozenIndex | null = null;
  private scratch: CandidateScratch | null = null;

  /**
   * The index in typed arrays only (the postings beyond the first as one list per slot), in the
   * memory the index was given, ready to be shared with other threads. Adding after freezing is a
   * usage error.
   */
  freeze(): FrozenIndex {
    if (this.frozen) return this.frozen;
    const { alloc } = this;
    const slots = this.keys.length;
    const moreStart = new Int32Array(alloc(4 * (slots + 1)));
    let total = 0;
    for (let s = 0; s < slots; s++) {
      moreStart[s] = total;
      total += this.more.get(s)?.length ?? 0;
    }
    moreStart[slots] = total;
    const moreIds = new Int32Array(alloc(4 * total));
    for (const [s, ids] of this.more) moreIds.set(ids, moreStart[s]!);
    const planOf = new Int32Array(alloc(4 * this.planOf.length));
    planOf.set(this.planOf);
    this.more.clear();
    this.last = new Int32Array(0);
    this.lastId = new Int32Array(0);
    this.moreCount = new Int32Array(0);
    this.frozen = { keys: this.keys, plans: this.plans, first: this.first, moreStart, moreIds, planOf };
    return this.frozen;
  }

  /** The sections of other plans most likely to share passages with a section, best first. */
  candidates(plan: number, fingerprints: ArrayLike<number>, limit: number): number[] {
    this.frozen ??= this.freeze();
    this.scratch ??= candidateScratch(this.frozen);
    return candidatesOf(this.frozen, plan, fingerprints, limit, this.scratch);
  }
}

/** A {@link CandidateIndex} in typed arrays (see `freeze`): what a query reads. */
export interface FrozenIndex {
  keys: Float64Array;
  /** Distinct plans each fingerprint occurs in. */
  plans: Int32Array;
  /** The first section with each fingerprint, −1 for an empty slot. */
  first: Int32Array;
  /** The further sections of slot s: moreIds[moreStart[s] .. moreStart[s + 1]). */
  moreStart: Int32Array;
  moreIds: Int32Array;
  /** The plan of each section id. */
  planOf: Int32Array;
}

/** Per-thread scratch of queries: votes by section id, the query stamp of each slot, and the sections voted for (each once a query). */
export interface CandidateScratch {
  votes: Float64Array;
  seen: Int32Array;
  stamp: number;
  /** The ids voted for in a query, in order of first vote (as long as `votes`: an id is added once). */
  touched?: Int32Array;
}

export function candidateScratch(index: FrozenIndex): CandidateScratch {
  const sections = index.planOf.length;
  return { votes: new Float64Array(sections), seen: new Int32Array(index.keys.length), stamp: 0, touched: new Int32Array(sections) };
}

/** The sections of other plans than `plan` most likely to share passages with a section of its fingerprints, best first. */
export function candidatesOf(index: FrozenIndex, plan: number, fingerprints: ArrayLike<number>, limit: number, scratch: CandidateScratch): number[] {
  const { keys, plans, first, moreStart, moreIds, planOf } = index;
  const { votes, seen } = scratch;
  const stamp = ++scratch.stamp;
  const mask = keys.length - 1;
  if (scratch.touched === undefined || scratch.touched.length < votes.length) scratch.touched = new Int32Array(votes.length);
  const touched = scratch.touched;
  let count = 0;
  // Each distinct fingerprint once, in order of first occurrence (a slot holds one fingerprint).
  for (let f = 0; f < fingerprints.length; f++) {
    const h = fingerprints[f]!;
    let slot = mix(h) & mask;
    while (first[slot] !== -1 && keys[slot] !== h) slot = (slot + 1) & mask;
    if (first[slot] === -1 || seen[slot] === stamp) continue;
    seen[slot] = stamp;
    const plansWith = plans[slot]!;
    if (plansWith < 2) continue;
    const w = 1 / plansWith;
    const id0 = first[slot]!;
    if (planOf[id0] !== plan) {
      if (votes[id0] === 0) touched[count++] = id0;
      votes[id0] = votes[id0]! + w;
    }
    for (let k = moreStart[slot]!, end = moreStart[slot + 1]!; k < end; k++) {
      const id = moreIds[k]!;
      if (planOf[id] === plan) continue;
      if (votes[id] === 0) touched[count++] = id;
      votes[id] = votes[id]! + w;
    }
  }
  // The best `limit` by votes, then by id: a partial selection instead of sorting every section voted for.
  const best: number[] = [];
  const better = (a: number, b: number) => votes[a]! > votes[b]! || (votes[a] === votes[b] && a < b);
  for (let t = 0; t < count; t++) {
    const id = touched[t]!;
    if (best.length === limit && !better(id, best[limit - 1]!)) continue;
    let k = best.length < limit ? best.length : limit - 1;
    while (k > 0 && better(id, best[k - 1]!)) {
      best[k] = best[k - 1]!;
      k--;
    }
    best[k] = id;
  }
  for (let t = 0; t < count; t++) votes[touched[t]!] = 0;
  return best;
}
