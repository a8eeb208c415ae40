import type { Template, TemplateItem } from '../../template/schema.js';
import { normalizeForMatch } from './normalize.js';
import { PhraseMatcher } from './phrase-matcher.js';

/** A heading of an item (its title or an alias), normalised, with its weighted bigrams. */
export interface VariantProfile {
  text: string;
  grams: Map<string, number>;
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
  phrases: PhraseEntry[];
  matcher: PhraseMatcher;
  /** Weight of a bigram: rare across the template's items → high; unknown → highest. */
  gramWeight: (g: string) => number;
  /** The headings of every item (for measures). */
  headings: HeadingIndex;
  /** The core headings of the top-level items, kind words left out (for sections; see {@link sectionCore}). */
  sectionHeadings: HeadingIndex;
}

/** Heading variants, flat, and for each bigram the variants that have it. */
export interface HeadingIndex {
  variants: { item: number; profile: VariantProfile }[];
  gramIndex: Map<string, number[]>;
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

function headingIndex(variants: { item: number; profile: VariantProfile }[]): HeadingIndex {
  const gramIndex = new Map<string, number[]>();
  variants.forEach((v, k) => {
    for (const g of v.profile.grams.keys()) {
      const list = gramIndex.get(g);
      if (list) list.push(k);
      else gramIndex.set(g, [k]);
    }
  });
  return { variants, gramIndex };
}

/**
 * Verbs and domain words every plan heading uses (实施, 加强, 科普, 素质 …): they say little about which
 * item a heading is, so their bigrams weigh less whatever their spread over the template.
 */
const GENERIC = new Set([
  '实施', '开展', '加强', '推进', '建立', '完善', '提升', '提高', '建设', '推动', '强化', '深入', '大力', '全面',
  '积极', '不断', '切实', '促进', '健全', '发挥', '作用', '工作', '科普', '科学', '学素', '素质', '行动', '工程',
  '加大', '进一', '一步', '构建', '打造', '注重', '坚持', '扎实', '持续', '广泛', '着力', '有效', '充分',
]);

const cache = new WeakMap<Template, TemplateProfile>();

/** Character bigrams of a normalised string (a single character counts as its own gram). */
export function bigrams(s: string): string[] {
  if (s.length === 1) return [s];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** A leading 实施 (深入实施, 大力实施 …) says nothing about a heading's subject; its bigrams are left out. */
const LEAD = /^(深入|大力|全面|积极|扎实|继续)?实施/u;

/** Weighted bigram set of a normalised heading (`text` is the heading; the bigrams skip a leading 实施). */
export function gramProfile(s: string, weight: (g: string) => number): VariantProfile {
  const grams = new Map<string, number>();
  const core = s.length > 4 ? s.replace(LEAD, '') : s;
  for (const g of bigrams(core)) grams.set(g, weight(g));
  let total = 0;
  for (const w of grams.values()) total += w;
  return { text: s, grams, total };
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

  // Document frequency of bigrams over items (heading + aliases + keywords of each item).
  const df = new Map<string, number>();
  for (const it of items) {
    const seen = new Set<string>();
    for (const s of [it.title, ...it.aliases, ...it.keywords]) for (const g of bigrams(normalizeForMatch(s))) seen.add(g);
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const n = items.length;
  const maxIdf = Math.log(1 + n);
  const weights = new Map<string, number>();
  for (const [g, d] of df) {
    const idf = Math.log(1 + n / (d + 0.5));
    weights.set(g, GENERIC.has(g) ? idf * 0.3 : idf);
  }
  const unknownGeneric = maxIdf * 0.3;
  const gramWeight = (g: string): number => weights.get(g) ?? (GENERIC.has(g) ? unknownGeneric : maxIdf);

  const profiles: ItemProfile[] = items.map((item, index) => ({
    index,
    item,
    parent: item.parent === null ? null : (byId.get(item.parent) ?? null),
    children: [],
    variants: uniq([item.title, ...item.aliases].map(normalizeForMatch)).filter(Boolean).map((v) => gramProfile(v, gramWeight)),
  }));
  for (const p of profiles) if (p.parent !== null) profiles[p.parent]!.children.push(p.index);
  const tops = profiles.filter((p) => p.parent === null).map((p) => p.index);

  // Phrases: keywords and headings. A keyword listed by several items of one level weighs less for each.
  const phraseIndex = new Map<string, PhraseEntry>();
  const levelCount = new Map<string, number>();
  const levelKey = (p: ItemProfile, text: string) => `${p.parent === null ? 'top' : 'sub'}|${text}`;
  for (const p of profiles) {
    for (const k of uniq(p.item.keywords.map(normalizeForMatch))) {
      if (k.length >= 2) levelCount.set(levelKey(p, k), (levelCount.get(levelKey(p, k)) ?? 0) + 1);
    }
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
    for (const k of uniq(p.item.keywords.map(normalizeForMatch))) {
      if (k.length < 2) continue;
      const spread = levelCount.get(levelKey(p, k)) ?? 1;
      add(k, p.index, phraseWeight(k) / spread, false);
    }
    for (const v of p.variants) if (v.text.length >= 4) add(v.text, p.index, 2, true);
  }
  const headings = headingIndex(profiles.flatMap((p) => p.variants.map((profile) => ({ item: p.index, profile }))));
  const sectionHeadings = headingIndex(
    profiles
      .filter((p) => p.parent === null)
      .flatMap((p) =>
        uniq([p.item.title, ...p.item.aliases].map((t) => sectionCore(normalizeForMatch(t))))
          .filter(Boolean)
          .map((core) => ({ item: p.index, profile: gramProfile(core, gramWeight) })),
      ),
  );
  const phrases = [...phraseIndex.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const profile: TemplateProfile = {
    template,
    items: profiles,
    byId,
    tops,
    phrases,
    matcher: new PhraseMatcher(phrases.map((p) => p.text)),
    gramWeight,
    headings,
    sectionHeadings,
  };
  cache.set(template, profile);
  return profile;
}

/** Longer phrases are more specific: two characters 0.6, three 0.85, four or more 1. */
function phraseWeight(text: string): number {
  return text.length >= 4 ? 1 : text.length === 3 ? 0.85 : 0.6;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}
