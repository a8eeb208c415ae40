import { EARLIER_2016 } from '../../template/earlier-2016.js';
import { NATIONAL_2021 } from '../../template/national-2021.js';
import type { Template, TemplateItem } from '../../template/schema.js';
import { normalizeForMatch } from './normalize.js';
import { PairTable } from './pair-table.js';
import { PhraseMatcher } from './phrase-matcher.js';

/** A heading of an item (its title or an alias, normalised) and the summed weight of its distinct bigrams. */
export interface VariantProfile {
  text: string;
  total: number;
}

/** A phrase that points at items: a keyword, or a title/alias. */
export interface PhraseEntry {
  text: string;
  /** Items that list the phrase, with the weight it carries for each. */
  items: { index: number; weight: number; heading: boolean }[];
}

export interface ItemProfile {
  index: number;
  item: TemplateItem;
  parent: number | null;
  children: number[];
  variants: VariantProfile[];
}

/** Everything alignment needs from a template, computed once per template object and cached. */
export interface TemplateProfile {
  template: Template;
  items: ItemProfile[];
  byId: ReadonlyMap<string, number>;
  tops: number[];
  /** Sub-items, in template order. */
  subs: number[];
  /** Sub-items of actions and projects (not of 组织实施), in template order: what a task section's measures may take. */
  taskSubs: number[];
  /** Per item: its place in `tops`, −1 for a sub-item. */
  topSlot: Int32Array;
  phrases: PhraseEntry[];
  /** The phrases' items, flat: for phrase p, entries `itemStart[p]` to `itemStart[p + 1]` of `itemIndex` and `itemWeight`. */
  phraseItems: { itemStart: Int32Array; itemIndex: Int32Array; itemWeight: Float64Array; itemHeading: Uint8Array };
  matcher: PhraseMatcher;
  /** The template's bigrams, numbered. */
  grams: GramTable;
  /** Weight of each numbered bigram: rare across the template's items → high. */
  gramWeights: number[];
  /** Weight of a bigram: rare across the template's items → high; unknown → highest. */
  gramWeight: (g: string) => number;
  /** The headings of every item (for measures). */
  headings: HeadingIndex;
  /** The core headings of the top-level items, kind words left out (for sections; see {@link sectionCore}). */
  sectionHeadings: HeadingIndex;
  /** Work buffers of the matching functions, left cleared between calls (JS runs one call at a time). */
  scratch: Scratch;
  /**
   * A row to copy (`slice()`) rather than build: a section's scores by top-level item, all −Infinity
   * (not a candidate). It holds doubles already, so a copy is one allocation of the final size (a new
   * array filled with numbers starts as small integers and is copied again when the first score is written).
   */
  blank: { score: number[] };
}

export interface Scratch {
  /** Per phrase: already counted in this text. */
  seen: Uint8Array;
  /** Per heading variant: shared weight with the local heading. */
  shared: Float64Array;
  /** Per item: the best variant's slot in a heading match being built (−1: none). */
  slot: Int32Array;
  /** Per item: a heading match's Dice coefficient, and a measure's title and body weights, spread out for reading by index. */
  dice: Float64Array;
  titleWeights: Float64Array;
  bodyWeights: Float64Array;
  /** Per item: 1 for the sub-items of the item a section is aligned with (while its measures are). */
  under: Uint8Array;
  /** Per item: how many measures of the section being aligned took it so far. */
  used: Int32Array;
  /** Variants sharing a bigram with a heading (see `headingMatch`). */
  touched: Int32Array;
  /** A heading's distinct bigrams: ids (−1: unknown to the template) and weights; unknown ones by code units (see `headingGrams`). */
  gramIds: number[];
  gramWeights: number[];
  unknownGrams: number[];
  /** A text's phrases found and their starts (see `textFeatures`). */
  hits: number[];
  hitStarts: number[];
  /** Per top-level item slot: a section's measure votes, one measure's best sub-item scores, the section's own phrase weights (see `scoreSection`). */
  votes: Float64Array;
  best: Float64Array;
  own: Float64Array;
  /** Per item: the summed weights of the phrases found in a section's texts (see `unionWeights`). */
  union: Float64Array;
  /** Raw scores of the measures of the plan being aligned (see `rawScores`). */
  raw: Float64Array;
  /** Per item: 1 for the top-level items some section of the plan being aligned took. */
  taken: Uint8Array;
  /** The order in which a section's measures choose: measure indexes and their best scores (see `alignSection`). */
  orderIndex: number[];
  orderTop: number[];
  /** The phrases of one item found in a text: places in its hit list and entries of `phraseItems` (see `phraseEvidence`). */
  pickHit: number[];
  pickEntry: number[];
}

/** Heading variants, flat, and for each numbered bigram the variants that have it (`lists` from `start[g]` to `start[g + 1]`). */
export interface HeadingIndex {
  variants: { item: number; profile: VariantProfile }[];
  start: Int32Array;
  lists: Int32Array;
}

/**
 * Bigrams (pairs of code units; a lone character as the pair (c, 0): normalised text never holds code 0)
 * numbered 0, 1, 2 … in order of addition, so no string is made per bigram.
 */
export class GramTable {
  private readonly table: PairTable;
  /** The two code units of each bigram, by id. */
  readonly first: number[] = [];
  readonly second: number[] = [];

  constructor(expected: number) {
    this.table = new PairTable(expected);
  }

  get size(): number {
    return this.first.length;
  }

  /** The id of a bigram, −1 when absent. */
  get(c0: number, c1: number): number {
    return this.table.get(c0, c1);
  }

  /** The id of a bigram, added when absent. */
  add(c0: number, c1: number): number {
    const id = this.table.get(c0, c1);
    if (id >= 0) return id;
    this.table.set(c0, c1, this.first.length);
    this.first.push(c0);
    this.second.push(c1);
    return this.first.length - 1;
  }
}

/** The bigram ids of a normalised string (a single character counts as its own gram), added when new, repeats included. */
function bigramIds(grams: GramTable, s: string, out: number[]): void {
  if (s.length === 1) out.push(grams.add(s.charCodeAt(0), 0));
  for (let i = 0; i + 1 < s.length; i++) out.push(grams.add(s.charCodeAt(i), s.charCodeAt(i + 1)));
}

/** 科学素质提升行动, 能力提升工程, 建设工程 …: what every action's or project's heading ends with. */
const KIND_SUFFIX = /(科学素质)?(能力)?(提升|建设)?(行动|工程|计划)$/u;

/**
 * What a section heading is about, without a leading 实施 and the kind words every action or project
 * ends with: 实施老年人科学素质提升行动 → 老年人, 基层科普能力提升工程 → 基层科普, 科普基础设施建设工程 → 科普基础设施.
 * The kind itself is weighed apart; without this, any two actions look alike.
 */
export function sectionCore(normalized: string): string {
  const t = normalized.length > 4 ? normalized.replace(LEAD, '') : normalized;
  const c = t.replace(KIND_SUFFIX, '');
  return c.length >= 2 ? c : t;
}

/**
 * Verbs and domain words every plan heading uses (实施, 加强, 科普, 素质 …): they say little about which
 * item a heading is, so their bigrams weigh less whatever their spread over the template.
 */
const GENERIC_WORDS = [
  '实施', '开展', '加强', '推进', '建立', '完善', '提升', '提高', '建设', '推动', '强化', '深入', '大力', '全面',
  '积极', '不断', '切实', '促进', '健全', '发挥', '作用', '工作', '科普', '科学', '学素', '素质', '行动', '工程',
  '加大', '进一', '一步', '构建', '打造', '注重', '坚持', '扎实', '持续', '广泛', '着力', '有效', '充分',
];
const GENERIC = new GramTable(GENERIC_WORDS.length);
for (const w of GENERIC_WORDS) GENERIC.add(w.charCodeAt(0), w.charCodeAt(1));

const cache = new WeakMap<Template, TemplateProfile>();

/**
 * The built-in templates' titles, aliases and keywords, normalised once: a template derived from a plan
 * borrows most of its texts from one of them.
 */
let builtinTexts: Map<string, string> | null = null;

function normalizeTemplateText(s: string): string {
  if (!builtinTexts) {
    builtinTexts = new Map();
    for (const t of [NATIONAL_2021, EARLIER_2016]) {
      for (const it of t.items) for (const x of [it.title, ...it.aliases, ...it.keywords]) builtinTexts.set(x, normalizeForMatch(x));
    }
  }
  return builtinTexts.get(s) ?? normalizeForMatch(s);
}

/** A leading 实施 (深入实施, 大力实施 …) says nothing about a heading's subject; its bigrams are left out. */
const LEAD = /^(深入|大力|全面|积极|扎实|继续)?实施/u;

/** The part of a heading whose bigrams count: without a leading 实施 (when longer than four characters). */
function gramCore(s: string): string {
  return s.length > 4 && s.includes('实施') ? s.replace(LEAD, '') : s;
}

/**
 * The weighted bigrams of a normalised heading against a template, into the profile's work arrays
 * `scratch.gramIds` and `scratch.gramWeights` (from index 0): the distinct bigrams in order of first
 * occurrence, each as the template's gram id (−1: unknown to the template) with its weight. The bigrams
 * skip a leading 实施. Unknown bigrams weigh the most (a generic one 0.3 of that). Returns the count.
 * Nothing is kept: callers read the arrays before the next call.
 */
export function headingGrams(tp: TemplateProfile, s: string): number {
  const { grams, gramWeights } = tp;
  const { gramIds: ids, gramWeights: weights, unknownGrams: unknown } = tp.scratch;
  const core = gramCore(s);
  let count = 0;
  let unknownCount = 0;
  // Repeats are skipped: a known bigram by its id, an unknown one by its code units (kept apart, rare).
  const pairs = core.length === 1 ? 1 : core.length - 1;
  // Room for every pair first: stores past the end make optimised code start over.
  while (ids.length < pairs) {
    ids.push(0);
    weights.push(0);
    unknown.push(0);
  }
  for (let i = 0; i < pairs; i++) {
    const c0 = core.charCodeAt(i);
    const c1 = core.length === 1 ? 0 : core.charCodeAt(i + 1);
    const id = grams.get(c0, c1);
    if (id >= 0) {
      if (indexIn(ids, count, id) >= 0) continue;
      ids[count] = id;
      weights[count++] = gramWeights[id]!;
      continue;
    }
    const key = c0 * 0x10000 + c1;
    if (indexIn(unknown, unknownCount, key) >= 0) continue;
    unknown[unknownCount++] = key;
    ids[count] = -1;
    weights[count++] = unknownWeight(tp.items.length, c0, c1);
  }
  return count;
}

/** The place of `x` among the first `count` entries of a work array, −1 when absent. */
function indexIn(xs: readonly number[], count: number, x: number): number {
  for (let k = 0; k < count; k++) if (xs[k] === x) return k;
  return -1;
}

/** The weight of a bigram no item has, for a template of `n` items: the highest; a generic one 0.3 of that. */
function unknownWeight(n: number, c0: number, c1: number): number {
  const maxIdf = Math.log(1 + n);
  return GENERIC.get(c0, c1) >= 0 ? maxIdf * 0.3 : maxIdf;
}

/** Builds a heading index over variants whose bigram ids are given. */
function headingIndex(variants: { item: number; profile: VariantProfile; ids: number[] }[], gramCount: number): HeadingIndex {
  const start = new Int32Array(gramCount + 1);
  for (const v of variants) for (const g of v.ids) start[g + 1]!++;
  for (let g = 0; g < gramCount; g++) start[g + 1] = start[g + 1]! + start[g]!;
  const lists = new Int32Array(start[gramCount]!);
  const fill = start.slice(0, gramCount);
  variants.forEach((v, k) => {
    for (const g of v.ids) lists[fill[g]!++] = k;
  });
  // Built by push: a packed list whatever the input's elements kind, so that code reading the index
  // meets one kind of array for every template.
  const out: { item: number; profile: VariantProfile }[] = [];
  for (const { item, profile } of variants) out.push({ item, profile });
  return { variants: out, start, lists };
}

/**
 * The work arrays of the scratch that grow as needed (sized by a text, not by the template): one set per
 * thread, shared by every profile, as the rest of the scratch is used — one call at a time, read before
 * the next. Shared, they grow once, and the code reading them meets the same arrays whichever template
 * (the national outline, a parent plan) it aligns with; a fresh set per profile made that code start
 * over (deoptimise) with each new parent in a comparison.
 */
const GROWN = {
  gramIds: zeros(64),
  gramWeights: doubles(64, 0),
  // Keys of two code units (up to 2³²): past the small integers.
  unknownGrams: doubles(64, 0),
  hits: zeros(64),
  hitStarts: zeros(64),
  orderIndex: zeros(64),
  orderTop: doubles(64, 0),
  pickHit: zeros(64),
  pickEntry: zeros(64),
};

/** `n` zeros, appended one by one: a packed array of small integers (`new Array(n).fill(0)` has holes for V8, and so do its slices). */
function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

/**
 * The alignment profile of a template: normalised headings with IDF-weighted bigrams, and one
 * phrase matcher over all keywords and headings. Cached per template object (WeakMap), so aligning
 * thousands of plans against one template builds it once.
 */
export function templateProfile(template: Template): TemplateProfile {
  const hit = cache.get(template);
  if (hit) return hit;
  const items = template.items;
  const byId = new Map<string, number>();
  items.forEach((it, i) => byId.set(it.id, i));

  // Each item's texts, normalised once (most of a template derived from a plan is borrowed from a built-in one).
  const norm = items.map((it) => ({
    headings: [it.title, ...it.aliases].map(normalizeTemplateText),
    keywords: it.keywords.map(normalizeTemplateText),
  }));

  // Document frequency of bigrams over items (heading + aliases + keywords of each item).
  const grams = new GramTable(1024);
  const df: number[] = [];
  const lastItem: number[] = [];
  const ids: number[] = [];
  norm.forEach((t, i) => {
    ids.length = 0;
    for (const s of t.headings) bigramIds(grams, s, ids);
    for (const s of t.keywords) bigramIds(grams, s, ids);
    for (const g of ids) {
      if (g === df.length) {
        df.push(0);
        lastItem.push(-1);
      }
      if (lastItem[g] !== i) {
        lastItem[g] = i;
        df[g]!++;
      }
    }
  });
  const n = items.length;
  const gramWeights = df.map((d, g) => {
    const idf = Math.log(1 + n / (d + 0.5));
    return GENERIC.get(grams.first[g]!, grams.second[g]!) >= 0 ? idf * 0.3 : idf;
  });
  // A heading's distinct bigrams (numbered) and their total. A bigram of no item's texts (a lone
  // character left by a dropped 实施) weighs as unknown.
  const variantOf = (text: string): { profile: VariantProfile; ids: number[] } => {
    const all: number[] = [];
    bigramIds(grams, gramCore(text), all);
    for (let g = gramWeights.length; g < grams.size; g++) gramWeights.push(unknownWeight(n, grams.first[g]!, grams.second[g]!));
    const ids: number[] = [];
    for (const g of all) if (!ids.includes(g)) ids.push(g);
    let total = 0;
    for (const g of ids) total += gramWeights[g]!;
    return { profile: { text, total }, ids };
  };
  const gramWeight = (g: string): number => {
    const id = g.length === 1 ? grams.get(g.charCodeAt(0), 0) : g.length === 2 ? grams.get(g.charCodeAt(0), g.charCodeAt(1)) : -1;
    if (id >= 0) return gramWeights[id]!;
    return g.length === 2 ? unknownWeight(n, g.charCodeAt(0), g.charCodeAt(1)) : Math.log(1 + n);
  };

  const variantIds: number[][][] = [];
  const profiles: ItemProfile[] = items.map((item, index) => {
    const vs = uniq(norm[index]!.headings).filter(Boolean).map(variantOf);
    variantIds.push(vs.map((v) => v.ids));
    return {
      index,
      item,
      parent: item.parent === null ? null : (byId.get(item.parent) ?? null),
      children: [],
      variants: vs.map((v) => v.profile),
    };
  });
  for (const p of profiles) if (p.parent !== null) profiles[p.parent]!.children.push(p.index);
  const tops = profiles.filter((p) => p.parent === null).map((p) => p.index);
  const subs = profiles.filter((p) => p.parent !== null).map((p) => p.index);
  const taskSubs = subs.filter((i) => items[i]!.kind !== 'org');
  const topSlot = new Int32Array(items.length).fill(-1);
  tops.forEach((t, k) => (topSlot[t] = k));

  // Phrases: keywords and headings. A keyword listed by several items of one level weighs less for each.
  const phraseIndex = new Map<string, PhraseEntry>();
  const levelCount = [new Map<string, number>(), new Map<string, number>()];
  const keywords = profiles.map((p) => uniq(norm[p.index]!.keywords));
  for (const p of profiles) {
    const count = levelCount[p.parent === null ? 0 : 1]!;
    for (const k of keywords[p.index]!) if (k.length >= 2) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const add = (text: string, index: number, weight: number, heading: boolean) => {
    let e = phraseIndex.get(text);
    if (!e) phraseIndex.set(text, (e = { text, items: [] }));
    const prev = e.items.find((x) => x.index === index);
    if (prev) {
      prev.weight = Math.max(prev.weight, weight);
      prev.heading ||= heading;
    } else e.items.push({ index, weight, heading });
  };
  for (const p of profiles) {
    const count = levelCount[p.parent === null ? 0 : 1]!;
    for (const k of keywords[p.index]!) {
      if (k.length < 2) continue;
      const spread = count.get(k) ?? 1;
      add(k, p.index, phraseWeight(k) / spread, false);
    }
    for (const v of p.variants) if (v.text.length >= 4) add(v.text, p.index, 2, true);
  }
  const headingVariants = profiles.flatMap((p, i) => p.variants.map((profile, k) => ({ item: p.index, profile, ids: variantIds[i]![k]! })));
  const coreVariants = profiles
    .filter((p) => p.parent === null)
    .flatMap((p) =>
      uniq(norm[p.index]!.headings.map(sectionCore))
        .filter(Boolean)
        .map((core) => ({ item: p.index, ...variantOf(core) })),
    );
  const headings = headingIndex(headingVariants, grams.size);
  const sectionHeadings = headingIndex(coreVariants, grams.size);
  // In order of first listing: which index a phrase has changes no result (hits are ordered by position).
  const phrases = [...phraseIndex.values()];
  const itemStart = new Int32Array(phrases.length + 1);
  phrases.forEach((e, k) => (itemStart[k + 1] = itemStart[k]! + e.items.length));
  const itemIndex = new Int32Array(itemStart[phrases.length]!);
  const itemWeight = new Float64Array(itemStart[phrases.length]!);
  const itemHeading = new Uint8Array(itemStart[phrases.length]!);
  phrases.forEach((e, k) => {
    e.items.forEach((it, j) => {
      itemIndex[itemStart[k]! + j] = it.index;
      itemWeight[itemStart[k]! + j] = it.weight;
      itemHeading[itemStart[k]! + j] = it.heading ? 1 : 0;
    });
  });
  const profile: TemplateProfile = {
    template,
    items: profiles,
    byId,
    tops,
    subs,
    taskSubs,
    topSlot,
    phrases,
    phraseItems: { itemStart, itemIndex, itemWeight, itemHeading },
    matcher: new PhraseMatcher(phrases.map((p) => p.text)),
    grams,
    gramWeights,
    gramWeight,
    headings,
    sectionHeadings,
    scratch: {
      seen: new Uint8Array(phrases.length),
      shared: new Float64Array(Math.max(headings.variants.length, sectionHeadings.variants.length)),
      slot: new Int32Array(items.length).fill(-1),
      dice: new Float64Array(items.length),
      titleWeights: new Float64Array(items.length),
      bodyWeights: new Float64Array(items.length),
      under: new Uint8Array(items.length),
      used: new Int32Array(items.length),
      touched: new Int32Array(Math.max(headings.variants.length, sectionHeadings.variants.length)),
      ...GROWN,
      votes: new Float64Array(tops.length),
      best: new Float64Array(tops.length),
      own: new Float64Array(tops.length),
      union: new Float64Array(items.length),
      raw: new Float64Array(0),
      taken: new Uint8Array(items.length),
    },
    blank: { score: doubles(tops.length, -Infinity) },
  };
  cache.set(template, profile);
  return profile;
}

/** Longer phrases are more specific: two characters 0.6, three 0.85, four or more 1. */
function phraseWeight(text: string): number {
  return text.length >= 4 ? 1 : text.length === 3 ? 0.85 : 0.6;
}

/** An array of `n` copies of `x` whose elements are stored as doubles (so copies of it are too). */
function doubles(n: number, x: number): number[] {
  const out: number[] = [];
  // 0.5 first: an array that has only ever held small integers stores them as such.
  for (let i = 0; i < n; i++) out.push(0.5);
  return out.fill(x);
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}
