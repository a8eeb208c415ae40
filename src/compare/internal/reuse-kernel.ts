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
import { shingleHashes, winnowInto } from './shingles.js';

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
export function reuseUnitInputs(sections: readonly Pick<ReportSection, 'span'>[], entry: Pick<ComparedPlan, 'plan' | 'text'>, params: ReuseParams, alloc?: Alloc): (ReuseUnitInput | null)[] {
  const texts: (SectionText | null)[] = [];
  const hashes: Float64Array[] = [];
  const fingerprints: Float64Array[] = [];
  let size = 0;
  for (let i = 0; i < sections.length; i++) {
    const text = sectionText(sections[i]!, i, entry);
    texts.push(text);
    if (!text) continue;
    const h = shingleHashes(text.codes, params.shingle);
    if (winnowWork.length < h.length) {
      winnowWork = new Float64Array(Math.max(h.length, 2 * winnowWork.length));
      dequeWork = new Int32Array(winnowWork.length);
    }
    const f = winnowWork.slice(0, winnowInto(h, params.window, winnowWork, dequeWork));
    hashes.push(h);
    fingerprints.push(f);
    size += h.length + f.length;
  }
  const block = alloc ? new Float64Array(alloc(8 * size)) : null;
  let at = 0;
  const place = (a: Float64Array): Float64Array => {
    if (!block) return a;
    const out = block.subarray(at, at + a.length);
    out.set(a);
    at += a.length;
    return out;
  };
  const out: (ReuseUnitInput | null)[] = [];
  let k = 0;
  for (const text of texts) {
    if (!text) {
      out.push(null);
      continue;
    }
    out.push({ hashes: place(hashes[k]!), fingerprints: place(fingerprints[k]!), starts: text.starts, ends: text.ends, spansIn: text.spansIn });
    k++;
  }
  return out;
}

/** Work buffers of `reuseUnitInputs` (winnowing), grown as needed. */
let winnowWork = new Float64Array(1024);
let dequeWork = new Int32Array(1024);

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
  // Work arrays of the call, grown to the longest unit met and cleared per unit as far as it reaches.
  let tMask = new Uint8Array(0);
  let pMask = new Uint8Array(0);
  let matched = new Uint8Array(0);
  const positions = new PositionTable(new Float64Array(0));
  const spans: number[] = [];
  for (let u = from; u < to; u++) {
    const own = hashes[u]!;
    const chars = tables.chars[u]!;
    if (tMask.length < chars) {
      tMask = new Uint8Array(chars * 2);
      pMask = new Uint8Array(chars * 2);
    } else {
      tMask.fill(0, 0, chars);
      pMask.fill(0, 0, chars);
    }
    if (matched.length < own.length) matched = new Uint8Array(own.length * 2);
    spans.length = 0;
    const t = templateOf[u]!;
    if (t >= 0) {
      const set = templateSets[t]!;
      for (let i = 0; i < own.length; i++) matched[i] = set.has(own[i]!) ? 1 : 0;
      pushCovered(matched, own.length, n, params.minRunTemplate, TEMPLATE_SPAN, spans, tMask);
    }
    positions.load(own);
    let bestUnit = -1;
    let bestShared = 0;
    let bestShare = -1;
    for (const c of candidatesOf(index, index.planOf[u]!, fingerprints[u]!, params.candidates, scratch)) {
      matched.fill(0, 0, own.length);
      positions.markPresent(hashes[c]!, matched);
      const shared = pushCovered(matched, own.length, n, params.minRunPeer, c, spans, pMask);
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
    out.push7(chars, tc, pc, either, bestUnit, bestShared, spans.length / 3);
    out.pushAll(spans);
  }
  return out.done();
}

/**
 * The characters covered by every run of consecutive matching n-grams (`matched[i]` set, i < count:
 * the n-gram at i matches) spanning at least `minRun` characters, as maximal ranges in order: each
 * appended to `spans` as (start, end, peer) and set in `mask`. Returns how many characters they cover.
 * (The ranges a mask of those runs would show, without making the mask.)
 */
function pushCovered(matched: Uint8Array, count: number, n: number, minRun: number, peer: number, spans: number[], mask: Uint8Array): number {
  let covered = 0;
  let start = -1;
  let end = -1;
  let i = 0;
  while (i < count) {
    if (!matched[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < count && matched[j + 1]) j++;
    const e = j + n;
    if (e - i >= minRun) {
      if (start >= 0 && i <= end) {
        if (e > end) end = e;
      } else {
        if (start >= 0) {
          spans.push(start, end, peer);
          mask.fill(1, start, end);
          covered += end - start;
        }
        start = i;
        end = e;
      }
    }
    i = j + 1;
  }
  if (start >= 0) {
    spans.push(start, end, peer);
    mask.fill(1, start, end);
    covered += end - start;
  }
  return covered;
}

/** An Int32Array that grows as it is filled. */
class Growing {
  private a = new Int32Array(1024);
  private n = 0;
  /** Appends a unit's record head (seven numbers). */
  push7(a: number, b: number, c: number, d: number, e: number, f: number, g: number): void {
    this.reserve(7);
    const { a: arr } = this;
    let k = this.n;
    arr[k++] = a;
    arr[k++] = b;
    arr[k++] = c;
    arr[k++] = d;
    arr[k++] = e;
    arr[k++] = f;
    arr[k++] = g;
    this.n = k;
  }
  pushAll(xs: readonly number[]): void {
    this.reserve(xs.length);
    for (let i = 0; i < xs.length; i++) this.a[this.n++] = xs[i]!;
  }
  private reserve(more: number): void {
    if (this.n + more > this.a.length) {
      const b = new Int32Array(Math.max(this.a.length * 2, this.n + more));
      b.set(this.a);
      this.a = b;
    }
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

export { candidateScratch, type CandidateScratch };
