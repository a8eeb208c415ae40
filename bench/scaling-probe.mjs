// How much faster this machine gets with more threads on gangyao's own work: parses and analyses the
// files given in k worker threads (each a share), after a warm-up, and prints the wall time in ms.
// Used by bench/run.ts; run alone: node bench/scaling-probe.mjs K [--warm N] FILE...
// (--warm N: each thread first runs the first N files of its share, untimed, then its whole share, timed;
// default 20).
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [k, ...rest] = process.argv.slice(2);
  let files = rest;
  let warm = 20;
  if (files[0] === '--warm') {
    warm = Number(files[1]);
    files = files.slice(2);
  }
  const threads = Number(k);
  if (!(threads >= 1) || !(warm >= 0) || files.length === 0) throw new Error('usage: node bench/scaling-probe.mjs K [--warm N] FILE...');
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const workers = shares.map((share) => new Worker(new URL(import.meta.url), { workerData: { share, warm } }));
  // Every worker loads and warms up first; the clock runs from when all are ready.
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const t = performance.now();
  for (const w of workers) w.postMessage('go');
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  process.stdout.write(`${Math.round(performance.now() - t)}\n`);
  await Promise.all(workers.map((w) => w.terminate()));
} else {
  const lib = await import('../dist/index.js');
  const { share: files, warm } = workerData;
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  const run = (list) => {
    for (const [i, b] of list.entries()) lib.buildAnalysisReport([lib.loadPlanFromBytes(b, files[i])]);
  };
  run(bytes.slice(0, warm));
  parentPort.postMessage('ready');
  parentPort.once('message', () => {
    run(bytes);
    parentPort.postMessage('done');
  });
}
