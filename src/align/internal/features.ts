import type { Section } from '../../model/plan.js';
import { bufferString, normalizeToBuffer, stripAgencyNotes } from './normalize.js';
import { gramProfile, type GramSet, type HeadingIndex, type TemplateProfile } from './template-profile.js';

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
  /** Normalised (headings only: bodies are only scanned, and their text is '' here). */
  text: string;
  /** Weighted bigrams (headings only; empty for bodies). */
  grams: GramSet;
  /** The distinct phrases found, in order of first occurrence: pattern index into the profile's phrases … */
  found: readonly number[];
  /** … and the start of that first occurrence in the normalised text. */
  starts: readonly number[];
  /**
   * The items the phrases found point at, each once (in order of first mention), with `sums` the summed
   * weights of the distinct phrases found for each: the text's weight for an item, 0 for items not listed.
   */
  items: readonly number[];
  sums: readonly number[];
}

const EMPTY_GRAMS: GramSet = { text: '', ids: [], weights: [], total: 0 };

/**
 * Reads a text for matching against a template profile: normalises it, weighs its bigrams (headings),
 * and finds every keyword and heading phrase of the template in it, counting each distinct phrase once
 * per item.
 */
export function textFeatures(tp: TemplateProfile, input: string, isBody: boolean): TextFeatures {
  // Bodies are scanned in the normaliser's buffer (their evidence is searched in the text as read).
  const { codes, length } = normalizeToBuffer(isBody ? stripAgencyNotes(input) : input);
  // Work arrays of the profile, written from index 0 and copied out at their exact size (most texts
  // find nothing: one shared empty list).
  const { seen, slot, hits, hitStarts, weightItems, weightSums } = tp.scratch;
  const count = tp.matcher.firstHits(codes, length, seen, hits, hitStarts);
  const text = isBody ? '' : bufferString(length);
  const grams = isBody ? EMPTY_GRAMS : gramProfile(tp, text);
  const { itemStart, itemIndex, itemWeight } = tp.phraseItems;
  let items = 0;
  for (let k = 0; k < count; k++) {
    const pattern = hits[k]!;
    seen[pattern] = 0;
    for (let e = itemStart[pattern]!, end = itemStart[pattern + 1]!; e < end; e++) {
      const item = itemIndex[e]!;
      const at = slot[item]!;
      if (at < 0) {
        slot[item] = items;
        weightItems[items] = item;
        weightSums[items++] = itemWeight[e]!;
      } else weightSums[at] = weightSums[at]! + itemWeight[e]!;
    }
  }
  for (let k = 0; k < items; k++) slot[weightItems[k]!] = -1;
  return {
    raw: input,
    text,
    grams,
    found: copy(hits, count),
    starts: copy(hitStarts, count),
    items: copy(weightItems, items),
    sums: copy(weightSums, items),
  };
}

const NONE: readonly number[] = [];

function copy(xs: number[], count: number): readonly number[] {
  return count === 0 ? NONE : xs.slice(0, count);
}

/** A text's weight for one item (see {@link TextFeatures.items}). */
export function weightOf(f: TextFeatures, item: number): number {
  const k = f.items.indexOf(item);
  return k < 0 ? 0 : f.sums[k]!;
}

/** Writes a text's weights into a dense array by item (zero elsewhere); {@link unspread} clears them. */
export function spread(f: TextFeatures, dense: Float64Array): void {
  for (let k = 0; k < f.items.length; k++) dense[f.items[k]!] = f.sums[k]!;
}

export function unspread(f: TextFeatures, dense: Float64Array): void {
  for (const item of f.items) dense[item] = 0;
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

/** Summed weights per item of the distinct phrases found in any of several texts. */
export function unionWeights(tp: TemplateProfile, texts: readonly TextFeatures[]): number[] {
  const weights = new Array<number>(tp.items.length).fill(0);
  const seen = tp.scratch.seen;
  const { itemStart, itemIndex, itemWeight } = tp.phraseItems;
  const marked: number[] = [];
  for (const f of texts) {
    for (const pattern of f.found) {
      if (seen[pattern]) continue;
      seen[pattern] = 1;
      marked.push(pattern);
      for (let e = itemStart[pattern]!, end = itemStart[pattern + 1]!; e < end; e++) {
        weights[itemIndex[e]!] = weights[itemIndex[e]!]! + itemWeight[e]!;
      }
    }
  }
  for (const p of marked) seen[p] = 0;
  return weights;
}

/** The phrases of one item found in a text, with their weights. */
export function phrasesFor(tp: TemplateProfile, f: TextFeatures, itemIndex: number): PhraseFound[] {
  const out: PhraseFound[] = [];
  const { itemStart, itemIndex: index, itemWeight, itemHeading } = tp.phraseItems;
  for (let k = 0; k < f.found.length; k++) {
    const p = f.found[k]!;
    for (let e = itemStart[p]!, end = itemStart[p + 1]!; e < end; e++) {
      if (index[e] !== itemIndex) continue;
      out.push({ phrase: tp.phrases[p]!.text, start: f.starts[k]!, weight: itemWeight[e]!, heading: itemHeading[e] === 1 });
      break;
    }
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
 * The best match of a local heading with each item of a heading index: the items sharing a bigram, each
 * with its best variant's Dice coefficient and shared weight (the full {@link HeadingMatch} is made on request).
 */
export class HeadingMatches {
  constructor(
    private readonly total: number,
    private readonly index: HeadingIndex | null,
    /**
     * Per item sharing a bigram with the heading, four numbers: the item, its best variant's Dice
     * coefficient, the weight that variant shares with the heading, and the variant's place in the index.
     */
    readonly entries: readonly number[],
  ) {}

  /** The match with an item, undefined when they share no bigram. */
  get(item: number): HeadingMatch | undefined {
    const k = this.find(item);
    if (k < 0) return undefined;
    const e = this.entries;
    const v = this.index!.variants[e[k + 3]!]!.profile;
    const s = e[k + 2]!;
    return { dice: e[k + 1]!, local: s / this.total, template: s / v.total, variant: v.text };
  }

  /** The Dice coefficient with an item (0 when they share no bigram). */
  diceOf(item: number): number {
    const k = this.find(item);
    return k < 0 ? 0 : this.entries[k + 1]!;
  }

  private find(item: number): number {
    const e = this.entries;
    for (let k = 0; k < e.length; k += 4) if (e[k] === item) return k;
    return -1;
  }
}

const NO_MATCHES = new HeadingMatches(0, null, []);

/**
 * Best weighted-bigram match of a local heading (its bigram profile) against the headings of an index
 * (every item's title and aliases, or the top-level items' cores), through the index's bigram lists
 * (cost: the heading's bigrams × the variants sharing them). Items absent from the result share no bigram.
 */
export function headingMatches(tp: TemplateProfile, a: GramSet, index: HeadingIndex = tp.headings): HeadingMatches {
  if (a.total === 0) return NO_MATCHES;
  const { shared, slot, touched, entries } = tp.scratch;
  let count = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const g = a.ids[i]!;
    if (g < 0 || g + 1 >= index.start.length) continue;
    const w = a.weights[i]!;
    for (let e = index.start[g]!, end = index.start[g + 1]!; e < end; e++) {
      const k = index.lists[e]!;
      if (shared[k] === 0) touched[count++] = k;
      shared[k] = shared[k]! + w;
    }
  }
  // `entries` is a work array written from index 0 (four numbers an item, see HeadingMatches).
  let n = 0;
  for (let t = 0; t < count; t++) {
    const k = touched[t]!;
    const s = shared[k]!;
    shared[k] = 0;
    const v = index.variants[k]!;
    const d = (2 * s) / (a.total + v.profile.total);
    const at = slot[v.item]!;
    if (at < 0) {
      slot[v.item] = n;
      entries[n] = v.item;
      entries[n + 1] = d;
      entries[n + 2] = s;
      entries[n + 3] = k;
      n += 4;
    } else if (d > entries[at + 1]! || (d === entries[at + 1]! && v.profile.text < index.variants[entries[at + 3]!]!.profile.text)) {
      entries[at + 1] = d;
      entries[at + 2] = s;
      entries[at + 3] = k;
    }
  }
  for (let k = 0; k < n; k += 4) slot[entries[k]!] = -1;
  return new HeadingMatches(a.total, index, entries.slice(0, n));
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
