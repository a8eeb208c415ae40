import { existsSync, readFileSync, statSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { expandGlob, planFilesIn, readPlanBytes } from '../node.js';
import { MAX_INPUT_BYTES } from '../load/load-plan.js';
import { analyzeOnWorkers, defaultThreads, PLANS_PER_COMPARING_WORKER, PLANS_PER_WORKER } from './pool.js';
import { openFileCache } from './file-cache.js';
import { runCli } from './run.js';

/** Exit code when the reader of standard output went away (128 + SIGPIPE, as a shell tool that died of it). */
const EXIT_PIPE = 141;

/**
 * A reader that stops early (`gangyao analyze … | head`) closes the pipe: stop there, quietly, as shell
 * tools do. Any other failure to write the output is said in one line (exit 74, an I/O error).
 */
function onOutputError(stream: string) {
  return (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_PIPE);
    if (stream === 'standard output') process.stderr.write(`gangyao: cannot write to ${stream}: ${e.message}\n`);
    process.exit(74);
  };
}

/**
 * V8's budget for inlining into one optimised function, lowered from its default (920 bytes of
 * bytecode). Every thread compiles the pipeline for itself, and with the default the optimising
 * compiler took 2.4 s of CPU per 1,600 plans (1.6 s with this budget) for code 2–5% faster once warm:
 * alternating runs over the benchmark's 3,200 plans, `analyze` 4.40–4.93 s against 4.94–5.02 s,
 * `compare` 10.1–10.6 s against 10.6–11.0 s. A budget given on the command line or in NODE_OPTIONS wins.
 */
const INLINING_BUDGET = '--max-inlined-bytecode-size-cumulative=100';

/**
 * How much a function runs before V8 optimises it, raised from its default (132 KB of bytecode
 * executed): the pipeline's functions reach the optimising compiler later, with more of their types
 * seen, so fewer are optimised twice. Alternating runs over the benchmark's 3,200 plans, `analyze`
 * 4.39–4.44 s against 4.51–4.74 s (CPU 7.6–7.7 s against 7.8–8.2 s). Given on the command line or in NODE_OPTIONS, that wins.
 */
const INTERRUPT_BUDGET = '--interrupt-budget=300000';

function tuneCompiler(): void {
  const given = (flag: string) => [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((a) => a.includes(flag));
  // Process-wide: the worker threads started later compile with them too.
  if (!given('max-inlined-bytecode-size-cumulative')) setFlagsFromString(INLINING_BUDGET);
  if (!given('interrupt-budget')) setFlagsFromString(INTERRUPT_BUDGET);
}

/** The process shell around runCli: argv in, streams out, exit code set. Nothing else touches process. */
async function main(): Promise<void> {
  tuneCompiler();
  process.stdout.on('error', onOutputError('standard output'));
  process.stderr.on('error', onOutputError('standard error'));
  const tty = Boolean(process.stderr.isTTY) && !process.argv.includes('--no-progress');
  const progress = tty
    ? (done: number, total: number) => {
        if (total < 2) return;
        const w = 30;
        const fill = Math.round((done / total) * w);
        process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(w - fill)}] ${done}/${total}${done === total ? '\n' : ''}`);
      }
    : undefined;
  const code = await runCli(process.argv.slice(2), {
    // Synchronous reads: a promise per file costs more than the read itself for small plans.
    readFile: async (p) => new Uint8Array(readFileSync(p)),
    readPlan: readPlanBytes,
    writeFile: (p, data) => writeFile(p, data),
    writePieces: async (p, pieces) => {
      const file = await open(p, 'w');
      try {
        for (const chunk of pieces) await file.write(chunk);
      } finally {
        await file.close();
      }
    },
    expand: expandGlob,
    planFilesIn,
    exists: (p) => existsSync(p),
    sameFile: (a, b) => {
      try {
        const [x, y] = [statSync(a), statSync(b)];
        return x.dev === y.dev && x.ino === y.ino;
      } catch {
        return false;
      }
    },
    readStdin: async () => {
      // No more than one byte past the limit a plan may have: the loader reports the input as too large.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of process.stdin) {
        chunks.push(c as Buffer);
        size += (c as Buffer).length;
        if (size > MAX_INPUT_BYTES) break;
      }
      return new Uint8Array(Buffer.concat(chunks));
    },
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    progress,
    defaultThreads: (n, comparing) => defaultThreads(n, undefined, comparing ? PLANS_PER_COMPARING_WORKER : PLANS_PER_WORKER),
    openCache: openFileCache,
    analyzeFiles: (paths, template, threads, want, cache) =>
      analyzeOnWorkers(paths, template, threads, want, new URL('./worker.js', import.meta.url), progress && ((d) => progress(d, paths.length)), cache),
  });
  process.exitCode = code;
}

main().catch((e: unknown) => {
  // Only a bug in gangyao itself reaches here: say so plainly, without a stack trace.
  process.stderr.write(`gangyao: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
});
