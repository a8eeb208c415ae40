/**
 * A batch worker: reads, parses and analyses the files it is sent, and posts back each plan and its
 * report entry. Started by the CLI's pool (pool.ts); results are put back in input order there, so the
 * output does not depend on the number of threads.
 *
 * The report entry is posted as is (the report is built from it at once); the plan model is posted
 * serialised, its buffer transferred rather than copied, and read back only if the caller asks for
 * it (`compare` does, `analyze` does not), which saves the main thread rebuilding thousands of plans.
 */
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPlan, type LoadResult } from '../load/load-plan.js';
import { buildReportPlan } from '../analyze/build-analysis-report.js';
import type { Template } from '../template/schema.js';

export interface WorkerTask {
  id: number;
  path: string;
}

const template = (workerData as { template: Template | null } | undefined)?.template ?? null;

parentPort?.on('message', (task: WorkerTask) => {
  void (async () => {
    const result = await readPlanFile(task.path);
    const entry = buildReportPlan(result, template ? { template } : {});
    const plan = result.plan === null ? null : toArrayBuffer(serialize(result.plan));
    const message = { id: task.id, source: result.source, text: result.text, diagnostics: result.diagnostics, plan, entry };
    parentPort!.postMessage(message, plan ? [plan] : []);
  })().catch((e: unknown) => {
    // A failure on one file is that file's error; the batch goes on.
    const result: LoadResult = {
      source: task.path,
      plan: null,
      text: null,
      diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `${task.path}: gangyao failed on this file (${e instanceof Error ? e.message : String(e)})`, source: task.path }],
    };
    parentPort!.postMessage({ id: task.id, source: result.source, text: null, diagnostics: result.diagnostics, plan: null, entry: buildReportPlan(result) });
  });
});

/**
 * `loadPlanFile`, reading synchronously: this thread has nothing else to do meanwhile, and an
 * asynchronous read costs a file one to two milliseconds of round trips (more than parsing it).
 */
function readPlanFile(file: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return Promise.resolve({ source: file, plan: null, text: null, diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `${file}: ${reason}`, source: file }] });
  }
  return loadPlan(bytes, file);
}

/** The bytes of a Buffer as an ArrayBuffer of their own, so it can be transferred. */
function toArrayBuffer(b: Buffer): ArrayBuffer {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) return b.buffer;
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}
