import type { Section } from '../../model/plan.js';
import { normalizeForMatch, normalizeWithMap, stripAgencyNotes, type NormalizedWithMap } from './normalize.js';
import { gramProfile, type HeadingIndex, type TemplateProfile, type VariantProfile } from './template-profile.js';

/** A phrase found in a text, for one item. */
export interface PhraseFound {
  phrase: string;
  /** Start in the normalised text. */
  start: number;
  weight: number;
  heading: boolean;
}

/** The matching view of one text (a heading or a body): normalised, its bigrams, its phrase hits per item. */
export interface TextFeatures {
  /** The text as given. */
  raw: string;
  norm: NormalizedWithMap;
  /** Weighted bigrams (headings only; empty for bodies). */
  grams: VariantProfile;
  /** Per item index: the summed weights of the distinct template phrases found in the text. */
  weights: number[];
  /** The distinct phrases found: pattern index into the profile's phrases, and the first start. */
  found: { pattern: number; start: number }[];
}

const EMPTY: VariantProfile = { text: '', grams: new Map(), total: 0 };

/** Work buffers per template profile, reused across calls and left cleared (JS runs one call at a time). */
interface Scratch {
  seen: Uint8Array;
  shared: Float64Array;
}
const scratch = new WeakMap<TemplateProfile, Scratch>();
function scratchOf(tp: TemplateProfile): Scratch {
  let s = scratch.get(tp);
  if (!s) {
    const n = Math.max(tp.headings.variants.length, tp.sectionHeadings.variants.length);
    scratch.set(tp, (s = { seen: new Uint8Array(tp.phrases.length), shared: new Float64Array(n) }));
  }
  return s;
}

/**
 * Reads a text for matching against a template profile: normalises it (with a map back to the input),
 * weighs its bigrams (headings), and finds every keyword and heading phrase of the template in it,
 * counting each distinct phrase once per item.
 */
export function textFeatures(tp: TemplateProfile, input: string, isBody: boolean): TextFeatures {
  // Bodies need no map back (their evidence is searched in the text as read).
  const norm = isBody ? { text: normalizeForMatch(stripAgencyNotes(input)), map: [] } : normalizeWithMap(input);
  const grams = isBody ? EMPTY : gramProfile(norm.text, tp.gramWeight);
  const weights = new Array<number>(tp.items.length).fill(0);
  const found: { pattern: number; start: number }[] = [];
  const seen = scratchOf(tp).seen;
  tp.matcher.scan(norm.text, (pattern, end) => {
    if (seen[pattern]) return;
    seen[pattern] = 1;
    const entry = tp.phrases[pattern]!;
    found.push({ pattern, start: end - entry.text.length });
    for (const it of entry.items) weights[it.index] = weights[it.index]! + it.weight;
  });
  for (const f of found) seen[f.pattern] = 0;
  return { raw: input, norm, grams, weights, found };
}

/** The matching view of a section: its heading, intro, and each measure's heading and body. */
export interface SectionFeatures {
  title: TextFeatures;
  intro: TextFeatures;
  measures: { title: TextFeatures; body: TextFeatures }[];
}

const sectionCache = new WeakMap<Section, { tp: TemplateProfile; texts: string[]; features: SectionFeatures }>();

function textsOf(section: Section): string[] {
  return [section.title, section.intro, ...section.measures.flatMap((m) => [m.title, m.body])];
}

/**
 * The features of a section's texts against a template, cached per section object and checked
 * against its texts (so alignment and coverage read each text once).
 */
export function sectionFeatures(tp: TemplateProfile, section: Section): SectionFeatures {
  const hit = sectionCache.get(section);
  const texts = textsOf(section);
  // A section edited in place since (same object, other texts) is read again.
  if (hit && hit.tp === tp && hit.texts.length === texts.length && hit.texts.every((t, i) => t === texts[i])) return hit.features;
  const features: SectionFeatures = {
    title: textFeatures(tp, section.title, false),
    intro: textFeatures(tp, section.intro, true),
    measures: section.measures.map((m) => ({ title: textFeatures(tp, m.title, false), body: textFeatures(tp, m.body, true) })),
  };
  sectionCache.set(section, { tp, texts, features });
  return features;
}

/** Summed weights per item of the distinct phrases found in any of several texts. */
export function unionWeights(tp: TemplateProfile, texts: readonly TextFeatures[]): number[] {
  const weights = new Array<number>(tp.items.length).fill(0);
  const seen = new Uint8Array(tp.phrases.length);
  for (const f of texts) {
    for (const { pattern } of f.found) {
      if (seen[pattern]) continue;
      seen[pattern] = 1;
      for (const it of tp.phrases[pattern]!.items) weights[it.index] = weights[it.index]! + it.weight;
    }
  }
  return weights;
}

/** The phrases of one item found in a text, with their weights. */
export function phrasesFor(tp: TemplateProfile, f: TextFeatures, itemIndex: number): PhraseFound[] {
  const out: PhraseFound[] = [];
  for (const { pattern, start } of f.found) {
    const entry = tp.phrases[pattern]!;
    const it = entry.items.find((x) => x.index === itemIndex);
    if (it) out.push({ phrase: entry.text, start, weight: it.weight, heading: it.heading });
  }
  return out;
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

/** No shared bigram. */
export const NO_MATCH: HeadingMatch = { dice: 0, local: 0, template: 0, variant: '' };

/**
 * Best weighted-bigram match of a local heading (its bigram profile) against the headings of an index
 * (every item's title and aliases, or the top-level items' cores), through the index's bigram lists
 * (cost: the heading's bigrams × the variants sharing them). Items absent from the result share no bigram.
 */
export function headingMatches(tp: TemplateProfile, a: VariantProfile, index: HeadingIndex = tp.headings): Map<number, HeadingMatch> {
  const out = new Map<number, HeadingMatch>();
  if (a.total === 0) return out;
  const shared = scratchOf(tp).shared;
  const touched: number[] = [];
  for (const [g, w] of a.grams) {
    const list = index.gramIndex.get(g);
    if (!list) continue;
    for (const k of list) {
      if (shared[k] === 0) touched.push(k);
      shared[k] = shared[k]! + w;
    }
  }
  for (const k of touched) {
    const s = shared[k]!;
    const v = index.variants[k]!;
    const dice = (2 * s) / (a.total + v.profile.total);
    const prev = out.get(v.item);
    if (!prev || dice > prev.dice || (dice === prev.dice && v.profile.text < prev.variant)) {
      out.set(v.item, { dice, local: s / a.total, template: s / v.profile.total, variant: v.profile.text });
    }
  }
  for (const k of touched) shared[k] = 0;
  return out;
}

/** 1 − e^(−x/scale): a saturating score for summed phrase weights. */
export function saturate(x: number, scale: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x / scale);
}

/** The longest stretch (two characters at least) shared by two normalised strings, with its start in `a`. */
export function longestShared(a: string, b: string): { text: string; start: number } | null {
  let best: { text: string; start: number } | null = null;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k >= 2 && (!best || k > best.text.length)) best = { text: a.slice(i, i + k), start: i };
    }
  }
  return best;
}
