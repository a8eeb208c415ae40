import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../load/load-plan.js';
import type { ReportPlan } from '../report/schema.js';
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
            w.on('message', (m: { id: number; result?: LoadResult; entry?: ReportPlan; error?: string }) => {
              if (m.error !== undefined || !m.result || !m.entry) return reject(new Error(`worker failed on ${paths[m.id]}: ${m.error}`));
              out[m.id] = { result: m.result, entry: m.entry };
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
