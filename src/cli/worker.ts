/**
 * A batch worker, started by the CLI's pool (pool.ts). Three kinds of task:
 * - `file`: read, parse and analyse one file; post back what the batch asked for — the report entry,
 *   its JSON line as UTF-8 bytes (rendered here, so the main thread only writes), the text, the plan
 *   model serialised (node:v8) — and always the entry's digest. Buffers are transferred, not copied.
 *   For comparisons with parents it also sends the part of the model those read (smaller).
 * - `parents`: compare plans with one parent plan (models sent serialised), the parent as template.
 * - `reuse`: score a range of the batch's sections for reuse, over tables in shared memory.
 * Results are put back in input order by the pool, so the output does not depend on the thread count.
 */
import { deserialize, serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadResult } from '../load/load-plan.js';
import { loadPlanFile } from '../node.js';
import { buildReportPlan } from '../analyze/build-analysis-report.js';
import { digestReportPlan, reportPlanJson, type ReportPlanDigest } from '../analyze/report-json.js';
import { templateFromPlan } from '../analyze/template-from-plan.js';
import { utf8 } from './utf8.js';
import type { ReportPlan } from '../analyze/analysis-report.js';
import { compareWithParent, parentComparisonModel } from '../compare/trace-parents.js';
import type { ParentComparison } from '../compare/schema.js';
import type { Plan } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import type { BatchWant, PlanRead } from './run.js';
import { keepsModel, loadRead } from './batch.js';
import { REUSE_METHOD } from '../compare/measure-reuse.js';
import { candidateScratch, reuseUnitInputs, scoreUnits, type CandidateScratch, type ReuseTables, type ReuseUnitInput } from '../compare/internal/reuse-kernel.js';

export interface FileTask {
  kind: 'file';
  id: number;
  path: string;
  want: BatchWant;
  /** The input read already (`--cache`): analysed as it is, not read again. */
  read?: PlanRead;
}

export interface FileDone {
  id: number;
  source: string;
  read: boolean;
  digest: ReportPlanDigest;
  text: string | null;
  entry: ReportPlan | null;
  /** The entry's JSON line, UTF-8. */
  json: ArrayBuffer | null;
  /** The plan model, serialised (node:v8). */
  plan: ArrayBuffer | null;
  /** Each section cut into n-grams for measuring reuse. */
  reuse: (ReuseUnitInput | null)[] | null;
  /** What comparisons with parents read of the model (`parentComparisonModel`), serialised, when asked for. */
  model: ArrayBuffer | null;
  error?: string;
}

/** The tables the next `reuse` tasks score (sent once to each worker). */
export interface TablesMessage {
  kind: 'tables';
  tables: ReuseTables;
}

export interface ReuseTask {
  kind: 'reuse';
  id: number;
  from: number;
  to: number;
}

export interface ReuseDone {
  id: number;
  scores: Int32Array;
  error?: string;
}

export interface ParentsTask {
  kind: 'parents';
  id: number;
  /** The parent: its index in the batch (a key for the template made of it), model and source. */
  parent: { index: number; plan: Uint8Array; source: string };
  /** The plans to compare with it (models as `parentComparisonModel`, serialised). */
  children: Uint8Array[];
}

export interface ParentsDone {
  id: number;
  results: ParentComparison[];
  error?: string;
}

const template = (workerData as { template: Template | null } | undefined)?.template ?? null;

/** A task for a worker (see the pool). */
export type Task = FileTask | ParentsTask | ReuseTask;

let tables: ReuseTables | null = null;

parentPort?.on('message', (task: FileTask | ParentsTask | ReuseTask | TablesMessage) => {
  if (task.kind === 'tables') {
    tables = task.tables;
    return;
  }
  if (task.kind === 'reuse') {
    try {
      if (!tables) throw new Error('no tables were sent');
      const scores = scoreUnits(tables, task.from, task.to, scratchFor(tables));
      parentPort!.postMessage({ id: task.id, scores }, [scores.buffer as ArrayBuffer]);
    } catch (e) {
      parentPort!.postMessage({ id: task.id, scores: new Int32Array(0), error: `measuring reuse failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    return;
  }
  if (task.kind === 'parents') {
    try {
      parentPort!.postMessage(compareParents(task));
    } catch (e) {
      parentPort!.postMessage({ id: task.id, results: [], error: `comparing with ${task.parent.source} failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    return;
  }
  void analyseFile(task).then(
    ({ message, transfer }) => parentPort!.postMessage(message, transfer),
    (e: unknown) => parentPort!.postMessage({ id: task.id, error: `${task.path}: ${e instanceof Error ? e.message : String(e)}` }),
  );
});

async function analyseFile(task: FileTask): Promise<{ message: FileDone; transfer: ArrayBuffer[] }> {
  let result: LoadResult;
  let entry: ReportPlan;
  try {
    result = await (task.read ? loadRead(task.read, task.path) : loadPlanFile(task.path));
    entry = buildReportPlan(result, { ...(template ? { template } : {}), ...(task.want.evidence ? {} : { evidence: false }) });
  } catch (e) {
    // A failure on one file is that file's error; the batch goes on.
    result = {
      source: task.path,
      plan: null,
      text: null,
      diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `${task.path}: gangyao failed on this file (${e instanceof Error ? e.message : String(e)})`, source: task.path }],
    };
    entry = buildReportPlan(result);
  }
  const { want } = task;
  const json = want.json ? toArrayBuffer(utf8(reportPlanJson(entry))) : null;
  const plan = keepsModel(want, result.text !== null) && result.plan ? toArrayBuffer(serialize(result.plan)) : null;
  // The n-grams in shared memory: the main thread lays them out in its tables and the workers score them, never copied.
  const reuse = want.reuse ? reuseUnitInputs(entry.sections, result, REUSE_METHOD, (n) => new SharedArrayBuffer(n)) : null;
  // What comparisons with parents read of the model: about 40% smaller than the model to send and to hold.
  const model = want.parents && result.plan ? toArrayBuffer(serialize(parentComparisonModel(result.plan))) : null;
  const transfer = [json, plan, model].filter((b): b is ArrayBuffer => b !== null);
  for (const u of reuse ?? []) if (u) for (const a of [u.starts, u.ends]) if (a) transfer.push(a.buffer as ArrayBuffer);
  const message: FileDone = {
    id: task.id,
    source: result.source,
    read: result.plan !== null,
    digest: digestReportPlan(entry),
    text: want.texts ? result.text : null,
    entry: want.entries ? entry : null,
    json,
    plan,
    reuse,
    model,
  };
  return { message, transfer };
}

/** One scratch per thread for candidate queries, kept while the tables keep their size. */
let scratch: CandidateScratch | null = null;
function scratchFor(tables: ReuseTables): CandidateScratch {
  if (!scratch || scratch.votes.length !== tables.index.planOf.length || scratch.seen.length !== tables.index.keys.length) scratch = candidateScratch(tables.index);
  return scratch;
}

/** The templates made of the last few parents: a large family comes in several tasks, mostly to the same thread. */
const parentTemplates = new Map<number, { template: Template; region: string | null }>();

function compareParents(task: ParentsTask): ParentsDone {
  let made = parentTemplates.get(task.parent.index);
  if (!made) {
    const parent = deserialize(task.parent.plan) as Plan;
    made = { template: templateFromPlan(parent), region: parent.region?.name ?? null };
    parentTemplates.set(task.parent.index, made);
    if (parentTemplates.size > 4) parentTemplates.delete(parentTemplates.keys().next().value!);
  }
  const { template: t, region } = made;
  const results = task.children.map((bytes) => compareWithParent(deserialize(bytes) as Plan, { source: task.parent.source, region, template: t }));
  return { id: task.id, results };
}

/** The bytes as an ArrayBuffer of their own, so it can be transferred. */
function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) return b.buffer;
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}
