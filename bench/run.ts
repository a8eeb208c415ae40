/**
 * gangyao benchmark: a synthetic national corpus (bench/corpus.ts) at several scales; per stage
 * (decode, parse, align, analyze, compare, render) the time per MB and per plan in this process, one
 * thread, and the process's peak RSS while it ran; the CLI's `analyze` and `compare` end to end as
 * whole processes with their peak RSS and CPU time (at the largest scale also `analyze --cache` and
 * `compare --cache`: a first run, a re-run after one plan corrected, and one with the template corrected); and, measured in the same run, the floor: reading
 * the files plus one NFKC + sentence-split pass. Every figure is also given as a ratio to the floor, so
 * it moves less than a time on a noisy machine.
 *
 *   npm run bench                          # scales 100, 1000, 3200
 *   npm run bench -- --scales 100,1000     # fewer
 *   npm run bench -- --check               # exit 1 when a bound is passed
 *
 * Options: --scales LIST, --check, --repeat N (runs of each measurement; medians), --threads N (for the
 * CLI; default: its own), --no-stages (only the floor and the CLI), --no-large (without the large
 * single inputs of bench/large.ts), --corpus DIR (default: a folder in the system's temp dir, kept
 * between runs), --markdown FILE (also write the tables there).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { alignPlan } from '../src/align/align-plan.js';
import { comparePlans } from '../src/compare/compare-plans.js';
import { renderComparisonText } from '../src/compare/render-compare-text.js';
import { loadPlanFromText, type LoadResult } from '../src/load/load-plan.js';
import { buildAnalysisReport } from '../src/analyze/build-analysis-report.js';
import { analysisReportJsonPieces } from '../src/analyze/report-json.js';
import { jsonPieces } from '../src/report/json-pieces.js';
import { renderAnalysisText } from '../src/report/render-analysis-text.js';
import { defaultThreads } from '../src/cli/pool.js';
import { chooseTemplate } from '../src/template/choose-template.js';
import { decodeBytes } from '../src/text/decode-bytes.js';
import { NATIONAL_2021 } from '../src/template/national-2021.js';
import { makeCorpus, type Corpus } from './corpus.js';
import { LARGE_BOUND_MS, largeCases } from './large.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PROBE = path.join(ROOT, 'bench', 'rss-probe.mjs');
const SCALING = path.join(ROOT, 'bench', 'scaling-probe.mjs');

/** The bounds `--check` enforces, at the largest scale run. */
export const BOUNDS = { analyze: 6, compare: 12, rssBytes: 1.5 * 1024 ** 3, linearity: 1.5 } as const;

interface Options {
  scales: number[];
  large: boolean;
  check: boolean;
  repeat: number | null;
  threads: string | null;
  stages: boolean;
  corpus: string;
  markdown: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = {
    scales: [100, 1000, 3200],
    large: true,
    check: false,
    repeat: null,
    threads: null,
    stages: true,
    corpus: path.join(os.tmpdir(), 'gangyao-bench'),
    markdown: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--check') o.check = true;
    else if (a === '--no-stages') o.stages = false;
    else if (a === '--no-large') o.large = false;
    else if (a === '--scales') o.scales = value().split(',').map((s) => Number(s.replace(/_/gu, '')));
    else if (a === '--repeat') o.repeat = Number(value());
    else if (a === '--threads') o.threads = value();
    else if (a === '--corpus') o.corpus = path.resolve(value());
    else if (a === '--markdown') o.markdown = path.resolve(value());
    else throw new Error(`unknown option ${a}`);
  }
  if (o.scales.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--scales takes whole numbers, e.g. 100,1000,3200');
  o.scales.sort((a, b) => a - b);
  if (o.repeat !== null && (!Number.isInteger(o.repeat) || o.repeat < 1)) throw new Error('--repeat takes a whole number ≥ 1');
  return o;
}

// ---------------------------------------------------------------------------------------------
// measuring

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

/**
 * The process's peak resident memory while a stage runs in this thread: a helper thread reads the
 * resident set size every 2 ms into shared memory ([0]: the peak in KiB since the last reset, [1]: set
 * to stop). The peak includes what the process holds before the stage (the corpus, earlier results).
 */
class RssSampler {
  private readonly cells = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const a = new Int32Array(workerData);
       while (Atomics.load(a, 1) === 0) {
         const kib = Math.round(process.memoryUsage.rss() / 1024);
         if (kib > Atomics.load(a, 0)) Atomics.store(a, 0, kib);
         Atomics.wait(a, 1, 0, 2);
       }`,
      { eval: true, workerData: this.cells.buffer },
    );
    this.worker.unref();
  }

  /** Starts a new peak from the resident size now; returns that size in bytes. */
  reset(): number {
    const kib = Math.round(process.memoryUsage.rss() / 1024);
    Atomics.store(this.cells, 0, kib);
    return kib * 1024;
  }

  /** The peak since the last reset, in bytes (the resident size now included). */
  peak(): number {
    return Math.max(Atomics.load(this.cells, 0), Math.round(process.memoryUsage.rss() / 1024)) * 1024;
  }

  stop(): void {
    Atomics.store(this.cells, 1, 1);
    Atomics.notify(this.cells, 1);
  }
}

let sampler: RssSampler | null = null;

/** The process's resident size before a stage and its peak while the stage ran (bytes). */
interface Rss {
  before: number;
  peak: number;
}

/** Runs `fn` `times` times; the median time, the last result and the process's RSS over the runs. */
function timeMedian<T>(times: number, fn: () => T): [T, number, Rss] {
  const ms: number[] = [];
  let r!: T;
  sampler ??= new RssSampler();
  const before = sampler.reset();
  for (let i = 0; i < times; i++) {
    const [x, t] = time(fn);
    r = x;
    ms.push(t);
  }
  return [r, median(ms), { before, peak: sampler.peak() }];
}

const SENTENCE = /[。；！？\n]/u;

/** The floor: read every file, decode it, one NFKC pass and a sentence split. */
function floor(files: readonly string[]): number {
  let sentences = 0;
  for (const f of files) {
    const text = new TextDecoder().decode(readFileSync(f)).normalize('NFKC');
    sentences += text.split(SENTENCE).length;
  }
  return sentences;
}

interface Cli {
  ms: number;
  rss: number;
  /** CPU time, user + system, all threads (ms). */
  cpu: number;
  out: number;
  code: number;
}

/** One CLI run as a whole process: wall time, peak RSS and CPU time (all threads) and output size. */
function runCli(command: 'analyze' | 'compare', corpus: Corpus, o: Options, work: string): Cli {
  return runCliOn(command, [path.join(corpus.dir, '*.txt'), ...(o.threads ? ['--threads', o.threads] : [])], work);
}

/** {@link runCli} with the CLI's arguments (inputs and options) given. */
function runCliOn(command: 'analyze' | 'compare', inputs: readonly string[], work: string): Cli {
  const out = path.join(work, `${command}.json`);
  const rssFile = path.join(work, `${command}.rss`);
  rmSync(out, { force: true });
  rmSync(rssFile, { force: true });
  const args = ['--import', PROBE, CLI, command, ...inputs, '--format', 'json', '--out', out];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, GANGYAO_BENCH_RSS: rssFile }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status === null || r.status > 1 || !existsSync(out)) {
    throw new Error(`gangyao ${command} failed (exit ${r.status ?? r.signal}): ${r.stderr?.toString().slice(0, 2000)}`);
  }
  const probe = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpuMs: number }) : null;
  return { ms, rss: probe ? probe.maxRSS * 1024 : NaN, cpu: probe ? probe.cpuMs : NaN, out: statSync(out).size, code: r.status };
}

// ---------------------------------------------------------------------------------------------
// one scale

interface Row {
  stage: string;
  ms: number;
  rss?: Rss;
  note?: string;
}

interface ScaleResult {
  n: number;
  files: string[];
  bytes: number;
  floor: number;
  rows: Row[];
  analyze: Cli;
  compare: Cli;
  /**
   * `analyze --cache` and `compare --cache`: the first run (an empty cache), a re-run after one plan was
   * corrected, and a re-run with the template corrected.
   */
  cached: Record<'analyze' | 'compare', Cached> | null;
}

interface Cached {
  first: Cli;
  rerun: Cli;
  template: Cli;
}

/**
 * `gangyao analyze --cache` (or `compare --cache`) over the corpus (linked into a folder of its own): a
 * first run that fills the cache, then one plan corrected (a line added) and the batch run again, then
 * the template corrected — the national template as a file (`--template`), one alias added to an item —
 * and the batch run again with it: every plan's entry missed, its model found.
 */
function runCached(command: 'analyze' | 'compare', corpus: Corpus, o: Options, work: string): Cached {
  const dir = path.join(work, 'plans');
  const cache = path.join(work, 'cache');
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of corpus.files) {
    try {
      linkSync(f, path.join(dir, path.basename(f)));
    } catch {
      copyFileSync(f, path.join(dir, path.basename(f)));
    }
  }
  const args = [path.join(dir, '*.txt'), '--cache', cache, ...(o.threads ? ['--threads', o.threads] : [])];
  const first = runCliOn(command, args, work);
  const one = corpus.files[corpus.files.length >> 1]!;
  const copy = path.join(dir, path.basename(one));
  rmSync(copy);
  writeFileSync(copy, `${readFileSync(one, 'utf8')}\n本方案自印发之日起施行。\n`);
  const rerun = runCliOn(command, args, work);
  const corrected = structuredClone(NATIONAL_2021);
  corrected.items[0]!.aliases.push(`${corrected.items[0]!.title.slice(0, 3)}科普`);
  const templateFile = path.join(work, 'template.json');
  writeFileSync(templateFile, `${JSON.stringify(corrected, null, 2)}\n`);
  const template = runCliOn(command, [...args, '--template', templateFile], work);
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  rmSync(templateFile, { force: true });
  return { first, rerun, template };
}

/**
 * The run of median wall time (of two middle ones, the faster), with its own CPU time, so that its
 * cores are one run's; and the largest peak RSS.
 */
function pickMedian(runs: Cli[]): Cli {
  const mid = [...runs].sort((a, b) => a.ms - b.ms)[(runs.length - 1) >> 1]!;
  return { ...mid, rss: Math.max(...runs.map((r) => r.rss)) };
}

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function runScale(n: number, o: Options): ScaleResult {
  log(`· ${n} plans: corpus`);
  const corpus = makeCorpus(o.corpus, path.join(ROOT, 'seeds'), n);
  if (corpus.files.length < n) log(`  (the gazetteer gives ${corpus.files.length} regions, not ${n})`);
  const work = path.join(o.corpus, 'out');
  mkdirSync(work, { recursive: true });
  const reps = o.repeat ?? (n <= 100 ? 3 : 1);
  const floorReps = o.repeat ?? 5;

  const floors: number[] = [];
  floor(corpus.files); // warm the page cache and the JIT
  for (let i = 0; i < floorReps; i++) floors.push(time(() => floor(corpus.files))[1]);

  const rows: Row[] = [];
  if (o.stages) {
    log(`  in-process stages (${reps} run${reps > 1 ? 's' : ''} each)`);
    const bytes = corpus.files.map((f) => new Uint8Array(readFileSync(f)));
    const [decoded, decodeMs, decodeRss] = timeMedian(reps, () => bytes.map((b, i) => decodeBytes(b, corpus.files[i])));
    rows.push({ stage: 'decode', ms: decodeMs, rss: decodeRss });
    const [results, parseMs, parseRss] = timeMedian(reps, () =>
      decoded.map((d, i): LoadResult => (d.text === null ? { source: corpus.files[i]!, plan: null, text: null, diagnostics: d.diagnostics } : loadPlanFromText(d.text, corpus.files[i]!))),
    );
    rows.push({ stage: 'parse', ms: parseMs, rss: parseRss });
    const [, alignMs, alignRss] = timeMedian(reps, () => {
      for (const r of results) if (r.plan) alignPlan(r.plan, chooseTemplate(r.plan).template, r.text === null ? {} : { text: r.text });
    });
    rows.push({ stage: 'align', ms: alignMs, rss: alignRss });
    const [report, analyzeMs, analyzeRss] = timeMedian(reps, () => buildAnalysisReport(results));
    rows.push({ stage: 'analyze', ms: analyzeMs, rss: analyzeRss, note: 'align + coverage, gaps, targets, report entry' });
    const plans = results.map((r) => r.plan);
    const texts = results.map((r) => r.text);
    const [comparison, compareMs, compareRss] = timeMedian(reps, () => comparePlans(report, plans, { texts }));
    rows.push({ stage: 'compare', ms: compareMs, rss: compareRss, note: 'all plans against each other and their parents' });
    const [, renderMs, renderRss] = timeMedian(reps, () => {
      let n = 0;
      for (const piece of analysisReportJsonPieces(report)) n += piece.length;
      for (const piece of jsonPieces(comparison, 3)) n += piece.length;
      return n;
    });
    rows.push({ stage: 'render', ms: renderMs, rss: renderRss, note: 'JSON of the analysis and of the comparison, as the CLI writes them' });
    const [, textMs, textRss] = timeMedian(reps, () => renderAnalysisText(report).length + renderComparisonText(comparison).length);
    rows.push({ stage: 'render (text)', ms: textMs, rss: textRss, note: 'terminal text of both' });
  }

  log('  CLI analyze, compare');
  const eReps = o.repeat ?? (n <= 100 ? 3 : 1);
  const analyzeRuns: Cli[] = [];
  const compareRuns: Cli[] = [];
  for (let i = 0; i < eReps; i++) {
    analyzeRuns.push(runCli('analyze', corpus, o, work));
    compareRuns.push(runCli('compare', corpus, o, work));
    floors.push(time(() => floor(corpus.files))[1]);
  }
  // At the largest scale only: a re-run after a correction is what the cache is for.
  let cached: ScaleResult['cached'] = null;
  if (n === Math.max(...o.scales)) {
    log('  CLI analyze --cache and compare --cache: filled, then one plan corrected, then the template');
    const runs = { analyze: [] as Cached[], compare: [] as Cached[] };
    for (let i = 0; i < eReps; i++) for (const c of ['analyze', 'compare'] as const) runs[c].push(runCached(c, corpus, o, work));
    const pick = (rs: Cached[]): Cached => ({ first: pickMedian(rs.map((r) => r.first)), rerun: pickMedian(rs.map((r) => r.rerun)), template: pickMedian(rs.map((r) => r.template)) });
    cached = { analyze: pick(runs.analyze), compare: pick(runs.compare) };
  }
  rmSync(work, { recursive: true, force: true });
  return { n: corpus.files.length, files: corpus.files, bytes: corpus.bytes, floor: median(floors), rows, analyze: pickMedian(analyzeRuns), compare: pickMedian(compareRuns), cached };
}

// ---------------------------------------------------------------------------------------------
// output

const MB = 1024 * 1024;
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mbps = (bytes: number, ms: number) => fmt(bytes / MB / (ms / 1000), 1);

function table(s: ScaleResult, given: string): string {
  // The CLI's default depends on the batch (see defaultThreads): say what it was for this one.
  const threads = given === 'default threads' ? `default threads: ${threadsLabel(defaultThreads(s.n))}` : given;
  const lines = [
    `### ${fmt(s.n)} plans · ${fmt(s.bytes / MB, 1)} MB`,
    '',
    '| stage | ms | MB/s | ms/plan | × floor | peak RSS | CPU |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  const memory = (rss?: number | Rss) =>
    rss === undefined ? '' : typeof rss === 'number' ? `${fmt(rss / MB)} MB` : `${fmt(rss.peak / MB)} MB (+${fmt(Math.max(0, rss.peak - rss.before) / MB)} MB)`;
  const row = (stage: string, ms: number, rss?: number | Rss, cpu?: number) =>
    `| ${stage} | ${fmt(ms)} | ${mbps(s.bytes, ms)} | ${fmt(ms / s.n, 2)} | ${fmt(ms / s.floor, 2)} | ${memory(rss)} | ` +
    `${cpu === undefined ? '' : `${fmt(cpu / 1000, 1)} s (${fmt(cpu / ms, 2)} cores)`} |`;
  lines.push(row('floor: read + NFKC + sentence split', s.floor));
  for (const r of s.rows) lines.push(row(r.stage, r.ms, r.rss));
  lines.push(row(`**gangyao analyze** (whole process, ${threads})`, s.analyze.ms, s.analyze.rss, s.analyze.cpu));
  lines.push(row(`**gangyao compare** (whole process, ${threads})`, s.compare.ms, s.compare.rss, s.compare.cpu));
  for (const [command, c] of Object.entries(s.cached ?? {})) {
    lines.push(row(`gangyao ${command} --cache, first run (an empty cache filled)`, c.first.ms, c.first.rss, c.first.cpu));
    lines.push(row(`gangyao ${command} --cache, re-run after one plan corrected`, c.rerun.ms, c.rerun.rss, c.rerun.cpu));
    lines.push(row(`gangyao ${command} --cache, re-run with the template corrected (\`--template\` file)`, c.template.ms, c.template.rss, c.template.cpu));
  }
  return lines.join('\n');
}

interface Check {
  name: string;
  value: string;
  bound: string;
  ok: boolean;
}

function checks(results: readonly ScaleResult[]): Check[] {
  const last = results.at(-1);
  if (!last) return [];
  const out: Check[] = [];
  const ratio = (c: Cli) => c.ms / last.floor;
  const at = `${fmt(last.n)} plans`;
  out.push({ name: `analyze at ${at}`, value: `${fmt(ratio(last.analyze), 2)}× floor`, bound: `≤ ${BOUNDS.analyze}×`, ok: ratio(last.analyze) <= BOUNDS.analyze });
  out.push({ name: `compare at ${at}`, value: `${fmt(ratio(last.compare), 2)}× floor`, bound: `≤ ${BOUNDS.compare}×`, ok: ratio(last.compare) <= BOUNDS.compare });
  for (const c of ['analyze', 'compare'] as const) {
    out.push({ name: `${c} peak RSS at ${at}`, value: `${fmt(last[c].rss / MB)} MB`, bound: `< ${fmt(BOUNDS.rssBytes / MB)} MB`, ok: last[c].rss < BOUNDS.rssBytes });
  }
  const prev = results.at(-2);
  if (prev) {
    for (const c of ['analyze', 'compare'] as const) {
      const r = last[c].ms / last.n / (prev[c].ms / prev.n);
      out.push({ name: `${c}: ms/plan at ${fmt(last.n)} vs ${fmt(prev.n)}`, value: `${fmt(r, 2)}×`, bound: `≤ ${BOUNDS.linearity}×`, ok: r <= BOUNDS.linearity });
    }
  }
  return out;
}

interface LargeRun {
  name: string;
  bytes: number;
  run: Cli;
}

/** The large single inputs (bench/large.ts), each a whole CLI process. */
function runLarge(o: Options): LargeRun[] {
  log('· large inputs');
  const seeds = readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(ROOT, 'seeds', f));
  const dir = path.join(o.corpus, 'large');
  const work = path.join(dir, 'out');
  mkdirSync(work, { recursive: true });
  const runs = largeCases(dir, seeds).map((c) => ({ name: c.name, bytes: c.bytes, run: runCliOn(c.command, c.args, work) }));
  rmSync(work, { recursive: true, force: true });
  return runs;
}

function largeTable(runs: readonly LargeRun[]): string {
  return [
    '### Large single inputs',
    '',
    `Inputs that once made a step quadratic or cubic (\`bench/large.ts\`), each a whole CLI process; \`--check\` bound: ${fmt(LARGE_BOUND_MS / 1000)} s each.`,
    '',
    '| run | input | ms | peak RSS |',
    '|---|--:|--:|--:|',
    ...runs.map((r) => `| ${r.name} | ${fmt(r.bytes / MB, 1)} MB | ${fmt(r.run.ms)} | ${fmt(r.run.rss / MB)} MB |`),
  ].join('\n');
}

function threadsLabel(k: number): string {
  return k === 1 ? 'one, no workers' : `${k} workers`;
}

/** Wall time of parsing and analysing up to 1,000 of the files in one thread and in `threads` threads (warm). */
function parallelScaling(files: readonly string[], threads: number): { plans: number; threads: number; one: number; many: number } | null {
  if (threads < 2 || files.length === 0) return null;
  log('  thread scaling');
  const some = files.slice(0, 1000);
  const run = (k: number): number => {
    const r = spawnSync(process.execPath, [SCALING, String(k), ...some], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
    if (r.status !== 0) throw new Error(`scaling probe failed: ${r.stderr.slice(0, 2000)}`);
    return Number(r.stdout.trim());
  };
  const one = median([run(1), run(1)]);
  const many = median([run(threads), run(threads)]);
  return { plans: some.length, threads, one, many };
}

function main(): void {
  const o = parseOptions(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error(`${path.relative(process.cwd(), CLI)} is missing: run npm run build first`);
  const threads = o.threads ? `--threads ${o.threads}` : 'default threads';
  const results: ScaleResult[] = [];
  const started = performance.now();
  for (const n of o.scales) results.push(runScale(n, o));
  const large = o.large ? runLarge(o) : [];
  const cs = checks(results);
  for (const r of large) cs.push({ name: r.name, value: `${fmt(r.run.ms)} ms`, bound: `≤ ${fmt(LARGE_BOUND_MS)} ms`, ok: r.run.ms <= LARGE_BOUND_MS });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  sampler?.stop();
  const scaling = parallelScaling(results.at(-1)?.files ?? [], Math.min(4, os.availableParallelism()));
  const report = [
    `## gangyao benchmark`,
    '',
    `Node ${process.version}, ${os.availableParallelism()} cores (${cpu.trim()}), ${fmt(os.totalmem() / 1024 ** 3)} GB RAM. ` +
      `Stages run in one thread in the benchmark's process; **gangyao analyze / compare** are the CLI as whole processes ` +
      `(\`--format json --out FILE\`), with ${threads}. × floor: time over the floor measured in the same run (median of runs). ` +
      `CPU: the CLI's CPU time, user + system, in all its threads (V8's compiler and garbage collector included), and how many cores that kept busy on average. ` +
      `Peak RSS: for the CLI, the process's peak; for a stage, the benchmark process's peak while the stage ran (sampled every 2 ms), ` +
      `which includes what it already held (the corpus's bytes and texts, the earlier stages' results), and in brackets its growth over the size when the stage began. ` +
      `Reproduce: \`npm run bench -- --scales ${o.scales.join(',')}${o.repeat ? ` --repeat ${o.repeat}` : ''}${o.threads ? ` --threads ${o.threads}` : ''}\`.`,
    '',
    ...results.map((r) => `${table(r, threads)}\n`),
    '### Threads',
    '',
    scaling
      ? `Parsing and analysing ${fmt(scaling.plans)} plans in worker threads (\`bench/scaling-probe.mjs\`): 1 thread ${fmt(scaling.one)} ms, ` +
        `${scaling.threads} threads ${fmt(scaling.many)} ms — a speedup of ${fmt(scaling.one / scaling.many, 2)}× on this machine ` +
        `(the CLI's times above are bounded by it; the floor is one thread).`
      : 'One core: no thread scaling measured.',
    '',
    ...(large.length ? [largeTable(large), ''] : []),
    '### Checks',
    '',
    '| check | value | bound | |',
    '|---|--:|--:|---|',
    ...cs.map((c) => `| ${c.name} | ${c.value} | ${c.bound} | ${c.ok ? 'ok' : '**over**'} |`),
    '',
    `(benchmark took ${fmt((performance.now() - started) / 1000)} s)`,
  ].join('\n');
  process.stdout.write(`${report}\n`);
  if (o.markdown) writeFileSync(o.markdown, `${report}\n`);
  if (o.check && cs.some((c) => !c.ok)) {
    process.stderr.write(`bench: ${cs.filter((c) => !c.ok).map((c) => `${c.name} ${c.value} (bound ${c.bound})`).join('; ')}\n`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
