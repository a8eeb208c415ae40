import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import { assignMax } from './internal/assign.js';
import { EvidenceList, headingEvidence, phraseEvidence, type EvidenceContext } from './internal/evidence.js';
import { headingMatch, matchWork, rememberFeatures, sectionFeatures } from './internal/features.js';
import { headingRelation, sectionRelation } from './internal/relation.js';
import { sortSmall } from './internal/sort-small.js';
import type { TemplateProfile } from './internal/template-profile.js';
import {
  bestFinal,
  BROADER_RATIO,
  compareSections,
  confidence,
  measureSlots,
  rawScores,
  CROSS_MIN,
  MEASURE_MIN,
  MEASURE_MIN_NO_SECTION,
  nullConfidence,
  readSection,
  REPEAT_PENALTY,
  scoreSection,
  SECTION_BONUS,
  SECTION_NULL,
  type MeasureView,
  type SectionView,
} from './internal/scoring.js';
import { templateProfile } from './internal/template-profile.js';
import type { Evidence, MeasureAlignment, PlanAlignment, Relation, SectionAlignment } from './schema.js';
import { z } from 'zod';
import { checkOptions } from '../model/check-options.js';
import { checkTemplate } from '../template/check-template.js';

/** Options of {@link alignPlan}. */
export interface AlignOptions {
  /**
   * The plan's text exactly as read. Heading phrases are located through each heading's `raw` text
   * anyway; with the text, phrases of bodies and intros get spans too (searched within the measure's or
   * section's span, the normalised slice holding the phrase).
   */
  text?: string;
  /**
   * Collect evidence (default true). Without it every `evidence` list is empty and the alignment is
   * otherwise the same, for callers that read only the decisions (a comparison with a parent plan).
   */
  evidence?: boolean;
}

/** {@link AlignOptions} as a schema (what `alignPlan` checks its options against). */
export const AlignOptionsSchema = z.strictObject({ text: z.string().optional(), evidence: z.boolean().optional() });

// ---------------------------------------------------------------------------------------------
// Scoring (all scores are in 0..1 before the section bonus).
//
// measure × sub-item   raw = 0.50·H + 0.20·Kt + 0.30·Kb
//   H  weighted-bigram Dice of the measure heading with the sub-item's title/aliases (IDF over the
//      template's items; generic verbs and 科普/科学/素质 weigh 0.3)
//   Kt 1−e^(−w) of the summed weights of the sub-item's keywords found in the heading
//   Kb 1−e^(−w/2.5) of the same found in the body (notes naming responsible units removed)
//   final = raw + 0.15 when the sub-item is under the section's item (the section is context), and
//   − 0.10 for each measure of the same section already on that sub-item (measures choose in order of
//   their best score). A sub-item under another item is a candidate only with raw ≥ 0.35 (the content
//   clearly says so); a measure of a section with no counterpart needs raw ≥ 0.40 to land anywhere; an
//   in-section measure below final 0.10 stays unaligned.
//
// section × top-level item   S = (0.40·H + 0.15·Kt + 0.30·M + 0.15·P) · kind factor
//   H, Kt as above on the section heading; M the measures' vote: each measure gives each item the
//   share best_item² / Σ best² of its best raw sub-item scores, weighted by how clearly it matches;
//   P 1−e^(−w/3) of the item's own keywords (青少年, 农民, 基层 …) found in the intro and measure texts.
//   Section headings are compared by their core (实施 and 科学素质提升行动/能力提升工程 … left out: 老年人,
//   基层科普); a heading whose core names nothing (第三项工程) counts for nothing: S = (0.30·M + 0.15·P)/0.45.
//   Kind factor: 1 same kind, 0.8 when the section's kind is unknown, 0.55 across action/project;
//   组织实施 items only for sections of kind `other`. Sections are then assigned one-to-one to items by
//   maximum total score (Hungarian method) with "no counterpart" worth 0.30 for every section.
//
// Confidence = (1−e^(−score/0.3)) · (0.55 + 0.45·min(1, gap/0.15)), gap the lead of the chosen item over
//   the runner-up for the same section or measure; for "no counterpart", 1 − best/(2·threshold) clamped
//   to 0.05..0.95 (for a section, `best` among the items no other section took). Sections under 0.5 (and every section with no counterpart) get `align/low-confidence`.
//
// Relations (vocabulary in ./schema.ts): from the weighted-bigram containment of the two headings
//   (each ≥ 0.6 of the other → equivalent; the local holds the template's → broader; the template's holds
//   the local → narrower; else overlapping); a measure whose runner-up item scores ≥ 0.85 of the best (and
//   ≥ 0.25) → broader; a section with a third or more of its measures elsewhere → broader, or reaching
//   fewer than half of the item's sub-items (three or more) → narrower.
// ---------------------------------------------------------------------------------------------

/**
 * Aligns a plan's sections and measures with a template: each section (action or project) to a
 * top-level item, one-to-one within kind, and each measure to a sub-item — usually of its section's
 * item, of another item when its content clearly says so — or to nothing (a local extra). Every choice
 * carries a relation, a confidence and the phrases that supported it. Deterministic, and independent of
 * the order of the plan's sections; the template's profile is built once per template object.
 *
 * @param plan - A parsed plan.
 * @param template - The template to align with (see {@link chooseTemplate}).
 * @param options - `text`: the plan's text as read, to locate evidence spans in it.
 * @returns One {@link SectionAlignment} per section, in the plan's order, plus diagnostics.
 *
 * @example
 * import { alignPlan, NATIONAL_2021, parsePlan } from 'gangyao';
 * const plan = parsePlan(text, { source: '兰州.txt' });
 * const a = alignPlan(plan, NATIONAL_2021, { text });
 * a.sections.map((s) => [s.title, s.templateId, s.relation]);
 * // [['青少年科学素质提升行动', 'youth', 'equivalent'], …, ['服务机制重构工程', 'grassroots', 'overlapping'], …]
 */
export function alignPlan(plan: Plan, template: Template, options: AlignOptions = {}): PlanAlignment {
  checkTemplate('alignPlan', template);
  checkOptions('alignPlan', AlignOptionsSchema, options);
  const tp = templateProfile(template);
  const subs = tp.subs;
  const features = plan.sections.map((s) => sectionFeatures(tp, s));
  let slots = 0;
  for (const s of plan.sections) slots += measureSlots(s);
  const raw = rawScores(tp, slots);
  const views = new Array<SectionView>(plan.sections.length);
  for (let i = 0, at = 0; i < views.length; i++) {
    const s = plan.sections[i]!;
    views[i] = readSection(tp, s, i, features[i]!, raw, at);
    scoreSection(tp, views[i]!);
    at += measureSlots(s) * tp.items.length;
  }

  // One-to-one assignment of sections to top-level items, rows and columns in a canonical order (a
  // section's scores are its row: by top-level item, −Infinity where it may not go).
  const rows = sortSmall([...views], compareSections);
  const cols = tp.tops;
  const chosen = assignMax(
    rows.map((v) => v.score),
    rows.map(() => SECTION_NULL),
  );
  // The item of each section, by section index (−1: none), and the items taken (marks of the profile,
  // cleared here, whatever an earlier call left, and before returning).
  const itemOf = new Array<number>(views.length).fill(-1);
  const taken = tp.scratch.taken.fill(0);
  for (let r = 0; r < rows.length; r++) {
    if (chosen[r]! < 0) continue;
    itemOf[rows[r]!.index] = cols[chosen[r]!]!;
    taken[cols[chosen[r]!]!] = 1;
  }

  const diagnostics: Diagnostic[] = [];
  const ctx: EvidenceContext = { tp, text: options.text, off: options.evidence === false };
  // 组织实施 sub-items are for sections that are neither actions nor projects.
  const sections = new Array<SectionAlignment>(views.length);
  for (let i = 0; i < views.length; i++) {
    const v = views[i]!;
    const item = itemOf[v.index]!;
    sections[i] = alignSection(ctx, v, item < 0 ? null : item, v.kind === 'other' ? subs : tp.taskSubs, taken, diagnostics);
  }
  for (let k = 0; k < cols.length; k++) taken[cols[k]!] = 0;
  diagnostics.push(...mismatch(plan, template, sections));
  const alignment: PlanAlignment = { templateId: template.id, sections, diagnostics };
  // Coverage of this alignment reads the same texts: it finds them here while the alignment lives.
  rememberFeatures(alignment, tp, plan.sections, features);
  return alignment;
}

// ---------------------------------------------------------------------------------------------
// results

const NO_CHILDREN: readonly number[] = [];

/** The heading match of the section or measure being aligned (one at a time; read before the next is made). */
const match = matchWork();

/** The evidence of the section or measure being aligned (one at a time), copied out at its size when done. */
const collected = new EvidenceList();

function alignSection(
  ctx: EvidenceContext,
  v: SectionView,
  item: number | null,
  subs: readonly number[],
  taken: Uint8Array,
  diagnostics: Diagnostic[],
): SectionAlignment {
  const { tp } = ctx;
  // Marks, by item, of the item's sub-items and of the sub-items the section's measures took so far
  // (scratch of the profile, cleared before returning).
  const { under, used } = tp.scratch;
  const children = item === null ? NO_CHILDREN : tp.items[item]!.children;
  for (let k = 0; k < children.length; k++) under[children[k]!] = 1;
  // Measures most clearly matched choose first; a sub-item already taken in this section weighs a
  // little less for the next (local plans rarely give one sub-item two measures, but may).
  const order = chooseOrder(tp, v, item, under, subs);
  const measures: MeasureAlignment[] = new Array(v.measures.length);
  for (let k = 0; k < v.measures.length; k++) {
    const i = order[k]!;
    measures[i] = alignMeasure(ctx, v.measures[i]!, i, item, under, subs, used);
  }
  for (let k = 0; k < children.length; k++) under[children[k]!] = 0;
  for (let k = 0; k < subs.length; k++) used[subs[k]!] = 0;
  let relation: Relation = 'none';
  let conf: number;
  const evidence = collected.begin();
  if (item === null) {
    // How sure "no counterpart" is: against the best item no other section took.
    conf = nullConfidence(bestScore(tp, v, -1, taken), SECTION_NULL);
  } else {
    const slot = tp.topSlot[item]!;
    const s = v.score[slot]! === -Infinity ? 0 : v.score[slot]!;
    const runnerUp = bestScore(tp, v, item, null);
    conf = confidence(s, s - runnerUp);
    const head = headingMatch(tp, v.core, tp.sectionHeadings, item, match);
    relation = sectionRelation(tp, item, measures, head);
    const id = tp.items[item]!.item.id;
    headingEvidence(ctx, evidence, v.section.raw, v.title, head, v.section.titleSpan, id);
    phraseEvidence(ctx, evidence, v.title, item, 'title', v.section.titleSpan, v.section.raw, 4);
    const introEnd = v.section.measures[0]?.span.start ?? v.section.span.end;
    const introBase = introEnd >= v.section.titleSpan.end ? { start: v.section.titleSpan.end, end: introEnd } : v.section.span;
    phraseEvidence(ctx, evidence, v.intro, item, 'intro', introBase, null, 4);
    for (let i = 0; i < measures.length; i++) {
      const m = measures[i]!;
      if (m.templateId === null || !children.includes(tp.byId.get(m.templateId) ?? -1)) continue;
      const first = firstFromTitle(m.evidence);
      if (first) {
        const { phrase, templateId, kind, span } = first;
        evidence.pushNew(span ? { phrase, templateId, source: 'measures', kind, span } : { phrase, templateId, source: 'measures', kind });
      }
      if (i >= 7) break;
    }
  }
  if (item === null || conf < 0.5) {
    diagnostics.push({
      code: 'align/low-confidence',
      severity: item === null ? 'info' : 'warning',
      message:
        item === null
          ? `section 「${v.section.title}」 has no counterpart in the template (treated as a local extra)`
          : `section 「${v.section.title}」 → ${tp.items[item]!.item.id} with low confidence ${conf}`,
      span: v.section.titleSpan,
    });
  }
  return {
    index: v.index,
    title: v.section.title,
    templateId: item === null ? null : tp.items[item]!.item.id,
    relation,
    confidence: conf,
    evidence: evidence.take(),
    measures,
  };
}

/**
 * The order in which a section's measures choose: by their best final score, highest first (ties: in
 * the plan's order). A work array of the profile, valid until the next call.
 */
function chooseOrder(tp: TemplateProfile, v: SectionView, item: number | null, under: Uint8Array, subs: readonly number[]): readonly number[] {
  const { orderIndex: index, orderTop: top } = tp.scratch;
  // Stable insertion sort (as sortSmall) of the measures by (−best, index).
  for (let i = 0; i < v.measures.length; i++) {
    const t = bestFinal(v.measures[i]!, item, under, subs);
    let j = i - 1;
    for (; j >= 0 && (t - top[j]! || index[j]! - i) > 0; j--) {
      index[j + 1] = index[j]!;
      top[j + 1] = top[j]!;
    }
    index[j + 1] = i;
    top[j + 1] = t;
  }
  return index;
}

/** The first evidence of a measure found in its heading. */
function firstFromTitle(evidence: readonly Evidence[]): Evidence | undefined {
  for (let k = 0; k < evidence.length; k++) if (evidence[k]!.source === 'title') return evidence[k];
  return undefined;
}

/**
 * The highest of a section's item scores (0 when none), leaving out `except` and, when `taken` is
 * given, the items marked there.
 */
function bestScore(tp: TemplateProfile, v: SectionView, except: number, taken: Uint8Array | null): number {
  let best: number | undefined;
  const tops = tp.tops;
  for (let k = 0; k < tops.length; k++) {
    const s = v.score[k]!;
    // −Infinity: not a candidate (no score).
    if (s === -Infinity || tops[k] === except || (taken !== null && taken[tops[k]!] === 1)) continue;
    if (best === undefined || s > best) best = s;
  }
  return best ?? 0;
}

function alignMeasure(
  ctx: EvidenceContext,
  m: MeasureView,
  index: number,
  item: number | null,
  under: Uint8Array,
  subs: readonly number[],
  used: Int32Array,
): MeasureAlignment {
  const { tp } = ctx;
  // Best and runner-up by final score (ties: template order, as subs are in template order).
  let bestS = -1;
  let bestF = -Infinity;
  let secondS = -1;
  let secondF = -Infinity;
  const { raw, at } = m;
  for (let k = 0; k < subs.length; k++) {
    const s = subs[k]!;
    const inside = under[s] === 1;
    if (item !== null && !inside && raw[at + s]! < CROSS_MIN) continue;
    const f = raw[at + s]! + (inside ? SECTION_BONUS : 0) - REPEAT_PENALTY * used[s]!;
    if (f > bestF) {
      secondS = bestS;
      secondF = bestF;
      bestS = s;
      bestF = f;
    } else if (f > secondF) {
      secondS = s;
      secondF = f;
    }
  }
  const min = item === null ? MEASURE_MIN_NO_SECTION : MEASURE_MIN;
  const title = m.measure.title;
  // Results as literals, keys in the schema's order (no object spread: it is slow here).
  if (bestS < 0 || bestF < min) {
    const top = bestS >= 0 ? bestF : 0;
    return { index, title, templateId: null, relation: 'none', confidence: nullConfidence(top, min), crossSection: false, evidence: [] };
  }
  const conf = confidence(bestF, bestF - (secondS >= 0 ? secondF : 0));
  used[bestS]!++;
  const id = tp.items[bestS]!.item.id;
  const head = headingMatch(tp, m.title.text, tp.headings, bestS, match);
  const evidence = collected.begin();
  headingEvidence(ctx, evidence, m.measure.raw, m.title, head, m.measure.titleSpan, id);
  phraseEvidence(ctx, evidence, m.title, bestS, 'title', m.measure.titleSpan, m.measure.raw, 4);
  phraseEvidence(ctx, evidence, m.body, bestS, 'body', m.measure.span, null, 5);
  const rawBest = raw[at + bestS]!;
  const rawSecond = secondS >= 0 ? raw[at + secondS]! : 0;
  const spans = rawSecond >= 0.25 && rawSecond >= BROADER_RATIO * rawBest;
  return {
    index,
    title,
    templateId: id,
    relation: headingRelation(head, spans),
    confidence: conf,
    crossSection: item !== null && under[bestS] !== 1,
    evidence: evidence.take(),
  };
}

// ---------------------------------------------------------------------------------------------
// template fit

function mismatch(plan: Plan, template: Template, sections: SectionAlignment[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = plan.period;
  if (p && (p.end < template.period.start || p.start > template.period.end)) {
    out.push({
      code: 'align/template-mismatch',
      severity: 'warning',
      message: `the plan's period ${p.start}–${p.end} lies outside the template's ${template.period.start}–${template.period.end}`,
      ...(p.span ? { span: p.span } : {}),
    });
  }
  const tasks = sections.filter((s) => s.measures.length > 0 || s.templateId !== null);
  const aligned = sections.filter((s) => s.templateId !== null).length;
  if (tasks.length >= 4 && aligned * 3 < tasks.length) {
    out.push({
      code: 'align/template-mismatch',
      severity: 'warning',
      message: `only ${aligned} of ${sections.length} sections found a counterpart in ${template.id}: is this the right template?`,
    });
  }
  return out;
}
