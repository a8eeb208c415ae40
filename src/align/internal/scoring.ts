import type { Measure, Section } from '../../model/plan.js';
import { headingMatches, saturate, spread, textFeatures, unspread, weightOf, type HeadingMatches, type SectionFeatures, type TextFeatures } from './features.js';
import { normalizeForMatch } from './normalize.js';
import { gramProfile, sectionCore, type TemplateProfile } from './template-profile.js';

// The weights and thresholds of alignment; see the overview in ../align-plan.ts.
const W_HEAD = 0.5;
const W_TITLE_KW = 0.2;
const W_BODY_KW = 0.3;
export const SECTION_BONUS = 0.15;
export const MEASURE_MIN = 0.1;
export const MEASURE_MIN_NO_SECTION = 0.4;
export const SECTION_NULL = 0.3;
export const BROADER_RATIO = 0.85;
/** A measure lands under another section's item only when its raw score there is at least this. */
export const CROSS_MIN = 0.35;
/** What each earlier measure of the same section on a sub-item takes off that sub-item's score. */
export const REPEAT_PENALTY = 0.1;

/** Section heading cores that name nothing: numbering, 重点任务, 其他. */
const UNINFORMATIVE = /^(第|重点|主要|专项|其他|其它|任务|项目|[一二三四五六七八九十百\d]|[项个条类])*$/u;

export interface MeasureView {
  measure: Measure;
  title: TextFeatures;
  body: TextFeatures;
  /** raw score per item index (sub-items only; 0 for others). */
  raw: number[];
  heads: HeadingMatches;
}

export interface SectionView {
  index: number;
  section: Section;
  kind: 'action' | 'project' | 'other';
  title: TextFeatures;
  intro: TextFeatures;
  measures: MeasureView[];
  /** Score per top-level item index. */
  score: Map<number, number>;
  heads: HeadingMatches;
  /** What votes for the section's item: its measures, or its intro read as one measure when it has none. */
  voters: MeasureView[];
}

/** A section's view for alignment, from its features (see {@link sectionFeatures}). */
export function readSection(tp: TemplateProfile, section: Section, index: number, f: SectionFeatures): SectionView {
  const subs = tp.subs;
  const measures = section.measures.map((m, i) => readMeasure(tp, f.measures[i]!.title, f.measures[i]!.body, subs, m));
  const view: SectionView = {
    index,
    section,
    kind: kindOf(section, f.title.text),
    title: f.title,
    intro: f.intro,
    measures,
    score: new Map(),
    heads: headingMatches(tp, gramProfile(tp, sectionCore(f.title.text)), tp.sectionHeadings),
    voters: measures,
  };
  if (measures.length === 0 && f.intro.found.length > 0) {
    const asMeasure: Measure = { title: '', raw: '', label: null, body: section.intro, agencies: [], span: section.span, titleSpan: section.titleSpan };
    view.voters = [readMeasure(tp, textFeatures(tp, '', false), f.intro, subs, asMeasure)];
  }
  return view;
}

export function readMeasure(tp: TemplateProfile, t: TextFeatures, b: TextFeatures, subs: readonly number[], measure: Measure): MeasureView {
  const raw = new Array<number>(tp.items.length).fill(0);
  const heads = headingMatches(tp, t.grams);
  // The heading's Dice coefficients and the two texts' weights, spread out by item (scratch, cleared after).
  const { dice, titleWeights, bodyWeights } = tp.scratch;
  const e = heads.entries;
  for (let k = 0; k < e.length; k += 4) dice[e[k]!] = e[k + 1]!;
  spread(t, titleWeights);
  spread(b, bodyWeights);
  for (const s of subs) {
    raw[s] = W_HEAD * dice[s]! + W_TITLE_KW * saturate(titleWeights[s]!, 1) + W_BODY_KW * saturate(bodyWeights[s]!, 2.5);
  }
  for (let k = 0; k < e.length; k += 4) dice[e[k]!] = 0;
  unspread(t, titleWeights);
  unspread(b, bodyWeights);
  return { measure, title: t, body: b, raw, heads };
}

/** The kind a section's heading says (…工程 → project, …行动/计划 → action), else the parser's. */
export function effectiveKind(section: Section): 'action' | 'project' | 'other' {
  return kindOf(section, normalizeForMatch(section.title));
}

/** {@link effectiveKind} from the heading already normalised. */
function kindOf(section: Section, t: string): 'action' | 'project' | 'other' {
  if (/工程$/u.test(t)) return 'project';
  if (/(行动|计划)$/u.test(t)) return 'action';
  return section.kind;
}

export function kindFactor(sectionKind: 'action' | 'project' | 'other', itemKind: 'action' | 'project' | 'org'): number {
  if (itemKind === 'org') return sectionKind === 'other' ? 0.8 : 0;
  if (sectionKind === 'other') return 0.8;
  return sectionKind === itemKind ? 1 : 0.55;
}

export function scoreSection(tp: TemplateProfile, v: SectionView): void {
  // The measures' vote: each measure's best sub-item score under each top-level item.
  const tops = tp.tops;
  const votes = new Array<number>(tops.length).fill(0);
  const best = new Array<number>(tops.length).fill(0);
  let voteWeight = 0;
  for (const m of v.voters) {
    let sumSq = 0;
    let max = 0;
    for (let k = 0; k < tops.length; k++) {
      let b = 0;
      for (const c of tp.items[tops[k]!]!.children) if (m.raw[c]! > b) b = m.raw[c]!;
      best[k] = b;
      sumSq += b * b;
      if (b > max) max = b;
    }
    if (sumSq === 0) continue;
    const w = max + 0.05;
    voteWeight += w;
    for (let k = 0; k < tops.length; k++) votes[k] = votes[k]! + (w * best[k]! * best[k]!) / sumSq;
  }
  // Population and topic words of each item in the section's own texts (each text adds its weight for
  // each item; only the items a text lists have one).
  const own = new Array<number>(tops.length).fill(0);
  const topSlot = tp.topSlot;
  const addOwn = (f: TextFeatures) => {
    for (let j = 0; j < f.items.length; j++) {
      const k = topSlot[f.items[j]!]!;
      if (k >= 0) own[k] = own[k]! + f.sums[j]!;
    }
  };
  addOwn(v.intro);
  for (const m of v.measures) {
    addOwn(m.title);
    addOwn(m.body);
  }
  // A heading that names nothing (第三项工程, 重点任务二) is no evidence either way: content alone decides.
  const blind = UNINFORMATIVE.test(sectionCore(v.title.text));
  for (let k = 0; k < tops.length; k++) {
    const top = tops[k]!;
    const factor = kindFactor(v.kind, tp.items[top]!.item.kind);
    if (factor === 0) continue;
    const dice = v.heads.diceOf(top);
    const kt = saturate(weightOf(v.title, top), 1);
    const m = voteWeight > 0 ? votes[k]! / voteWeight : 0;
    const p = saturate(own[k]!, 3);
    const score = blind ? (0.3 * m + 0.15 * p) / 0.45 : 0.4 * dice + 0.15 * kt + 0.3 * m + 0.15 * p;
    v.score.set(top, score * factor);
  }
}

export function compareSections(a: SectionView, b: SectionView): number {
  const ta = a.title.text;
  const tb = b.title.text;
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.section.titleSpan.start !== b.section.titleSpan.start) return a.section.titleSpan.start - b.section.titleSpan.start;
  return a.index - b.index;
}

/** A measure's best final score before any repeat penalty (the order in which measures choose); `under` marks the section item's sub-items. */
export function bestFinal(m: MeasureView, item: number | null, under: Uint8Array, subs: readonly number[]): number {
  let best = 0;
  const raw = m.raw;
  for (const s of subs) {
    const inside = under[s] === 1;
    if (item !== null && !inside && raw[s]! < CROSS_MIN) continue;
    best = Math.max(best, raw[s]! + (inside ? SECTION_BONUS : 0));
  }
  return best;
}

export function confidence(score: number, gap: number): number {
  return clamp01(saturate(score, 0.3) * (0.55 + 0.45 * Math.min(1, Math.max(0, gap) / 0.15)));
}

export function nullConfidence(best: number, threshold: number): number {
  return clamp01(Math.min(0.95, Math.max(0.05, 1 - best / (2 * threshold))));
}

export function clamp01(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

