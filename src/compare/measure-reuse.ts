import type { Template } from '../template/schema.js';
import { compareStrings, round3, type ComparedPlan } from './internal/entries.js';
import { buildReuseTables, reuseUnitInputs, scoreUnits, TEMPLATE_SPAN, type Alloc, type ReuseTables, type ReuseUnitInput } from './internal/reuse-kernel.js';
import { boundedDiff } from './internal/bounded-diff.js';
import { foldAll, sectionText } from './internal/section-text.js';
import { shingleHashes } from './internal/shingles.js';
import type { CompareDiagnostic, ReuseClass, ReuseReport, ReuseSpan, SectionDiff, SectionReuse } from './schema.js';

/** A section of a plan, named by the plan's source and the section's index, template id or title. */
export interface SectionRef {
  source: string;
  /** The section's index in the plan, or its template id (`youth`), or its title. */
  section: number | string;
}

/** Options of {@link measureReuse}. */
export interface MeasureReuseOptions {
  /** More wording of a template (the outline's full text), by template id, counted as the template's. */
  templateTexts?: Readonly<Record<string, string>>;
  /** A side-by-side diff of two sections; `b` omitted: the section sharing most with `a`. */
  diff?: { a: SectionRef; b?: SectionRef };
}

/** How reuse is measured; see {@link measureReuse}. */
export const REUSE_METHOD = { shingle: 8, minRunTemplate: 8, minRunPeer: 12, window: 8, candidates: 3 } as const;
const MAX_SPANS = 50;

interface Unit {
  plan: number;
  entry: ComparedPlan;
  section: number;
  /** Where each folded character starts and ends (see SectionText). */
  starts: Int32Array;
  ends: Int32Array | null;
  spansIn: ReuseUnitInput['spansIn'];
}

/** Reuse measured in two steps (see {@link prepareReuse}): the batch's sections laid out, ready to score. */
export interface PreparedReuse {
  units: Unit[];
  tables: ReuseTables;
}

/** What a caller may bring to {@link prepareReuse}: sections already cut into n-grams where their plan was read, shared memory. */
export interface ReuseGiven {
  /** The sections' inputs of `report.plans[index]` (see `reuseUnitInputs`), or undefined to make them here. */
  inputs?: ((index: number) => readonly (ReuseUnitInput | null)[] | undefined) | undefined;
  /** Memory for the tables (a SharedArrayBuffer to score them on several threads). */
  alloc?: Alloc | undefined;
}

/**
 * How much of each section restates the template or another plan of the batch, so that a
 * near-verbatim copy does not pass for strong implementation and a plan's own content stands out.
 *
 * Method: each section's letters and digits (punctuation, spaces and site chrome dropped) are cut into
 * character 8-grams. A character counts as restated from the template when it lies in an 8-gram of
 * the template's wording (its item titles and aliases, plus `templateTexts`); as restated from a peer
 * when it lies in a run of at least 12 characters also found in a section of another plan. Peers are
 * not compared all against all: an inverted index of winnowed fingerprints (window 8, so any shared
 * passage of 15 characters or more is seen) proposes the 3 sections of other plans sharing the most
 * rare fingerprints, and only those are compared exactly — time linear in the number of plans.
 * `reuse` is the share restated from either, `local = 1 − reuse`; `restated` when reuse ≥ 0.5,
 * `local` when reuse < 0.2, else `mixed`. Matched spans (the 50 longest per section) are offsets in the
 * text as read, or in the section rebuilt from the model when no text was given. Shared passages do
 * not say who copied whom: two plans restating the same provincial text both score.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @param templates - Templates by id (the built-ins and any given), for the template's wording.
 * @example
 * const r = measureReuse(plans, templates);
 * r.sections.find((s) => s.title.includes('寺庙僧尼'))?.class; // 'local'
 * measureReuse(plans, templates, { diff: { a: { source: 'seeds/001….txt', section: 'youth' } } }).diff?.b.source;
 */
export function measureReuse(
  plans: readonly ComparedPlan[],
  templates: ReadonlyMap<string, Template>,
  options: MeasureReuseOptions = {},
  diagnostics: CompareDiagnostic[] = [],
): ReuseReport {
  const prepared = prepareReuse(plans, templates, options, diagnostics);
  return finishReuse(prepared, plans, options, diagnostics, scoreUnits(prepared.tables, 0, prepared.units.length));
}

/**
 * The first step of {@link measureReuse}: every section's n-grams and fingerprints (made here unless
 * given), the template each counts against, and the candidate index, in tables that
 * `scoreUnits(tables, from, to)` scores — on this thread, or on several over ranges of units.
 */
export function prepareReuse(
  plans: readonly ComparedPlan[],
  templates: ReadonlyMap<string, Template>,
  options: MeasureReuseOptions = {},
  diagnostics: CompareDiagnostic[] = [],
  given: ReuseGiven = {},
): PreparedReuse {
  const units: Unit[] = [];
  const laid: { plan: number; template: number; input: ReuseUnitInput }[] = [];
  const templateIndex = new Map<string, number>();
  const templateHashes: Float64Array[] = [];
  const warned = new Set<string>();
  const templateOf = (entry: ComparedPlan): number => {
    const id = entry.report.template?.id ?? entry.report.coverage?.templateId;
    if (!id) return -1;
    const known = templateIndex.get(id);
    if (known !== undefined) return known;
    const t = templates.get(id);
    if (!t) {
      if (!warned.has(id)) {
        warned.add(id);
        diagnostics.push({ code: 'compare/unknown-template', severity: 'info', message: `template ${id} is not known: reuse of its wording is not measured`, source: entry.source });
      }
      return -1;
    }
    const texts = [...t.items.flatMap((i) => [i.title, ...i.aliases]), ...(options.templateTexts?.[id] ?? '').split(/\n+/u)];
    const hashes: number[] = [];
    for (const s of texts) for (const h of shingleHashes(foldAll(s.normalize('NFKC')), REUSE_METHOD.shingle)) hashes.push(h);
    templateHashes.push(Float64Array.from(hashes));
    templateIndex.set(id, templateHashes.length - 1);
    return templateHashes.length - 1;
  };
  plans.forEach((entry, plan) => {
    const inputs = given.inputs?.(entry.index) ?? reuseUnitInputs(entry.report.sections, entry, REUSE_METHOD);
    inputs.forEach((input, section) => {
      if (!input) return;
      units.push({ plan, entry, section, starts: input.starts, ends: input.ends, spansIn: input.spansIn });
      laid.push({ plan, template: templateOf(entry), input });
    });
  });
  return { units, tables: buildReuseTables(laid, templateHashes, REUSE_METHOD, given.alloc) };
}

/** The last step of {@link measureReuse}: the report, from the scores of every unit in order (`scoreUnits`' records, in one array or several). */
export function finishReuse(
  prepared: PreparedReuse,
  plans: readonly ComparedPlan[],
  options: MeasureReuseOptions,
  diagnostics: CompareDiagnostic[],
  scores: Int32Array | readonly Int32Array[],
): ReuseReport {
  const { units } = prepared;
  const parts = scores instanceof Int32Array ? [scores] : scores;
  const best = new Map<number, number>();
  const sections: SectionReuse[] = [];
  let id = 0;
  for (const packed of parts) {
    let k = 0;
    while (k < packed.length) {
      const u = units[id]!;
      const len = packed[k]!;
      const t = packed[k + 1]!;
      const p = packed[k + 2]!;
      const either = packed[k + 3]!;
      const bestUnit = packed[k + 4]!;
      const bestShared = packed[k + 5]!;
      const count = packed[k + 6]!;
      k += 7;
      const spans: ReuseSpan[] = [];
      for (let j = 0; j < count; j++, k += 3) {
        const peer = packed[k + 2]!;
        spans.push(span(u, packed[k]!, packed[k + 1]!, peer === TEMPLATE_SPAN ? 'template' : 'peer', peer === TEMPLATE_SPAN ? null : units[peer]!));
      }
      let bestPeer: SectionReuse['bestPeer'] = null;
      if (bestUnit >= 0) {
        const c = units[bestUnit]!;
        bestPeer = { source: c.entry.source, section: c.section, title: c.entry.report.sections[c.section]!.title, share: round3(bestShared / len) };
        best.set(id, bestUnit);
      }
      const reuse = len > 0 ? round3(either / len) : 0;
      // The longest MAX_SPANS, in order of position. When all are kept, the sort by length changes
      // nothing: spans it could leave in another order than they came differ in start or end, which
      // the sort by position reads first (and both sorts are stable).
      let kept = spans;
      if (spans.length > MAX_SPANS) {
        spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
        kept = spans.slice(0, MAX_SPANS);
      }
      if (kept.length > 1) kept.sort(byPosition);
      const rs = u.entry.report.sections[u.section]!;
      sections.push({
        source: u.entry.source,
        region: u.entry.report.region,
        section: u.section,
        title: rs.title,
        templateId: rs.templateId,
        length: len,
        template: len > 0 ? round3(t / len) : 0,
        peers: len > 0 ? round3(p / len) : 0,
        reuse,
        local: round3(1 - reuse),
        class: classify(reuse, len),
        bestPeer,
        spansIn: u.spansIn,
        spans: kept,
        spansTruncated: spans.length > MAX_SPANS,
      });
      id++;
    }
  }
  if (id !== units.length) throw new Error(`finishReuse: scores for ${id} sections, ${units.length} expected`);
  return {
    method: { ...REUSE_METHOD },
    sections,
    plans: summarisePlans(plans, sections),
    diff: options.diff ? sectionDiff(options.diff, units, best, diagnostics) : null,
  };
}

/** Spans by start, end, then peer: the order of a section's kept spans. */
function byPosition(a: ReuseSpan, b: ReuseSpan): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.source ?? '', b.source ?? '') || (a.section ?? -1) - (b.section ?? -1);
}

function classify(reuse: number, len: number): ReuseClass {
  if (len === 0) return 'local';
  return reuse >= 0.5 ? 'restated' : reuse < 0.2 ? 'local' : 'mixed';
}

function span(u: Unit, start: number, end: number, from: ReuseSpan['from'], peer: Unit | null): ReuseSpan {
  return {
    start: u.starts[start]!,
    end: u.ends ? u.ends[end - 1]! : u.starts[end - 1]! + 1,
    from,
    source: peer ? peer.entry.source : null,
    section: peer ? peer.section : null,
  };
}

function summarisePlans(plans: readonly ComparedPlan[], sections: readonly SectionReuse[]): ReuseReport['plans'] {
  const bySource = new Map<string, SectionReuse[]>();
  for (const s of sections) {
    const list = bySource.get(s.source);
    if (list) list.push(s);
    else bySource.set(s.source, [s]);
  }
  return plans.map((entry) => summarise(entry, bySource.get(entry.source) ?? []));
}

function summarise(entry: ComparedPlan, sections: readonly SectionReuse[]): ReuseReport['plans'][number] {
  const total = sections.reduce((a, s) => a + s.length, 0);
  const weighted = sections.reduce((a, s) => a + s.reuse * s.length, 0);
  return {
    source: entry.source,
    region: entry.report.region,
    reuse: total > 0 ? round3(weighted / total) : null,
    restated: sections.filter((s) => s.class === 'restated').length,
    local: sections.filter((s) => s.class === 'local').length,
  };
}

function findUnit(units: readonly Unit[], ref: SectionRef): number {
  const mine = units.map((u, i) => [u, i] as const).filter(([u]) => u.entry.source === ref.source);
  if (typeof ref.section === 'number') return mine.find(([u]) => u.section === ref.section)?.[1] ?? -1;
  const byId = mine.find(([u]) => u.entry.report.sections[u.section]!.templateId === ref.section);
  const byTitle = mine.find(([u]) => u.entry.report.sections[u.section]!.title === ref.section);
  const byPart = ref.section === '' ? undefined : mine.find(([u]) => u.entry.report.sections[u.section]!.title.includes(String(ref.section)));
  return (byId ?? byTitle ?? byPart)?.[1] ?? -1;
}

function sectionDiff(
  want: { a: SectionRef; b?: SectionRef },
  units: readonly Unit[],
  best: ReadonlyMap<number, number>,
  diagnostics: CompareDiagnostic[],
): SectionDiff | null {
  const ai = findUnit(units, want.a);
  const bi = ai < 0 ? -1 : want.b ? findUnit(units, want.b) : (best.get(ai) ?? -1);
  if (ai < 0 || bi < 0) {
    const name = (r: SectionRef) => (typeof r.section === 'number' ? `section #${r.section} (counted from 0)` : `section ${JSON.stringify(r.section)}`);
    const missing = ai < 0 ? want.a : want.b;
    diagnostics.push({
      code: 'compare/diff-not-found',
      severity: 'warning',
      message: missing ? `no ${name(missing)} in ${missing.source}` : `${name(want.a)} of ${want.a.source} shares no passage with another plan: there is no best match to show it against`,
      source: (missing ?? want.a).source,
    });
    return null;
  }
  const a = units[ai]!;
  const b = units[bi]!;
  const displayOf = (u: Unit) => sectionText(u.entry.report.sections[u.section]!, u.section, u.entry, true)?.display ?? '';
  const left = displayOf(a).normalize('NFKC');
  const right = displayOf(b).normalize('NFKC');
  const ops = boundedDiff(left, right).map(([op, text]) => ({ op: op === 0 ? ('equal' as const) : op < 0 ? ('delete' as const) : ('insert' as const), text }));
  const equal = ops.filter((o) => o.op === 'equal').reduce((s, o) => s + o.text.length, 0);
  const longer = Math.max(left.length, right.length);
  const ref = (u: Unit) => ({ source: u.entry.source, section: u.section, title: u.entry.report.sections[u.section]!.title });
  return { a: ref(a), b: ref(b), similarity: longer > 0 ? round3(equal / longer) : 0, ops };
}
