import type { Section } from '../../model/plan.js';
import { bufferStringOf, normalizeToBuffer, stripAgencyNotes } from './normalize.js';
import { headingGrams, type HeadingIndex, type TemplateProfile } from './template-profile.js';

/**
 * The matching view of one text (a heading or a body): normalised, and the phrases of the template
 * found in it. Kept for as long as the alignment made from it (coverage reads it again), so it holds
 * only what cannot be derived cheaply: a text's weights by item and a heading's bigrams are computed
 * from it when needed (see {@link spread}, {@link headingMatch}).
 */
export interface TextFeatures {
  /** The text as given. */
  raw: string;
  /** Normalised (headings only: bodies are only scanned, and their text is '' here). */
  text: string;
  /**
   * The distinct phrases found, in order of first occurrence (by its end; at one end, longer first), as
   * pattern indexes into the profile's phrases …
   */
  found: readonly number[];
  /**
   * … and, for headings, the start of that first occurrence in the normalised text (where its evidence
   * is located). Bodies: empty (their evidence is searched in the text as read; among phrases of one
   * length, the order of `found` is already the order of their starts).
   */
  starts: readonly number[];
}

/**
 * Reads a text for matching against a template profile: normalises it and finds every keyword and
 * heading phrase of the template in it (each distinct phrase once).
 */
export function textFeatures(tp: TemplateProfile, input: string, isBody: boolean): TextFeatures {
  // Bodies are scanned in the normaliser's buffer (their evidence is searched in the text as read).
  const { codes, length } = normalizeToBuffer(isBody ? stripAgencyNotes(input) : input);
  // Work arrays of the profile, written from index 0, copied out at their exact size (one shared empty
  // list when nothing is found).
  const { seen, hits, hitStarts } = tp.scratch;
  const count = tp.matcher.firstHits(codes, length, seen, hits, hitStarts);
  for (let k = 0; k < count; k++) seen[hits[k]!] = 0;
  // Most headings normalise to themselves: then the heading is the text (no new string).
  const text = isBody ? '' : bufferStringOf(input, length);
  return { raw: input, text, found: copy(hits, count), starts: isBody ? NONE : copy(hitStarts, count) };
}

const NONE: readonly number[] = [];

/** The first `count` entries of a work array, as an array of that size. */
function copy(xs: readonly number[], count: number): readonly number[] {
  if (count === 0) return NONE;
  return xs.slice(0, count);
}

/**
 * Adds a text's weight for each item into a dense array by item (what the text's phrases point at, each
 * distinct phrase once: the summed weights of the phrases found for the item). On an array of zeros it
 * writes the text's weights; the caller clears it (`fill(0)`) after reading.
 */
export function spread(tp: TemplateProfile, f: TextFeatures, dense: Float64Array): void {
  const { itemStart, itemIndex, itemWeight } = tp.phraseItems;
  const found = f.found;
  for (let k = 0; k < found.length; k++) {
    const p = found[k]!;
    for (let e = itemStart[p]!, end = itemStart[p + 1]!; e < end; e++) dense[itemIndex[e]!] = dense[itemIndex[e]!]! + itemWeight[e]!;
  }
}

/** A text's weight for one item (see {@link spread}; summed in the same order). */
export function weightOf(tp: TemplateProfile, f: TextFeatures, item: number): number {
  const { itemStart, itemIndex, itemWeight } = tp.phraseItems;
  const found = f.found;
  let sum = 0;
  for (let k = 0; k < found.length; k++) {
    const p = found[k]!;
    for (let e = itemStart[p]!, end = itemStart[p + 1]!; e < end; e++) if (itemIndex[e] === item) sum += itemWeight[e]!;
  }
  return sum;
}

/** The matching view of a section: its heading, intro, and each measure's heading and body. */
export interface SectionFeatures {
  title: TextFeatures;
  intro: TextFeatures;
  measures: { title: TextFeatures; body: TextFeatures }[];
}

/** Reads a section's texts against a template. */
export function sectionFeatures(tp: TemplateProfile, section: Section): SectionFeatures {
  return {
    title: textFeatures(tp, section.title, false),
    intro: textFeatures(tp, section.intro, true),
    measures: section.measures.map((m) => ({ title: textFeatures(tp, m.title, false), body: textFeatures(tp, m.body, true) })),
  };
}

/** Whether features were read from a section's texts as they are now (a section edited in place since is read again). */
export function featuresFit(f: SectionFeatures, section: Section): boolean {
  if (f.title.raw !== section.title || f.intro.raw !== section.intro || f.measures.length !== section.measures.length) return false;
  for (let i = 0; i < f.measures.length; i++) {
    const m = section.measures[i]!;
    if (f.measures[i]!.title.raw !== m.title || f.measures[i]!.body.raw !== m.body) return false;
  }
  return true;
}

/**
 * What an alignment read of a plan's sections, kept for as long as the alignment object lives (so
 * coverage reads each text once, and nothing outlives the alignment).
 */
interface AlignmentReading {
  tp: TemplateProfile;
  sections: readonly Section[];
  features: readonly SectionFeatures[];
}
const readings = new WeakMap<object, AlignmentReading>();

/** Remembers the features an alignment was made from (see {@link featuresOf}). */
export function rememberFeatures(alignment: object, tp: TemplateProfile, sections: readonly Section[], features: readonly SectionFeatures[]): void {
  readings.set(alignment, { tp, sections: [...sections], features });
}

/**
 * The features of a section for an alignment made with `tp`: those the alignment read when it is the
 * same section object with the same texts, else read now.
 */
export function featuresOf(alignment: object, tp: TemplateProfile, section: Section, index: number): SectionFeatures {
  const r = readings.get(alignment);
  const f = r && r.tp === tp && r.sections[index] === section ? r.features[index] : undefined;
  return f && featuresFit(f, section) ? f : sectionFeatures(tp, section);
}

/**
 * Summed weights per item of the distinct phrases found in any of a section's texts (intro, then each
 * measure's heading and body), written into `dense` (zeros before; the caller clears it after reading).
 */
export function unionWeights(tp: TemplateProfile, f: SectionFeatures, dense: Float64Array): void {
  const seen = tp.scratch.seen;
  const measures = f.measures;
  addNew(tp, f.intro.found, seen, dense);
  for (let i = 0; i < measures.length; i++) {
    addNew(tp, measures[i]!.title.found, seen, dense);
    addNew(tp, measures[i]!.body.found, seen, dense);
  }
  // The marks cleared: every phrase marked is in one of the lists.
  unmark(f.intro.found, seen);
  for (let i = 0; i < measures.length; i++) {
    unmark(measures[i]!.title.found, seen);
    unmark(measures[i]!.body.found, seen);
  }
}

/** Adds the weights of the phrases of a hit list not yet marked in `seen`, marking them. */
function addNew(tp: TemplateProfile, found: readonly number[], seen: Uint8Array, dense: Float64Array): void {
  const { itemStart, itemIndex, itemWeight } = tp.phraseItems;
  for (let k = 0; k < found.length; k++) {
    const p = found[k]!;
    if (seen[p]) continue;
    seen[p] = 1;
    for (let e = itemStart[p]!, end = itemStart[p + 1]!; e < end; e++) dense[itemIndex[e]!] = dense[itemIndex[e]!]! + itemWeight[e]!;
  }
}

function unmark(found: readonly number[], seen: Uint8Array): void {
  for (let k = 0; k < found.length; k++) seen[found[k]!] = 0;
}

/** Similarity of a local heading with one template item's headings. */
export interface HeadingMatch {
  /** Weighted Dice coefficient of bigram sets, 0..1. */
  dice: number;
  /** Share of the local heading's weight found in the template heading. */
  local: number;
  /** Share of the template heading's weight found in the local heading. */
  template: number;
  /** The template heading (title or alias, normalised) that matched best. */
  variant: string;
}

/**
 * Accumulates, for each variant of a heading index that shares a bigram with a normalised heading, the
 * weight shared, into `scratch.shared` (the variants touched listed in `scratch.touched`; the caller
 * reads and clears `shared` for each). Cost: the heading's bigrams × the variants sharing them. Returns
 * the number of variants touched, and the heading's total weight through `total[0]`.
 */
function shareWeights(tp: TemplateProfile, s: string, index: HeadingIndex, total: Float64Array): number {
  const count = headingGrams(tp, s);
  const { gramIds: ids, gramWeights: weights, shared, touched } = tp.scratch;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += weights[i]!;
  total[0] = sum;
  if (sum === 0) return 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const g = ids[i]!;
    if (g < 0 || g + 1 >= index.start.length) continue;
    const w = weights[i]!;
    for (let e = index.start[g]!, end = index.start[g + 1]!; e < end; e++) {
      const k = index.lists[e]!;
      if (shared[k] === 0) touched[n++] = k;
      shared[k] = shared[k]! + w;
    }
  }
  return n;
}

const headingTotal = new Float64Array(1);

/**
 * Writes into `dense` (by item, zeros before) the best weighted-bigram Dice coefficient of a normalised
 * heading with each item's headings in an index (every item's title and aliases, or the top-level
 * items' cores); items sharing no bigram stay 0. The caller clears `dense` after reading.
 */
export function diceInto(tp: TemplateProfile, heading: string, index: HeadingIndex, dense: Float64Array): void {
  const count = shareWeights(tp, heading, index, headingTotal);
  const total = headingTotal[0]!;
  const { shared, touched } = tp.scratch;
  for (let t = 0; t < count; t++) {
    const k = touched[t]!;
    const s = shared[k]!;
    shared[k] = 0;
    const v = index.variants[k]!;
    const d = (2 * s) / (total + v.profile.total);
    if (d > dense[v.item]!) dense[v.item] = d;
  }
}

/**
 * The best match of a normalised heading with one item of a heading index: its variant with the highest
 * Dice coefficient (at equal ones, the first in code-unit order), written into `out` (a work object
 * reused, read before the next call); undefined when they share no bigram.
 */
export function headingMatch(tp: TemplateProfile, heading: string, index: HeadingIndex, item: number, out: HeadingMatch): HeadingMatch | undefined {
  const count = shareWeights(tp, heading, index, headingTotal);
  const total = headingTotal[0]!;
  const { shared, touched } = tp.scratch;
  let best = -1;
  let bestDice = 0;
  let bestShared = 0;
  for (let t = 0; t < count; t++) {
    const k = touched[t]!;
    const s = shared[k]!;
    shared[k] = 0;
    const v = index.variants[k]!;
    if (v.item !== item) continue;
    const d = (2 * s) / (total + v.profile.total);
    if (best < 0 || d > bestDice || (d === bestDice && v.profile.text < index.variants[best]!.profile.text)) {
      best = k;
      bestDice = d;
      bestShared = s;
    }
  }
  if (best < 0) return undefined;
  const v = index.variants[best]!.profile;
  out.dice = bestDice;
  out.local = bestShared / total;
  out.template = bestShared / v.total;
  out.variant = v.text;
  return out;
}

/** A {@link HeadingMatch} to write into: numbers stored as doubles from the start, so writing one makes no new number. */
export function matchWork(): HeadingMatch {
  return { dice: 0.5, local: 0.5, template: 0.5, variant: '' };
}

/** 1 − e^(−x/scale): a saturating score for summed phrase weights. */
export function saturate(x: number, scale: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x / scale);
}

/** The longest stretch (two characters at least) shared by two normalised strings, with its start in `a`. */
export function longestShared(a: string, b: string): { text: string; start: number } | null {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a.charCodeAt(i + k) === b.charCodeAt(j + k)) k++;
      if (k > bestLength) {
        bestLength = k;
        bestStart = i;
      }
    }
  }
  return bestStart < 0 ? null : { text: a.slice(bestStart, bestStart + bestLength), start: bestStart };
}
