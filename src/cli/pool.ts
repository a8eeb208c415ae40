import { availableParallelism } from 'node:os';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../load/load-plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan } from '../model/plan.js';
import type { ReportPlan } from '../analyze/analysis-report.js';
import type { Template } from '../template/schema.js';

export interface AnalysedFile {
  result: LoadResult;
  entry: ReportPlan;
}

/** Threads to use by default: one per core, at most four, and none for small batches. */
export function defaultThreads(files: number): number {
  return files < 16 ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Reads, parses and analyses files on worker threads. Each worker takes the next file when it is free;
 * results come back in input order, so the output is the same for any thread count.
 */
export async function analyzeOnWorkers(paths: readonly string[], template: Template | null, threads: number, workerUrl: URL, onDone?: (done: number) => void): Promise<AnalysedFile[]> {
  const out: (AnalysedFile | undefined)[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(threads, paths.length) }, () => new Worker(workerUrl, { workerData: { template } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= paths.length) return resolve();
              const id = next++;
              w.postMessage({ id, path: paths[id] });
            };
            w.on('message', (m: WorkerResult) => {
              if (m.error !== undefined || !m.entry) return reject(new Error(`worker failed on ${paths[m.id]}: ${m.error}`));
              out[m.id] = { result: loadResult(m), entry: m.entry };
              onDone?.(++done);
              feed();
            });
            w.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out as AnalysedFile[];
}

/** What a worker posts back for one file (see worker.ts). */
interface WorkerResult {
  id: number;
  source: string;
  text: string | null;
  diagnostics: Diagnostic[];
  /** The plan model, serialised (node:v8), or null when the file gave none. */
  plan: ArrayBuffer | null;
  entry?: ReportPlan;
  error?: string;
}

/**
 * The load result of a worker's message. Its plan is read back from the serialised bytes on first
 * use only: `analyze` never reads it, and a batch of thousands of plans then never holds them all.
 */
function loadResult(m: WorkerResult): LoadResult {
  const bytes = m.plan;
  let plan: Plan | null | undefined = bytes === null ? null : undefined;
  const result = { source: m.source, text: m.text, diagnostics: m.diagnostics } as LoadResult;
  Object.defineProperty(result, 'plan', {
    enumerable: true,
    configurable: true,
    get(): Plan | null {
      if (plan === undefined) plan = deserialize(new Uint8Array(bytes!)) as Plan;
      return plan;
    },
    set(v: Plan | null) {
      plan = v;
    },
  });
  return result;
}
