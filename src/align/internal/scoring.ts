import type { Measure, Section } from '../../model/plan.js';
import { diceInto, saturate, spread, textFeatures, weightOf, type SectionFeatures, type TextFeatures } from './features.js';
import { normalizeForMatch } from './normalize.js';
import { sectionCore, type TemplateProfile } from './template-profile.js';

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
  /**
   * Raw scores by item index (sub-items only; 0 for others): `raw[at + item]`. The array is a work
   * buffer shared by the measures of one alignment (see {@link rawScores}), valid while it runs.
   */
  raw: Float64Array;
  at: number;
}

export interface SectionView {
  index: number;
  section: Section;
  kind: 'action' | 'project' | 'other';
  title: TextFeatures;
  intro: TextFeatures;
  measures: MeasureView[];
  /**
   * Score per top-level item, by its place in the template's `tops`; −Infinity for an item the section
   * may not take (a 组织实施 item for an action or project).
   */
  score: number[];
  /** What the heading is about (see {@link sectionCore}): matched against the top-level items' cores. */
  core: string;
  /** What votes for the section's item: its measures, or its intro read as one measure when it has none. */
  voters: MeasureView[];
}

/**
 * The work buffer of raw scores for `measures` measures (see {@link MeasureView.raw}), zeros, valid
 * until the next call: one buffer per template profile, grown as needed, instead of an array per
 * measure (measure views live only while their plan is aligned).
 */
export function rawScores(tp: TemplateProfile, measures: number): Float64Array {
  const size = measures * tp.items.length;
  if (tp.scratch.raw.length < size) tp.scratch.raw = new Float64Array(Math.max(size, 2 * tp.scratch.raw.length));
  tp.scratch.raw.fill(0, 0, size);
  return tp.scratch.raw;
}

/** How many measure views a section takes in the buffer of raw scores: its measures, or its intro read as one. */
export function measureSlots(section: Section): number {
  return Math.max(section.measures.length, 1);
}

/**
 * A section's view for alignment, from its features (see {@link sectionFeatures}); its measures' raw
 * scores go to `raw` from `at` on (see {@link measureSlots}).
 */
export function readSection(tp: TemplateProfile, section: Section, index: number, f: SectionFeatures, raw: Float64Array, at: number): SectionView {
  const subs = tp.subs;
  const n = tp.items.length;
  const measures = new Array<MeasureView>(section.measures.length);
  for (let i = 0; i < measures.length; i++) {
    measures[i] = readMeasure(tp, f.measures[i]!.title, f.measures[i]!.body, subs, section.measures[i]!, raw, at + i * n);
  }
  const view: SectionView = {
    index,
    section,
    kind: kindOf(section, f.title.text),
    title: f.title,
    intro: f.intro,
    measures,
    score: tp.blank.score.slice(),
    core: sectionCore(f.title.text),
    voters: measures,
  };
  if (measures.length === 0 && f.intro.found.length > 0) {
    const asMeasure: Measure = { title: '', raw: '', label: null, body: section.intro, agencies: [], span: section.span, titleSpan: section.titleSpan };
    view.voters = [readMeasure(tp, textFeatures(tp, '', false), f.intro, subs, asMeasure, raw, at)];
  }
  return view;
}

/** A measure's view: its raw score for every sub-item, written to `raw` from `at` on. */
export function readMeasure(
  tp: TemplateProfile,
  t: TextFeatures,
  b: TextFeatures,
  subs: readonly number[],
  measure: Measure,
  raw: Float64Array,
  at: number,
): MeasureView {
  // The heading's Dice coefficients and the two texts' weights, spread out by item (scratch, cleared after).
  const { dice, titleWeights, bodyWeights } = tp.scratch;
  diceInto(tp, t.text, tp.headings, dice);
  spread(tp, t, titleWeights);
  spread(tp, b, bodyWeights);
  for (let k = 0; k < subs.length; k++) {
    const s = subs[k]!;
    raw[at + s] = W_HEAD * dice[s]! + W_TITLE_KW * saturate(titleWeights[s]!, 1) + W_BODY_KW * saturate(bodyWeights[s]!, 2.5);
  }
  dice.fill(0);
  titleWeights.fill(0);
  bodyWeights.fill(0);
  return { measure, title: t, body: b, raw, at };
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
  const { votes, best, own, dice, titleWeights: weights } = tp.scratch;
  votes.fill(0);
  own.fill(0);
  let voteWeight = 0;
  for (let i = 0; i < v.voters.length; i++) {
    const { raw, at } = v.voters[i]!;
    let sumSq = 0;
    let max = 0;
    for (let k = 0; k < tops.length; k++) {
      let b = 0;
      const children = tp.items[tops[k]!]!.children;
      for (let j = 0; j < children.length; j++) if (raw[at + children[j]!]! > b) b = raw[at + children[j]!]!;
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
  addOwn(tp, v.intro, weights, own);
  for (let i = 0; i < v.measures.length; i++) {
    addOwn(tp, v.measures[i]!.title, weights, own);
    addOwn(tp, v.measures[i]!.body, weights, own);
  }
  // A heading that names nothing (第三项工程, 重点任务二) is no evidence either way: content alone decides.
  const blind = UNINFORMATIVE.test(v.core);
  diceInto(tp, v.core, tp.sectionHeadings, dice);
  for (let k = 0; k < tops.length; k++) {
    const top = tops[k]!;
    const factor = kindFactor(v.kind, tp.items[top]!.item.kind);
    if (factor === 0) continue;
    const kt = saturate(weightOf(tp, v.title, top), 1);
    const m = voteWeight > 0 ? votes[k]! / voteWeight : 0;
    const p = saturate(own[k]!, 3);
    const score = blind ? (0.3 * m + 0.15 * p) / 0.45 : 0.4 * dice[top]! + 0.15 * kt + 0.3 * m + 0.15 * p;
    v.score[k] = score * factor;
  }
  dice.fill(0);
}

/** Adds a text's weight for each top-level item to `own` (by place in `tops`), through `weights` (zeros; left so). */
function addOwn(tp: TemplateProfile, f: TextFeatures, weights: Float64Array, own: Float64Array): void {
  if (f.found.length === 0) return;
  spread(tp, f, weights);
  const tops = tp.tops;
  for (let k = 0; k < tops.length; k++) {
    const x = weights[tops[k]!]!;
    if (x !== 0) own[k] = own[k]! + x;
  }
  weights.fill(0);
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
  const { raw, at } = m;
  for (let k = 0; k < subs.length; k++) {
    const s = subs[k]!;
    const inside = under[s] === 1;
    if (item !== null && !inside && raw[at + s]! < CROSS_MIN) continue;
    best = Math.max(best, raw[at + s]! + (inside ? SECTION_BONUS : 0));
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

