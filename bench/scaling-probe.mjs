// How much faster this machine gets with more threads on gangyao's own work: parses and analyses the
// files given in k worker threads (each a share), after a warm-up, and prints the wall time in ms.
// Used by bench/run.ts; run alone: node bench/scaling-probe.mjs K FILE...
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [k, ...files] = process.argv.slice(2);
  const threads = Number(k);
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const workers = shares.map((share) => new Worker(new URL(import.meta.url), { workerData: share }));
  // Every worker loads and warms up first; the clock runs from when all are ready.
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const t = performance.now();
  for (const w of workers) w.postMessage('go');
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  process.stdout.write(`${Math.round(performance.now() - t)}\n`);
  await Promise.all(workers.map((w) => w.terminate()));
} else {
  const lib = await import('../dist/index.js');
  const files = workerData;
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  const run = (list) => {
    for (const [i, b] of list.entries()) lib.buildAnalysisReport([lib.loadPlanFromBytes(b, files[i])]);
  };
  run(bytes.slice(0, 20));
  parentPort.postMessage('ready');
  parentPort.once('message', () => {
    run(bytes);
    parentPort.postMessage('done');
  });
}
