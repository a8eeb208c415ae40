import type { Diagnostic } from '../model/diagnostic.js';
import type { Measure, Plan, Section } from '../model/plan.js';
import type { Span } from '../model/span.js';
import type { Template } from '../template/schema.js';
import { headingMatches, longestShared, NO_MATCH, phrasesFor, saturate, textFeatures, type HeadingMatch, type TextFeatures } from './internal/features.js';
import { assignMax } from './internal/assign.js';
import { normalizeWithMap, type NormalizedWithMap } from './internal/normalize.js';
import { templateProfile, type TemplateProfile } from './internal/template-profile.js';
import type { Evidence, EvidenceSource, MeasureAlignment, PlanAlignment, Relation, SectionAlignment } from './schema.js';

/** Options of {@link alignPlan}. */
export interface AlignOptions {
  /**
   * The plan's text exactly as read. When given, evidence spans are located in it and checked (the
   * normalised slice holds the phrase); without it only heading phrases get spans, and only when the
   * heading's span has the heading's length (no normalisation changed it).
   */
  text?: string;
}

// ---------------------------------------------------------------------------------------------
// Scoring (all scores are in 0..1 before the section bonus).
//
// measure × sub-item   raw = 0.50·H + 0.20·Kt + 0.30·Kb
//   H  weighted-bigram Dice of the measure heading with the sub-item's title/aliases (IDF over the
//      template's items; generic verbs and 科普/科学/素质 weigh 0.3)
//   Kt 1−e^(−w) of the summed weights of the sub-item's keywords found in the heading
//   Kb 1−e^(−w/2.5) of the same found in the body (notes naming responsible units removed)
//   final = raw + 0.15 when the sub-item is under the section's item (the section is context); a
//   measure of a section with no counterpart needs raw ≥ 0.40 to land anywhere.
//
// section × top-level item   S = (0.40·H + 0.15·Kt + 0.30·M + 0.15·P) · kind factor
//   H, Kt as above on the section heading; M the measures' vote: each measure gives each item the
//   share best_item² / Σ best² of its best raw sub-item scores, weighted by how clearly it matches;
//   P 1−e^(−w/3) of the item's own keywords (青少年, 农民, 基层 …) found in the intro and measure texts.
//   Kind factor: 1 same kind, 0.8 when the section's kind is unknown, 0.55 across action/project;
//   组织实施 items only for sections of kind `other`. Sections are then assigned one-to-one to items by
//   maximum total score (Hungarian method) with "no counterpart" worth 0.20 for every section.
//
// Confidence = (1−e^(−score/0.3)) · (0.55 + 0.45·min(1, gap/0.15)), gap the lead of the chosen item over
//   the runner-up for the same section or measure; for "no counterpart", 1 − best/(2·threshold) clamped.
// ---------------------------------------------------------------------------------------------

const W_HEAD = 0.5;
const W_TITLE_KW = 0.2;
const W_BODY_KW = 0.3;
const SECTION_BONUS = 0.15;
const MEASURE_MIN = 0.1;
const MEASURE_MIN_NO_SECTION = 0.4;
const SECTION_NULL = 0.2;
const BROADER_RATIO = 0.85;
/** A measure lands under another section's item only when its raw score there is at least this. */
const CROSS_MIN = 0.35;
/** What each earlier measure of the same section on a sub-item takes off that sub-item's score. */
const REPEAT_PENALTY = 0.1;

interface MeasureView {
  measure: Measure;
  title: TextFeatures;
  body: TextFeatures;
  /** raw score per item index (sub-items only; 0 for others). */
  raw: Float64Array;
  heads: Map<number, HeadingMatch>;
}

interface SectionView {
  index: number;
  section: Section;
  kind: 'action' | 'project' | 'other';
  title: TextFeatures;
  intro: TextFeatures;
  measures: MeasureView[];
  /** Score per top-level item index. */
  score: Map<number, number>;
  heads: Map<number, HeadingMatch>;
}

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
  const tp = templateProfile(template);
  const subs = tp.items.filter((p) => p.parent !== null).map((p) => p.index);
  const views = plan.sections.map((s, i) => readSection(tp, s, i, subs));
  for (const v of views) scoreSection(tp, v);

  // One-to-one assignment of sections to top-level items, rows and columns in a canonical order.
  const rows = [...views].sort(compareSections);
  const cols = tp.tops;
  const matrix = rows.map((v) => cols.map((c) => v.score.get(c) ?? -Infinity));
  const chosen = assignMax(matrix, rows.map(() => SECTION_NULL));
  const itemOf = new Map<number, number | null>();
  rows.forEach((v, r) => itemOf.set(v.index, chosen[r]! >= 0 ? cols[chosen[r]!]! : null));

  const diagnostics: Diagnostic[] = [];
  const ctx: EvidenceContext = { tp, text: options.text, cache: new Map() };
  const sections = views.map((v) => alignSection(ctx, v, itemOf.get(v.index) ?? null, subs, diagnostics));
  diagnostics.push(...mismatch(plan, template, sections));
  return { templateId: template.id, sections, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// reading and scoring

function readSection(tp: TemplateProfile, section: Section, index: number, subs: number[]): SectionView {
  const measures = section.measures.map((m) => readMeasure(tp, m.title, m.body, subs, m));
  const view: SectionView = {
    index,
    section,
    kind: effectiveKind(section),
    title: textFeatures(tp, section.title, false),
    intro: textFeatures(tp, section.intro, true),
    measures,
    score: new Map(),
    heads: new Map(),
  };
  view.heads = headingMatches(tp, view.title);
  return view;
}

function readMeasure(tp: TemplateProfile, title: string, body: string, subs: number[], measure: Measure): MeasureView {
  const t = textFeatures(tp, title, false);
  const b = textFeatures(tp, body, true);
  const raw = new Float64Array(tp.items.length);
  const heads = headingMatches(tp, t);
  for (const s of subs) {
    const h = heads.get(s) ?? NO_MATCH;
    raw[s] = W_HEAD * h.dice + W_TITLE_KW * saturate(t.weights[s]!, 1) + W_BODY_KW * saturate(b.weights[s]!, 2.5);
  }
  return { measure, title: t, body: b, raw, heads };
}

/** The kind a section's heading says (…工程 → project, …行动/计划 → action), else the parser's. */
function effectiveKind(section: Section): 'action' | 'project' | 'other' {
  const t = normalizeWithMap(section.title).text;
  if (/工程$/u.test(t)) return 'project';
  if (/(行动|计划)$/u.test(t)) return 'action';
  return section.kind;
}

function kindFactor(sectionKind: 'action' | 'project' | 'other', itemKind: 'action' | 'project' | 'org'): number {
  if (itemKind === 'org') return sectionKind === 'other' ? 1 : 0;
  if (sectionKind === 'other') return 0.8;
  return sectionKind === itemKind ? 1 : 0.55;
}

function scoreSection(tp: TemplateProfile, v: SectionView): void {
  // The measures' vote: each measure's best sub-item score under each top-level item.
  const votes = new Map<number, number>();
  let voteWeight = 0;
  const voters = v.measures.length > 0 ? v.measures : [];
  for (const m of voters) {
    const best = new Map<number, number>();
    for (const top of tp.tops) {
      let b = 0;
      for (const c of tp.items[top]!.children) b = Math.max(b, m.raw[c]!);
      best.set(top, b);
    }
    let sumSq = 0;
    let max = 0;
    for (const b of best.values()) {
      sumSq += b * b;
      max = Math.max(max, b);
    }
    if (sumSq === 0) continue;
    const w = max + 0.05;
    voteWeight += w;
    for (const [top, b] of best) votes.set(top, (votes.get(top) ?? 0) + (w * b * b) / sumSq);
  }
  // Population and topic words of each item in the section's own texts.
  const own = new Map<number, number>();
  const addOwn = (f: TextFeatures) => {
    for (const top of tp.tops) if (f.weights[top]! > 0) own.set(top, (own.get(top) ?? 0) + f.weights[top]!);
  };
  addOwn(v.intro);
  for (const m of v.measures) {
    addOwn(m.title);
    addOwn(m.body);
  }
  for (const top of tp.tops) {
    const item = tp.items[top]!;
    const factor = kindFactor(v.kind, item.item.kind);
    if (factor === 0) continue;
    const h = v.heads.get(top) ?? NO_MATCH;
    const kt = saturate(v.title.weights[top]!, 1);
    const m = voteWeight > 0 ? (votes.get(top) ?? 0) / voteWeight : 0;
    const p = saturate(own.get(top) ?? 0, 3);
    v.score.set(top, (0.4 * h.dice + 0.15 * kt + 0.3 * m + 0.15 * p) * factor);
  }
}

function compareSections(a: SectionView, b: SectionView): number {
  const ta = a.title.norm.text;
  const tb = b.title.norm.text;
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.section.titleSpan.start !== b.section.titleSpan.start) return a.section.titleSpan.start - b.section.titleSpan.start;
  return a.index - b.index;
}

// ---------------------------------------------------------------------------------------------
// results

function confidence(score: number, gap: number): number {
  return clamp01(saturate(score, 0.3) * (0.55 + 0.45 * Math.min(1, Math.max(0, gap) / 0.15)));
}

function nullConfidence(best: number, threshold: number): number {
  return clamp01(Math.min(0.95, Math.max(0.05, 1 - best / (2 * threshold))));
}

/** Drops repeated phrases (a heading found both as a shared stretch and as an alias), keeping the first. */
function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.templateId}|${e.source}|${e.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clamp01(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

function alignSection(ctx: EvidenceContext, v: SectionView, item: number | null, subs: number[], diagnostics: Diagnostic[]): SectionAlignment {
  const { tp } = ctx;
  const scores = [...v.score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const under = new Set(item === null ? [] : tp.items[item]!.children);
  // Measures most clearly matched choose first; a sub-item already taken in this section weighs a
  // little less for the next (local plans rarely give one sub-item two measures, but may).
  const order = v.measures
    .map((m, i) => ({ i, top: bestFinal(m, item, under, subs) }))
    .sort((a, b) => b.top - a.top || a.i - b.i);
  const used = new Map<number, number>();
  const measures: MeasureAlignment[] = new Array(v.measures.length);
  for (const { i } of order) measures[i] = alignMeasure(ctx, v.measures[i]!, i, item, under, subs, used);
  let relation: Relation = 'none';
  let conf: number;
  const evidence: Evidence[] = [];
  if (item === null) {
    conf = nullConfidence(scores[0]?.[1] ?? 0, SECTION_NULL);
  } else {
    const s = v.score.get(item) ?? 0;
    const runnerUp = scores.find(([idx]) => idx !== item)?.[1] ?? 0;
    conf = confidence(s, s - runnerUp);
    relation = sectionRelation(tp, v, item, measures);
    evidence.push(...headingEvidence(ctx, v.section.title, v.title, v.heads.get(item), v.section.titleSpan, tp.items[item]!.item.id));
    evidence.push(...phraseEvidence(ctx, v.title, item, 'title', v.section.titleSpan, v.section.title, 4));
    evidence.push(...phraseEvidence(ctx, v.intro, item, 'intro', v.section.span, null, 4));
    const children = new Set(tp.items[item]!.children);
    for (const [i, m] of measures.entries()) {
      if (m.templateId === null || !children.has(tp.byId.get(m.templateId) ?? -1)) continue;
      const first = m.evidence.find((e) => e.source === 'title');
      if (first) evidence.push({ ...first, source: 'measures' });
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
    evidence: dedupe(evidence),
    measures,
  };
}

function alignMeasure(
  ctx: EvidenceContext,
  m: MeasureView,
  index: number,
  item: number | null,
  under: ReadonlySet<number>,
  subs: number[],
  used: Map<number, number>,
): MeasureAlignment {
  const { tp } = ctx;
  // Best and runner-up by final score (ties: template order, as subs are in template order).
  let best: { s: number; final: number } | undefined;
  let second: { s: number; final: number } | undefined;
  for (const s of subs) {
    const inside = under.has(s);
    if (item !== null && !inside && m.raw[s]! < CROSS_MIN) continue;
    const cand = { s, final: m.raw[s]! + (inside ? SECTION_BONUS : 0) - REPEAT_PENALTY * (used.get(s) ?? 0) };
    if (!best || cand.final > best.final) {
      second = best;
      best = cand;
    } else if (!second || cand.final > second.final) second = cand;
  }
  const min = item === null ? MEASURE_MIN_NO_SECTION : MEASURE_MIN;
  const base = { index, title: m.measure.title };
  if (!best || best.final < min) {
    const top = best ? best.final : 0;
    return { ...base, templateId: null, relation: 'none', confidence: nullConfidence(top, min), crossSection: false, evidence: [] };
  }
  const conf = confidence(best.final, best.final - (second?.final ?? 0));
  used.set(best.s, (used.get(best.s) ?? 0) + 1);
  const id = tp.items[best.s]!.item.id;
  const evidence = [
    ...headingEvidence(ctx, m.measure.title, m.title, m.heads.get(best.s), m.measure.titleSpan, id),
    ...phraseEvidence(ctx, m.title, best.s, 'title', m.measure.titleSpan, m.measure.title, 4),
    ...phraseEvidence(ctx, m.body, best.s, 'body', m.measure.span, null, 5),
  ];
  const rawBest = m.raw[best.s]!;
  const rawSecond = second ? m.raw[second.s]! : 0;
  const spans = rawSecond >= 0.25 && rawSecond >= BROADER_RATIO * rawBest;
  return {
    ...base,
    templateId: id,
    relation: headingRelation(m.heads.get(best.s), spans),
    confidence: conf,
    crossSection: item !== null && !under.has(best.s),
    evidence: dedupe(evidence),
  };
}

/** A measure's best final score before any repeat penalty (the order in which measures choose). */
function bestFinal(m: MeasureView, item: number | null, under: ReadonlySet<number>, subs: number[]): number {
  let best = 0;
  for (const s of subs) {
    const inside = under.has(s);
    if (item !== null && !inside && m.raw[s]! < CROSS_MIN) continue;
    best = Math.max(best, m.raw[s]! + (inside ? SECTION_BONUS : 0));
  }
  return best;
}

/**
 * Relation from the headings: `equivalent` when each heading holds most (≥ 0.6) of the other's
 * weighted bigrams; `broader` when the local heading holds the template heading and adds more, or when
 * the content spans a second item; `narrower` when the template heading holds the local one and the
 * local adds little; otherwise `overlapping`.
 */
function headingRelation(h: HeadingMatch | undefined, spansAnother: boolean): Relation {
  const local = h?.local ?? 0;
  const tmpl = h?.template ?? 0;
  if (spansAnother) return 'broader';
  if (local >= 0.6 && tmpl >= 0.6) return 'equivalent';
  if (tmpl >= 0.6) return 'broader';
  if (local >= 0.6) return 'narrower';
  return 'overlapping';
}

/**
 * A section's relation: the heading relation, corrected by its measures — `broader` when a third or
 * more of its measures land under other items, `narrower` when they reach fewer than half of the item's
 * sub-items (with three or more sub-items and at least one measure aligned).
 */
function sectionRelation(tp: TemplateProfile, v: SectionView, item: number, measures: MeasureAlignment[]): Relation {
  const children = tp.items[item]!.children.map((c) => tp.items[c]!.item.id);
  const aligned = measures.filter((m) => m.templateId !== null);
  const inside = new Set(aligned.filter((m) => children.includes(m.templateId!)).map((m) => m.templateId));
  const elsewhere = measures.length - aligned.filter((m) => children.includes(m.templateId!)).length;
  const lexical = headingRelation(v.heads.get(item), false);
  if (measures.length >= 2 && elsewhere * 3 >= measures.length) return 'broader';
  if (children.length >= 3 && aligned.length > 0 && inside.size * 2 < children.length) return lexical === 'broader' ? 'overlapping' : 'narrower';
  return lexical;
}

// ---------------------------------------------------------------------------------------------
// evidence

interface EvidenceContext {
  tp: TemplateProfile;
  text: string | undefined;
  cache: Map<string, NormalizedWithMap>;
}

function headingEvidence(
  ctx: EvidenceContext,
  rawTitle: string,
  f: TextFeatures,
  h: HeadingMatch | undefined,
  titleSpan: Span,
  id: string,
): Evidence[] {
  if (!h || !h.variant) return [];
  const shared = longestShared(f.norm.text, h.variant);
  // A two-character stretch like 服务 or 科普 is no evidence.
  if (!shared || (shared.text.length < 3 && ctx.tp.gramWeight(shared.text) < 2.5)) return [];
  const span = locate(ctx, titleSpan, rawTitle, f.norm, shared.start, shared.text);
  return [{ phrase: shared.text, templateId: id, source: 'title', kind: 'heading', ...(span ? { span } : {}) }];
}

function phraseEvidence(
  ctx: EvidenceContext,
  f: TextFeatures,
  itemIndex: number,
  source: EvidenceSource,
  base: Span,
  rawTitle: string | null,
  limit: number,
): Evidence[] {
  const found = phrasesFor(ctx.tp, f, itemIndex);
  const id = ctx.tp.items[itemIndex]!.item.id;
  return [...found]
    .sort((a, b) => b.weight - a.weight || b.phrase.length - a.phrase.length || a.start - b.start)
    .slice(0, limit)
    .map((p) => {
      const span = rawTitle !== null ? locate(ctx, base, rawTitle, f.norm, p.start, p.phrase) : search(ctx, base, p.phrase);
      return { phrase: p.phrase, templateId: id, source, kind: p.heading ? 'alias' : 'keyword', ...(span ? { span } : {}) } as Evidence;
    });
}

/**
 * The span of a phrase found in a heading. With the text as read: the mapped range if its normalised
 * slice holds the phrase, else a search in the heading's span. Without it: the mapped range only when
 * the heading span has exactly the heading's length (so the offsets can be trusted).
 */
function locate(ctx: EvidenceContext, base: Span, raw: string, norm: NormalizedWithMap, start: number, phrase: string): Span | undefined {
  const a = norm.map[start];
  const last = norm.map[start + phrase.length - 1];
  if (a === undefined || last === undefined) return undefined;
  const b = last + (raw.codePointAt(last)! > 0xffff ? 2 : 1);
  const cand = { start: base.start + a, end: base.start + b };
  if (ctx.text === undefined) return base.end - base.start === raw.length ? cand : undefined;
  if (cand.end <= base.end && normalizeWithMap(ctx.text.slice(cand.start, cand.end)).text.includes(phrase)) return cand;
  return search(ctx, base, phrase);
}

/** Finds a phrase inside a span of the text as read (normalised); undefined without the text. */
function search(ctx: EvidenceContext, base: Span, phrase: string): Span | undefined {
  if (ctx.text === undefined) return undefined;
  const key = `${base.start}:${base.end}`;
  let n = ctx.cache.get(key);
  if (!n) ctx.cache.set(key, (n = normalizeWithMap(ctx.text.slice(base.start, base.end))));
  const at = n.text.indexOf(phrase);
  if (at < 0) return undefined;
  const a = n.map[at]!;
  const last = n.map[at + phrase.length - 1]!;
  const src = ctx.text;
  return { start: base.start + a, end: base.start + last + (src.codePointAt(base.start + last)! > 0xffff ? 2 : 1) };
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
