/** What a batch keeps of each file for the main thread, shared by the one-thread path (run.ts) and the workers (pool.ts, worker.ts). */
import type { ReportPlan } from '../analyze/analysis-report.js';
import { buildReportPlan } from '../analyze/build-analysis-report.js';
import { digestReportPlan, reportPlanJson, type ReportPlanDigest } from '../analyze/report-json.js';
import type { PlanSource } from '../compare/compare-plans.js';
import { compareWithParent, parentComparisonModel, type ParentPair } from '../compare/trace-parents.js';
import type { ParentComparison } from '../compare/schema.js';
import { templateFromPlan } from '../analyze/template-from-plan.js';
import { loadPlan, type LoadResult } from '../load/load-plan.js';
import type { Plan } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import { decodeBytes } from '../text/decode-bytes.js';
import { cachedFile, cachedLoad, entryKeyParts, keptParts, loadKeyParts, readCachedFile, readCachedLoad, type CachedFile, type CachedLoad, type EntryCache } from './entry-cache.js';
import type { BatchFile, BatchWant, PlanRead } from './run.js';
import { utf8 } from './utf8.js';

/** An input read already (`--cache`), loaded as it was read: its bytes parsed, or why it could not be read. */
export async function loadRead(read: PlanRead, source: string): Promise<LoadResult> {
  return 'failed' in read ? read.failed : loadPlan(read.bytes, source);
}

/**
 * Whether a batch keeps a file's plan model for the main thread: asked for, or the file gave a model but
 * no text (a saved JSON model), so that a comparison's section texts (reuse, `--diff`) come from it.
 */
export function keepsModel(want: BatchWant, hasText: boolean): boolean {
  return want.plans || (want.reuse && !hasText);
}

/**
 * The batch's plan models as kept (`model(i)`, else null): a model that was read but not kept was not
 * asked for, and asking for it throws rather than passing for an unread plan.
 */
export function keptPlans(files: readonly BatchFile[], model: (index: number) => Plan | null): PlanSource {
  return {
    isRead: (i) => files[i]?.read ?? false,
    plan: (i) => {
      const m = model(i);
      if (m) return m;
      if (files[i]?.read) throw new Error(`plan ${i} of the batch: its model was not asked for`);
      return null;
    },
  };
}

/**
 * What a batch made of one file, here or on a worker: the entry, its JSON line when asked for, the
 * text, the model and what comparisons with parents read of it (when asked for) — as objects when made
 * here, packed when served from the cache (see {@link entryOf}, {@link modelOf}).
 */
export interface Analysed {
  source: string;
  /** Whether the file gave a plan model. */
  read: boolean;
  digest: ReportPlanDigest;
  /** The entry, when made here (else see `packed`). */
  entry: ReportPlan | null;
  /** The entry's JSON line, UTF-8 (when `want.json`). */
  json: Uint8Array | null;
  text: string | null;
  /** The model as loaded, when made here (else see `packed`). */
  plan: Plan | null;
  /** What comparisons with parents read of the model, when made here and asked for (`want.parents`). */
  parentModel: Plan | null;
  /**
   * With the cache, the parts as its value keeps them (packed): served from it, or packed to be kept
   * (so that a worker sends on the same bytes, packing nothing twice). Null without the cache.
   */
  packed: Pick<CachedFile, 'entry' | 'spans' | 'model' | 'parentModel'> | null;
  /** Why the cache could not keep this file's value (null: kept, found, or no cache). */
  cacheFailure: string | null;
  /** The key of the file's model in the cache (its load, see `loadKeyParts`; null: not looked up there), which its comparisons with parents are kept by. */
  key: string | null;
}

/** Reads, parses and analyses one file; a bug met on it is that file's error, never the batch's. */
export async function analyseFile(source: string, load: () => Promise<LoadResult>, want: BatchWant, template: Template | null): Promise<Analysed> {
  let result: LoadResult;
  let entry: ReportPlan;
  try {
    result = await load();
    entry = buildReportPlan(result, { ...(template ? { template } : {}), ...(want.evidence ? {} : { evidence: false }) });
  } catch (e) {
    result = {
      source,
      plan: null,
      text: null,
      diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `${source}: gangyao failed on this file (${e instanceof Error ? e.message : String(e)})`, source }],
    };
    // An unread file's entry needs no template (and the template may be what failed).
    entry = buildReportPlan(result);
  }
  return {
    source: result.source,
    read: result.plan !== null,
    digest: digestReportPlan(entry),
    entry,
    // UTF-8 at once: a third smaller to hold than the string, and written as it is.
    json: want.json ? utf8(reportPlanJson(entry)) : null,
    text: result.text,
    plan: result.plan,
    parentModel: want.parents && result.plan ? parentComparisonModel(result.plan) : null,
    packed: null,
    cacheFailure: null,
    key: null,
  };
}

/** The entry of a file analysed (unpacked when it was served from the cache), or null when none was kept. */
export function entryOf(a: Analysed, cache: EntryCache | null): ReportPlan | null {
  if (a.entry) return a.entry;
  return a.packed?.entry && cache ? (cache.unpack(a.packed.entry) as ReportPlan) : null;
}

/**
 * The model of a file analysed: as loaded, or as the cache kept it (whole, or what comparisons with
 * parents read of it), unpacked; null when none was kept.
 */
export function modelOf(a: Pick<Analysed, 'plan' | 'packed'>, cache: EntryCache | null): Plan | null {
  if (a.plan) return a.plan;
  const b = a.packed?.model ?? a.packed?.parentModel;
  return b && cache ? (cache.unpack(b) as Plan) : null;
}

/**
 * {@link analyseFile} through the cache (`--cache DIR`): the file's value is looked up by its bytes (and
 * what else it depends on, see `entryKeyParts`); when it is not found the bytes are analysed — the same
 * bytes the key was made of, never read again — and the value kept (for a file that gave a plan: one
 * that did not costs nothing to read again, and may have failed for a reason of the moment). The model
 * is kept apart, by the name and bytes alone (`loadKeyParts`): a value missed for another template or
 * another output finds it, and the plan is analysed without being parsed again. `keep` false: looked up
 * only (the cache could not be written before; a full or read-only one still serves).
 */
export async function analyseThroughCache(cache: EntryCache, source: string, bytes: Uint8Array, want: BatchWant, template: Template | null, keep = true): Promise<Analysed> {
  const key = cache.key(entryKeyParts(template, want, source, bytes));
  const hit = readCachedFile(cache.get(key), want);
  if (hit) {
    const { entry, spans, model, parentModel } = hit;
    return { source, read: hit.read, digest: hit.digest, entry: null, json: hit.json, text: hit.text, plan: null, parentModel: null, packed: { entry, spans, model, parentModel }, cacheFailure: null, key: hit.loadKey };
  }
  const loadKey = cache.key(loadKeyParts(source, bytes));
  const load = readCachedLoad(cache.get(loadKey));
  // The load served (its model unpacked), else the file parsed; null when loading threw.
  let loaded: { result: LoadResult; served: boolean } | null = null;
  const a = await analyseFile(
    source,
    async () => {
      const served = load && loadedFrom(load, cache, source, bytes);
      loaded = { result: served ?? (await loadPlan(bytes, source)), served: served !== null };
      return loaded.result;
    },
    want,
    template,
  );
  if (!a.read || !keep || !loaded) return { ...a, key: loadKey };
  const { result, served } = loaded as { result: LoadResult; served: boolean };
  const kept = keptParts(want);
  const plan = a.plan!;
  let model = served ? load!.model : null;
  const packedModel = () => (model ??= cache.pack(plan));
  let cacheFailure = served ? null : cache.put(loadKey, cachedLoad(packedModel(), result.diagnostics, result.text, result.text === null ? null : decodeBytes(bytes, source).text));
  const packed = {
    entry: kept.entry ? cache.pack(a.entry) : null,
    spans: kept.entry ? a.entry!.sections.map((s) => s.span) : null,
    model: keepsModel(want, a.text !== null) ? packedModel() : null,
    parentModel: kept.parentModel ? cache.pack(a.parentModel ?? parentComparisonModel(plan)) : null,
  };
  cacheFailure ??= cache.put(key, cachedFile({ read: a.read, digest: a.digest, json: a.json, text: a.text, ...packed, loadKey }, want));
  return { ...a, packed, cacheFailure, key: loadKey };
}

/**
 * The file as loaded from its kept load (the model unpacked, the text decoded from the bytes again when
 * it was not kept); null when the model does not unpack (the file is then read anew).
 */
function loadedFrom(load: CachedLoad, cache: EntryCache, source: string, bytes: Uint8Array): LoadResult | null {
  let plan: Plan;
  try {
    plan = cache.unpack(load.model) as Plan;
  } catch {
    return null;
  }
  const text = load.decoded ? decodeBytes(bytes, source).text : load.text;
  return { source, plan, text, diagnostics: load.diagnostics };
}

/**
 * Compares plans with one parent plan, the parent as template ({@link parentTemplate}, made once for
 * all of them): what a worker does with a parent's task, and this thread with the pairs the cache did
 * not have. The models may be what comparisons with parents read of them (`parentComparisonModel`).
 */
export function compareWithOneParent(parent: { template: Template; region: string | null }, source: string, children: readonly Plan[]): ParentComparison[] {
  const { template, region } = parent;
  return children.map((child) => compareWithParent(child, { source, region, template }));
}

/** The runs of `pairs` (grouped by parent, as `parentComparisonPairs` gives them) with one parent each: [from, to). */
export function parentRuns(pairs: readonly ParentPair[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < pairs.length; ) {
    const from = i;
    while (i < pairs.length && pairs[i]!.parent === pairs[from]!.parent) i++;
    runs.push({ from, to: i });
  }
  return runs;
}

/** A parent plan as template, and its region's name. */
export function parentTemplate(parent: Plan): { template: Template; region: string | null } {
  return { template: templateFromPlan(parent), region: parent.region?.name ?? null };
}

/** Bumped when a comparison with a parent kept in the cache changes shape. */
const PAIR_LAYOUT = 'gangyao-parent-comparison/1';

/**
 * The comparisons with parents of a batch read through the cache, in the order of `pairs`: those kept
 * (by the keys of the two files' loads, `loadKeyParts`: their names and bytes, which is everything the
 * comparison depends on, whatever the template) are served, the others
 * made by `make` (in the pairs' order, grouped by parent as given) and kept. A pair with a file that has
 * no key (not looked up in the cache) is always made.
 */
export async function parentComparisonsThroughCache(
  cache: EntryCache,
  keys: readonly (string | null)[],
  pairs: readonly ParentPair[],
  make: (pairs: readonly ParentPair[]) => Promise<ParentComparison[]>,
): Promise<{ comparisons: ParentComparison[]; cacheFailure: string | null }> {
  const out: (ParentComparison | undefined)[] = new Array<ParentComparison | undefined>(pairs.length);
  const pairKeys = pairs.map(({ child, parent }): string | null => {
    const [c, p] = [keys[child], keys[parent]];
    return c && p ? cache.key([PAIR_LAYOUT, c, p]) : null;
  });
  const missing: number[] = [];
  pairs.forEach((_, i) => {
    const k = pairKeys[i]!;
    const kept = k === null ? null : keptComparison(cache.get(k));
    if (kept) out[i] = kept;
    else missing.push(i);
  });
  const made = missing.length ? await make(missing.map((i) => pairs[i]!)) : [];
  let cacheFailure: string | null = null;
  missing.forEach((i, j) => {
    out[i] = made[j]!;
    const k = pairKeys[i]!;
    if (k !== null && cacheFailure === null) cacheFailure = cache.put(k, { layout: PAIR_LAYOUT, comparison: made[j] });
  });
  return { comparisons: out as ParentComparison[], cacheFailure };
}

/** A comparison with a parent as kept, checked (else null: made anew). */
function keptComparison(v: unknown): ParentComparison | null {
  const x = v as { layout?: unknown; comparison?: Partial<ParentComparison> } | null;
  if (!x || typeof x !== 'object' || x.layout !== PAIR_LAYOUT) return null;
  const c = x.comparison;
  return c && typeof c === 'object' && typeof c.parentSource === 'string' && Array.isArray(c.missing) ? (c as ParentComparison) : null;
}
