import { analyzePlan } from '../analyze/analyze-plan.js';
import type { BasisDocument, Level, Plan } from '../model/plan.js';
import { templateFromPlan } from '../analyze/template-from-plan.js';
import type { Template } from '../template/schema.js';
import { compareStrings, round3, type ComparedPlan } from './internal/entries.js';
import type { ParentComparison, ParentLink, PlanParents } from './schema.js';

/** Options of {@link traceParents}. */
export interface TraceParentsOptions {
  /** Compare each plan with its parents' plans in the batch (one alignment per pair); default true. */
  compare?: boolean;
  /**
   * Comparisons made elsewhere (on worker threads, say): the comparison of `report.plans[child]` with
   * its parent `report.plans[parent]`, or undefined to make it here. See {@link parentComparisonJobs}.
   */
  comparison?: ((child: number, parent: number) => ParentComparison | undefined) | undefined;
}

/** A plan to compare with a parent plan of the batch: both as their index in `report.plans`. */
export interface ParentPair {
  child: number;
  parent: number;
}

const RANK: Record<Level, number | null> = { national: 0, province: 1, city: 2, county: 3, district: 3, unknown: null };

/** The national outline's place in a chain. */
export const NATIONAL_REGION = '全国';

/**
 * Each plan's chain of parent plans, nearest first, up to the national outline: the higher divisions
 * the gazetteer gives for the plan's region (宿州市, 安徽省), each with the plan document the plan
 * cites for it (宿政办秘〔2022〕25号, 皖政办秘〔2021〕121号 — a cited document is placed by its region, or
 * by its level when it names none), then cited levels the gazetteer does not give, then 全国 with the
 * national outline when cited. Only documents about 科学素质 (or bare document numbers) count as plans;
 * laws, regulations and development plans do not. A cited plan document that cannot be placed is kept
 * in `unplaced`.
 *
 * When a parent's own plan is in the batch (same region), its source is listed in `inBatch` and the
 * plan is compared against it, the parent serving as the template (`templateFromPlan` + `analyzePlan`):
 * coverage of the parent's actions and measures, the parent's items it lacks, and its target against
 * the parent's.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @param options - `compare: false` skips the comparisons with parents in the batch (they align each
 *   plan once more per parent, which large batches may not want).
 * @example
 * const dangshan = traceParents(plans).find((p) => p.region === '砀山县');
 * dangshan?.chain.map((l) => `${l.region} ${l.document?.docNumber ?? ''}`);
 * // ['宿州市 宿政办秘〔2022〕25号', '安徽省 皖政办秘〔2021〕121号', '全国 国发〔2021〕9号']
 */
export function traceParents(plans: readonly ComparedPlan[], options: TraceParentsOptions = {}): PlanParents[] {
  const { rows, byParent, read } = placeParents(plans);
  // The comparisons, parent by parent: each parent's template (and the alignment profile built for it,
  // megabytes for a plan's many items) is made once and let go before the next parent's, so a batch
  // of thousands holds one at a time. Each plan keeps its comparisons in the order of its chain.
  const comparisons: ParentComparison[][] = rows.map(() => []);
  if (options.compare !== false) {
    for (const [src, jobs] of byParent) {
      const q = read.get(src)!;
      let template: Template | null = null;
      for (const { row, slot } of jobs) {
        const p = rows[row]!.p;
        const given = options.comparison?.(p.index, q.index);
        if (given) comparisons[row]![slot] = given;
        else {
          template ??= templateFromPlan(q.plan!);
          comparisons[row]![slot] = compareWithParent(p.plan!, { source: q.source, region: q.report.region, template });
        }
      }
    }
  }
  return rows.map(({ p, chain, unplaced }, row) => ({
    source: p.source,
    region: p.report.region,
    level: p.report.level,
    chain,
    unplaced,
    comparisons: comparisons[row]!,
  }));
}

/**
 * The comparisons with parents {@link traceParents} makes, as pairs of indexes into `report.plans`,
 * grouped by parent (each parent's pairs together, so its template is made once), without making them.
 */
export function parentPairs(plans: readonly ComparedPlan[]): ParentPair[] {
  const { rows, byParent, read } = placeParents(plans);
  const out: ParentPair[] = [];
  for (const [src, jobs] of byParent) for (const { row } of jobs) out.push({ child: rows[row]!.p.index, parent: read.get(src)!.index });
  return out;
}

interface Placed {
  rows: { p: ComparedPlan; chain: ParentLink[]; unplaced: PlanParents['unplaced'] }[];
  /** By parent source: the plans (row) to compare with it and where the comparison goes in the row's list (slot). */
  byParent: Map<string, { row: number; slot: number }[]>;
  /** The first read plan of each source. */
  read: Map<string, ComparedPlan>;
}

function placeParents(plans: readonly ComparedPlan[]): Placed {
  const read = new Map<string, ComparedPlan>();
  for (const p of plans) if (p.read && !read.has(p.source)) read.set(p.source, p);
  const byRegion = new Map<string, ComparedPlan[]>();
  for (const p of plans) {
    if (p.report.region === null) continue;
    const list = byRegion.get(p.report.region);
    if (list) list.push(p);
    else byRegion.set(p.report.region, [p]);
  }
  const rows = plans.map((p) => {
    const { chain, unplaced } = buildChain(p);
    for (const link of chain) {
      link.inBatch = (link.region === null ? [] : (byRegion.get(link.region) ?? []))
        .filter((q) => q !== p && q.read && rankOf(q.report.level) !== null && rankOf(q.report.level)! < (rankOf(p.report.level) ?? 9))
        .map((q) => q.source);
    }
    return { p, chain, unplaced };
  });
  const byParent = new Map<string, { row: number; slot: number }[]>();
  rows.forEach(({ p, chain }, row) => {
    if (!p.read) return;
    let slot = 0;
    for (const link of chain) {
      for (const src of link.inBatch) {
        if (!read.has(src)) continue;
        const jobs = byParent.get(src);
        if (jobs) jobs.push({ row, slot: slot++ });
        else byParent.set(src, [{ row, slot: slot++ }]);
      }
    }
  });
  return { rows, byParent, read };
}

function rankOf(level: Level): number | null {
  return RANK[level];
}

/** A cited document that is a 科学素质 plan (not a law, a regulation, a development plan). */
function isPlanDocument(b: BasisDocument): boolean {
  if (b.title === null) return b.docNumber !== null;
  return /科学素质|科普工作|科学素养/u.test(b.title) && !/法$|条例|国民经济/u.test(b.title);
}

/** Gazetteer parents are nearest first and end with the province. */
function gazetteerLevel(i: number, count: number): Level {
  return i === count - 1 ? 'province' : 'city';
}

function buildChain(p: ComparedPlan): { chain: ParentLink[]; unplaced: PlanParents['unplaced'] } {
  const own = rankOf(p.report.level) ?? 9;
  if (!p.read && p.report.sections.length === 0) return { chain: [], unplaced: [] };
  const docs = p.report.basis.filter(isPlanDocument);
  const above = docs.filter((d) => d.level !== 'unknown' && rankOf(d.level)! < own && d.region !== p.report.region);
  const used = new Set<BasisDocument>();
  const links: ParentLink[] = [];
  const docOf = (d: BasisDocument | undefined) => (d ? { docNumber: d.docNumber, title: d.title } : null);
  const gaz = p.report.parents.filter((r) => r !== p.report.region);
  gaz.forEach((region, i) => {
    const level = gazetteerLevel(i, gaz.length);
    const sameLevel = above.filter((d) => d.region === null && d.level === level && !used.has(d));
    const d = above.find((x) => x.region === region && !used.has(x)) ?? (sameLevel.length === 1 ? sameLevel[0] : undefined);
    if (d) used.add(d);
    links.push({ region, level, document: docOf(d), cited: d !== undefined, inBatch: [] });
  });
  for (const d of above) {
    if (used.has(d) || d.level === 'national') continue;
    used.add(d);
    links.push({ region: d.region, level: d.level, document: docOf(d), cited: true, inBatch: [] });
  }
  links.sort((a, b) => (rankOf(b.level) ?? 0) - (rankOf(a.level) ?? 0));
  const national = above.filter((d) => d.level === 'national' && !used.has(d));
  const outline = national.find((d) => d.docNumber !== null) ?? national[0];
  if (own > 0) links.push({ region: NATIONAL_REGION, level: 'national', document: docOf(outline), cited: outline !== undefined, inBatch: [] });
  const unplaced = docs
    .filter((d) => d.level === 'unknown' || (d.level !== 'national' && !used.has(d) && rankOf(d.level)! >= own))
    .filter((d) => d.region !== p.report.region)
    .map((d) => ({ docNumber: d.docNumber, title: d.title }));
  return { chain: links, unplaced };
}

/**
 * A plan against one parent plan, the parent serving as the template (`templateFromPlan(parent)`):
 * coverage of the parent's actions and measures, the parent's items it lacks, and its target against
 * the parent's. What {@link traceParents} reports for each parent in the batch; exported so that a
 * batch can make these comparisons elsewhere (worker threads) and pass them in.
 */
export function compareWithParent(plan: Plan, parent: { source: string; region: string | null; template: Template }): ParentComparison {
  // Without evidence (and so without the text): a parent comparison reports only the decisions.
  const { template } = parent;
  const a = analyzePlan(plan, template, { evidence: false });
  const top = new Set(template.items.filter((i) => i.parent === null && i.kind !== 'org').map((i) => i.id));
  // A plan whose outline gave no action or project is not assessed against the parent either (as in `analyze`).
  const outlined = plan.sections.length > 0;
  return {
    parentSource: parent.source,
    parentRegion: parent.region,
    sections: outlined ? round3(a.coverage.sections.ratio) : null,
    subItems: outlined ? round3(a.coverage.subItems.ratio) : null,
    missing: outlined ? a.missing.filter((id) => top.has(id)).sort(compareStrings) : [],
    verdict: a.target?.verdict ?? null,
    delta: a.target?.delta ?? null,
  };
}

/**
 * The part of a plan model that {@link compareWithParent} reads: the model without the texts as written
 * (`raw`), the agencies, indicators and diagnostics of its sections and measures. A comparison with a
 * parent is the same for it as for the whole model, and it is smaller to keep or to send (a batch keeps
 * one for each plan until the comparisons with parents are made).
 */
export function parentComparisonModel(plan: Plan): Plan {
  return {
    ...plan,
    indicators: [],
    diagnostics: [],
    sections: plan.sections.map((s) => ({
      ...s,
      raw: '',
      agencies: [],
      measures: s.measures.map((m) => ({ ...m, raw: '', agencies: [] })),
    })),
  };
}
