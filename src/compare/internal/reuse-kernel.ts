/**
 * The arithmetic of measuring reuse (see `measureReuse`), over typed arrays only, so that it can run
 * on any thread: the section n-grams of a whole batch, the candidate index and the templates' n-grams
 * go in one {@link ReuseTables} (its memory may be a SharedArrayBuffer, read by every worker without a
 * copy); {@link scoreUnits} scores a range of sections and packs what it found in an Int32Array.
 */
import type { ReportSection } from '../../analyze/analysis-report.js';
import { CandidateIndex, candidateScratch, candidatesOf, type CandidateScratch, type FrozenIndex } from './candidate-index.js';
import type { ComparedPlan } from './entries.js';
import { PositionTable } from './position-table.js';
import { sectionText, type SectionText } from './section-text.js';
import { shingleHashes, winnow } from './shingles.js';

/** The method's parameters (`REUSE_METHOD`). */
export interface ReuseParams {
  shingle: number;
  minRunTemplate: number;
  minRunPeer: number;
  window: number;
  candidates: number;
}

/** What one section brings: its n-gram hashes and fingerprints, and where its folded characters are. */
export interface ReuseUnitInput {
  hashes: Float64Array;
  fingerprints: Float64Array;
  starts: Int32Array;
  ends: Int32Array | null;
  spansIn: SectionText['spansIn'];
}

/**
 * Each section's input (null when it has no text), for one plan: what a worker can make where the
 * plan was read. `alloc`: memory for the hashes and fingerprints (shared memory, to score elsewhere),
 * one block for all the plan's sections: a message carrying thousands of shared blocks costs time
 * that grows with the square of their number (each is looked up among those already sent).
 */
export function reuseUnitInputs(sections: readonly ReportSection[], entry: Pick<ComparedPlan, 'plan' | 'text'>, params: ReuseParams, alloc?: Alloc): (ReuseUnitInput | null)[] {
  const made = sections.map((s, i) => {
    const text = sectionText(s, i, entry);
    if (!text) return null;
    const hashes = shingleHashes(text.codes, params.shingle);
    return { hashes, fingerprints: winnow(hashes, params.window), text };
  });
  let size = 0;
  for (const m of made) if (m) size += m.hashes.length + m.fingerprints.length;
  const block = alloc ? new Float64Array(alloc(8 * size)) : null;
  let at = 0;
  const place = (a: Float64Array | readonly number[]): Float64Array => {
    if (!block) return a instanceof Float64Array ? a : Float64Array.from(a);
    const out = block.subarray(at, at + a.length);
    out.set(a);
    at += a.length;
    return out;
  };
  return made.map((m) =>
    m ? { hashes: place(m.hashes), fingerprints: place(m.fingerprints), starts: m.text.starts, ends: m.text.ends, spansIn: m.text.spansIn } : null,
  );
}

/** Memory for the tables: plain by default, a SharedArrayBuffer to share them with workers. */
export type Alloc = (bytes: number) => ArrayBufferLike;

/**
 * A batch's sections ("units", in canonical order) ready to be scored on any thread. The units' own
 * arrays are referenced, not copied: to share the tables with workers, make them in shared memory
 * (the CLI's workers do, where they cut the sections).
 */
export interface ReuseTables {
  params: ReuseParams;
  /** The number of folded characters of each unit. */
  chars: Int32Array;
  /** Each unit's n-gram hashes. */
  hashes: Float64Array[];
  /** Each unit's fingerprints. */
  fingerprints: Float64Array[];
  /** The template (index into `templates`) whose wording counts for unit u, −1 for none. */
  templateOf: Int32Array;
  /** Each template's n-gram hashes. */
  templates: Float64Array[];
  /** The candidate index (its planOf: the plan of each unit). */
  index: FrozenIndex;
}

/** Lays the units out in tables and builds the candidate index, adding units in the order given. */
export function buildReuseTables(
  units: readonly { plan: number; template: number; input: ReuseUnitInput }[],
  templates: readonly Float64Array[],
  params: ReuseParams,
  alloc: Alloc = (b) => new ArrayBuffer(b),
): ReuseTables {
  const templateOf = new Int32Array(alloc(4 * units.length));
  const chars = new Int32Array(alloc(4 * units.length));
  const index = new CandidateIndex(16, alloc);
  units.forEach((u, i) => {
    templateOf[i] = u.template;
    chars[i] = u.input.starts.length;
    index.add(i, u.plan, u.input.fingerprints);
  });
  const shared = templates.map((t) => {
    const out = new Float64Array(alloc(t.byteLength));
    out.set(t);
    return out;
  });
  const hashes = units.map((u) => u.input.hashes);
  const fingerprints = units.map((u) => u.input.fingerprints);
  return { params, chars, hashes, fingerprints, templateOf, templates: shared, index: index.freeze() };
}

/** Span kinds in the packed scores: a template run, else the unit id of the peer. */
export const TEMPLATE_SPAN = -1;

/**
 * Scores units [from, to): per unit, in order, the packed record
 * `len, template, peers, either, bestUnit (−1), bestShared, spanCount, (start, end, peer)…` — counts of
 * folded characters restated from the template, from peers and from either; the candidate sharing
 * the largest (rounded) share first; each run of restated characters [start, end) in folded
 * positions, template runs first, then each candidate's in candidate order.
 */
export function scoreUnits(tables: ReuseTables, from: number, to: number, scratch: CandidateScratch = candidateScratch(tables.index)): Int32Array {
  const { params, hashes, fingerprints, templateOf, index } = tables;
  const n = params.shingle;
  const templateSets = tables.templates.map((t) => new PositionTable(t));
  const out = new Growing();
  for (let u = from; u < to; u++) {
    const own = hashes[u]!;
    const chars = tables.chars[u]!;
    const tMask = new Uint8Array(chars);
    const matched = new Uint8Array(own.length);
    const t = templateOf[u]!;
    if (t >= 0) {
      const set = templateSets[t]!;
      for (let i = 0; i < own.length; i++) matched[i] = set.has(own[i]!) ? 1 : 0;
      markRuns(matched, n, params.minRunTemplate, tMask);
    }
    const spans: number[] = [];
    pushRuns(tMask, TEMPLATE_SPAN, spans);
    const pMask = new Uint8Array(chars);
    const mask = new Uint8Array(chars);
    const positions = new PositionTable(own);
    let bestUnit = -1;
    let bestShared = 0;
    let bestShare = -1;
    for (const c of candidatesOf(index, index.planOf[u]!, fingerprints[u]!, params.candidates, scratch)) {
      matched.fill(0);
      positions.markPresent(hashes[c]!, matched);
      mask.fill(0);
      markRuns(matched, n, params.minRunPeer, mask);
      let shared = 0;
      for (let i = 0; i < chars; i++) {
        if (mask[i]) {
          shared++;
          pMask[i] = 1;
        }
      }
      pushRuns(mask, c, spans);
      const share = chars > 0 ? Math.round((shared / chars) * 1000) : 0;
      if (shared > 0 && share > bestShare) {
        bestUnit = c;
        bestShared = shared;
        bestShare = share;
      }
    }
    let tc = 0;
    let pc = 0;
    let either = 0;
    for (let i = 0; i < chars; i++) {
      tc += tMask[i]!;
      pc += pMask[i]!;
      either += tMask[i]! | pMask[i]!;
    }
    out.push(chars, tc, pc, either, bestUnit, bestShared, spans.length / 3);
    out.pushAll(spans);
  }
  return out.done();
}

/**
 * Marks the characters of every run of consecutive matching n-grams (`matched[i]` set: the n-gram at
 * i matches) covering at least `minRun` characters.
 */
function markRuns(matched: Uint8Array, n: number, minRun: number, mask: Uint8Array): void {
  let i = 0;
  while (i < matched.length) {
    if (!matched[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < matched.length && matched[j + 1]) j++;
    const end = j + n;
    if (end - i >= minRun) mask.fill(1, i, end);
    i = j + 1;
  }
}

/** Appends (start, end, peer) for each maximal run of set characters. */
function pushRuns(mask: Uint8Array, peer: number, out: number[]): void {
  let i = 0;
  while (i < mask.length) {
    if (!mask[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < mask.length && mask[j]) j++;
    out.push(i, j, peer);
    i = j;
  }
}

/** An Int32Array that grows as it is filled. */
class Growing {
  private a = new Int32Array(1024);
  private n = 0;
  push(...xs: number[]): void {
    this.pushAll(xs);
  }
  pushAll(xs: readonly number[]): void {
    if (this.n + xs.length > this.a.length) {
      const b = new Int32Array(Math.max(this.a.length * 2, this.n + xs.length));
      b.set(this.a);
      this.a = b;
    }
    for (const x of xs) this.a[this.n++] = x;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

export { candidateScratch, type CandidateScratch };
