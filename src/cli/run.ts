import type { LoadResult } from '../load/load-plan.js';
import type { Plan } from '../model/plan.js';
import { loadPlan, MAX_INPUT_BYTES, tooLarge, unreadable } from '../load/load-plan.js';
import { assembleAnalysisReport } from '../analyze/build-analysis-report.js';
import { analysisReportJsonFromParts, analysisReportJsonPieces, type ReportPlanDigest } from '../analyze/report-json.js';
import type { ReportPlan } from '../analyze/analysis-report.js';
import { EARLIER_2016 } from '../template/earlier-2016.js';
import { loadTemplate } from '../template/load-template.js';
import { NATIONAL_2021 } from '../template/national-2021.js';
import type { Template } from '../template/schema.js';
import { templateFromPlan } from '../analyze/template-from-plan.js';
import { renderAnalysisText } from '../report/render-analysis-text.js';
import { completeComparison, parentComparisonPairs, prepareComparison, type ComparePlansOptions, type PlanSource, type SectionRef } from '../compare/compare-plans.js';
import { scoreUnits, type Alloc, type ReuseTables, type ReuseUnitInput } from '../compare/internal/reuse-kernel.js';
import type { ParentPair } from '../compare/trace-parents.js';
import type { ParentComparison } from '../compare/schema.js';
import { renderComparisonText } from '../compare/render-compare-text.js';
import type { ComparisonReport } from '../compare/schema.js';
import type { AnalysisReport } from '../analyze/analysis-report.js';
import { renderCsv, renderTargetsCsv } from '../report/render-csv.js';
import { renderHtml } from '../report/render-html.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { jsonPieces } from '../report/json-pieces.js';
import { parseArgs, UsageError, type ParsedArgs } from './args.js';
import { chunked } from './chunked.js';
import { analyseFile, analyseThroughCache, compareWithOneParent, entryOf, keepsModel, modelOf, keptPlans, loadRead, parentComparisonsThroughCache, parentRuns, parentTemplate, type Analysed } from './batch.js';
import type { EntryCache } from './entry-cache.js';
import { HELP, VERSION } from './help.js';

/** What a batch run must give back for each file besides its digest. */
export interface BatchWant {
  /** The report entry. */
  entries: boolean;
  /** The entry's JSON line (`reportPlanJson`). */
  json: boolean;
  /** The text as read. */
  texts: boolean;
  /**
   * The plan model here (on demand, through the batch's `plans`). Whatever this says, with `reuse` the
   * models of plans read without a text (saved JSON models) are kept: comparisons read their sections
   * from the model (see `keepsModel`).
   */
  plans: boolean;
  /** What comparisons with parent plans read of each model, kept where the plan was read (see `compareParents`). */
  parents: boolean;
  /** The sections cut into n-grams for measuring reuse (see `reuseUnitInputs`), where threads can make them. */
  reuse: boolean;
  /** The entries' evidence lists (else left empty: for outputs that do not show them). */
  evidence: boolean;
}

/** One file of a batch: what was asked for (see {@link BatchWant}), else null. */
export interface BatchFile {
  source: string;
  /** Whether the file gave a plan model. */
  read: boolean;
  digest: ReportPlanDigest;
  text: string | null;
  entry: ReportPlan | null;
  /** The entry's JSON line, as a string or as UTF-8 bytes. */
  json: string | Uint8Array | null;
  /** The key of the file's model in the cache (`--cache`, see `loadKeyParts`; null: not looked up there), which its comparisons with parents are kept by. */
  key?: string | null | undefined;
}

/** A batch read, parsed and analysed, in input order. */
export interface Batch {
  files: BatchFile[];
  /** The plan models, made on demand (when `plans` was asked for). */
  plans: PlanSource;
  /** Sections already cut into n-grams, by index (when `reuse` was asked for and threads made them). */
  reuseInputs?: ((index: number) => readonly (ReuseUnitInput | null)[] | undefined) | undefined;
  /** Memory for the comparison's tables, shared with the batch's threads. */
  alloc?: Alloc | undefined;
  /** Makes the comparisons with parent plans where the batch was analysed (its worker threads), in the order of the pairs. */
  compareParents?: ((pairs: readonly ParentPair[]) => Promise<ParentComparison[]>) | undefined;
  /** Scores the tables' units for reuse there (`scoreUnits` over ranges), in order. */
  scoreReuse?: ((tables: ReuseTables, units: number) => Promise<Int32Array[]>) | undefined;
  /** Lets go of the batch's threads. */
  close?: (() => Promise<void>) | undefined;
  /** Why `--cache` could not keep what was made (said once), else null. */
  cacheFailure?: string | null | undefined;
}

/** An input read already (its bytes, or why it cannot be a plan): analysed as it is, never read again. */
export type PlanRead = { bytes: Uint8Array } | { failed: LoadResult };

/** Everything the CLI needs from the outside world, so tests can run it without a process. */
export interface CliIO {
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Reads an input plan's bytes, or says why it cannot be one without reading it all (too large,
   * unreadable: see `readPlanBytes`). Without it, inputs are read with `readFile`.
   */
  readPlan?: ((path: string) => { bytes: Uint8Array } | { failed: LoadResult }) | undefined;
  writeFile(path: string, data: string): Promise<void>;
  /** Writes a file chunk by chunk (UTF-8; a report of thousands of plans); without it the pieces are joined for writeFile. */
  writePieces?: ((path: string, chunks: Iterable<Uint8Array>) => Promise<void>) | undefined;
  /** Expands a glob pattern to file paths (sorted); the shell usually did it already. */
  expand(pattern: string): Promise<string[]>;
  /** The plan files under a directory (sorted), or null when the path is not one (see `planFilesIn`). */
  planFilesIn?: ((dir: string) => Promise<string[] | null>) | undefined;
  /** Whether a path names something that exists (so a file named `plan[1].txt` is not read as a glob). */
  exists?: ((path: string) => boolean) | undefined;
  /** Whether two paths name the same existing file (so `--out` never overwrites an input). */
  sameFile?: ((a: string, b: string) => boolean) | undefined;
  readStdin(): Promise<Uint8Array>;
  /** Standard output: text, or UTF-8 bytes (pieces of a large report rendered elsewhere). */
  stdout(s: string | Uint8Array): void;
  stderr(s: string): void;
  /** Called with (done, total) while a batch is read; only when stderr is a terminal. */
  progress?: ((done: number, total: number) => void) | undefined;
  /**
   * Reads, parses and analyses files in parallel (worker threads), results in input order. Without it,
   * or with one thread, the CLI works in this thread.
   */
  analyzeFiles?: ((paths: readonly string[], template: Template | null, threads: number, want: BatchWant, cache: string | null) => Promise<Batch>) | undefined;
  /** The cache in a directory (`--cache DIR`) for batches read in this thread; without it, --cache is a usage error. */
  openCache?: ((dir: string) => EntryCache) | undefined;
  /** The thread count when --threads is not given, for a batch of n files (`comparing`: also compared). */
  defaultThreads?: ((n: number, comparing: boolean) => number) | undefined;
}

/**
 * Runs one CLI invocation and returns its exit code: 0 ok, 1 when a diagnostic is an error, 2 for a
 * usage error. Prints the result on `io.stdout` only; messages go to `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return usage(io, e);
  }
  if (args.flags['version']) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (args.flags['help'] || args.command === null || args.command === 'help') {
    io.stdout(HELP);
    return args.command === null && !args.flags['help'] ? 2 : 0;
  }
  try {
    switch (args.command) {
      case 'analyze':
        return await analyzeCommand(args, io);
      case 'compare':
        return await compareCommand(args, io);
      case 'template':
        return await templateCommand(args, io);
      case 'report':
        return await reportCommand(args, io);
      default:
        throw new UsageError('E_UNKNOWN_COMMAND', `unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e);
    throw e;
  }
}

function usage(io: CliIO, e: unknown): number {
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr(`gangyao: ${msg}\nRun "gangyao --help" for usage.\n`);
  return 2;
}

function format(args: ParsedArgs, allowed: readonly string[], dflt: string): string {
  const f = args.flags['format'];
  const v = typeof f === 'string' ? f : dflt;
  if (!allowed.includes(v)) throw new UsageError('E_BAD_FORMAT', `--format must be one of ${allowed.join(', ')} (got "${v}")`);
  return v;
}

/** Expands the operands (files, directories, globs, `-` for stdin) to the list of inputs, in the order given. */
export async function resolvePaths(args: ParsedArgs, io: CliIO): Promise<string[]> {
  if (args.files.length === 0 && !args.flags['stdin']) throw new UsageError('E_NO_FILES', 'no input files given');
  const paths: string[] = [];
  if (args.files.filter((f) => f === '-').length > 1) throw new UsageError('E_STDIN_TWICE', 'standard input (-) can be given once');
  for (const f of args.files) {
    if (f === '-') paths.push(f);
    else if (!/[*?[]/u.test(f) || io.exists?.(f)) {
      let inside: string[] | null | undefined;
      try {
        inside = await io.planFilesIn?.(f);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new UsageError('E_CANNOT_READ', `cannot read directory ${f}: ${err.code === 'EACCES' ? 'permission denied' : err.message}`);
      }
      if (!inside) paths.push(f);
      else if (inside.length === 0) throw new UsageError('E_NO_MATCH', `no plan files (.txt, .docx, .html, .htm) in directory ${f}`);
      else paths.push(...inside);
    } else {
      const found = await io.expand(f);
      if (found.length === 0) throw new UsageError('E_NO_MATCH', `no files match ${f}`);
      paths.push(...found);
    }
  }
  if (args.flags['stdin'] && !paths.includes('-')) paths.push('-');
  const out = args.flags['out'];
  if (typeof out === 'string' && io.sameFile) {
    const template = args.flags['template'];
    const input = [...paths, ...(typeof template === 'string' ? [template] : [])].find((p) => p !== '-' && io.sameFile!(p, out));
    if (input !== undefined) throw new UsageError('E_OUT_IS_INPUT', `--out ${out} is the input ${input}: it would be overwritten`);
  }
  return paths;
}

async function readInput(p: string, io: CliIO): Promise<LoadResult> {
  let bytes: Uint8Array;
  if (p !== '-' && io.readPlan) {
    const read = io.readPlan(p);
    return 'failed' in read ? read.failed : loadPlan(read.bytes, p);
  }
  try {
    bytes = p === '-' ? await io.readStdin() : await io.readFile(p);
  } catch (e) {
    return unreadable(p, e);
  }
  // Standard input is read no further than one byte past the limit (see main.ts).
  if (p === '-' && bytes.length > MAX_INPUT_BYTES) return tooLarge('<stdin>', null);
  return loadPlan(bytes, p === '-' ? '<stdin>' : p);
}

function threadsOf(args: ParsedArgs, io: CliIO, n: number, comparing: boolean): number {
  const t = args.flags['threads'];
  if (t === undefined) return io.defaultThreads?.(n, comparing) ?? 1;
  const k = Number(t);
  if (!Number.isInteger(k) || k < 1 || k > 64) throw new UsageError('E_BAD_THREADS', `--threads must be a whole number from 1 to 64 (got "${String(t)}")`);
  return k;
}

/**
 * Reads, parses and analyses every input: on worker threads when the host offers them and the batch
 * is large enough, else here. An unreadable file becomes a diagnostic, never a crash; the order of the
 * results is the order of the inputs, whatever the thread count. With `--cache DIR`, what was made of
 * each file is looked up by its bytes first, where the file is read (here or on a worker), and what was
 * made anew is kept there (see `analyseThroughCache`); the output is the same bytes as without it.
 */
export async function analyzeInputs(args: ParsedArgs, io: CliIO, template: Template | null, want: BatchWant): Promise<Batch> {
  const dir = args.flags['cache'];
  if (typeof dir === 'string' && !io.openCache) throw new UsageError('E_BAD_CACHE', '--cache is not available here');
  const paths = await resolvePaths(args, io);
  // A batch that is compared keeps its workers busier here (parents, reuse): it needs more plans to repay them.
  const threads = threadsOf(args, io, paths.length, want.reuse || want.parents);
  const cache = typeof dir === 'string' ? dir : null;
  const batch =
    io.analyzeFiles && threads > 1 && !paths.includes('-')
      ? await io.analyzeFiles(paths, template, threads, want, cache)
      : await analyzeHere(paths, io, template, want, cache === null ? null : io.openCache!(cache));
  if (batch.cacheFailure) cannotKeep(io, cache!, batch.cacheFailure);
  return batch;
}

function cannotKeep(io: CliIO, dir: string, failure: string): void {
  io.stderr(`gangyao: cannot write the cache ${dir}: ${failure}; the results are not kept\n`);
}

/** An input's bytes, or why it cannot be read whole (too large, unreadable: the analysis says so). */
async function inputBytes(p: string, io: CliIO): Promise<PlanRead> {
  if (io.readPlan) return io.readPlan(p);
  try {
    return { bytes: await io.readFile(p) };
  } catch (e) {
    return { failed: unreadable(p, e) };
  }
}

/** {@link analyzeInputs} in this thread; `cache`: the store of `--cache DIR`, if given. */
async function analyzeHere(paths: readonly string[], io: CliIO, template: Template | null, want: BatchWant, cache: EntryCache | null): Promise<Batch> {
  // Only what the batch asked for is kept: a batch of thousands holds no models, texts or entries it
  // will not read. (Here the comparisons with parents are made from the models.)
  const models: ((() => Plan | null) | null)[] = [];
  const files: BatchFile[] = [];
  let cacheFailure: string | null = null;
  for (const [i, p] of paths.entries()) {
    // Standard input and files that cannot be read are not kept: the analysis says what happened.
    // After a failure to write, no more tries (but what the cache holds is still served).
    const read: PlanRead | null = cache && p !== '-' ? await inputBytes(p, io) : null;
    const a: Analysed =
      read && 'bytes' in read
        ? await analyseThroughCache(cache!, p, read.bytes, want, template, cacheFailure === null)
        : await analyseFile(p, () => (read ? loadRead(read, p) : readInput(p, io)), want, template);
    cacheFailure ??= a.cacheFailure;
    models.push(want.parents || keepsModel(want, a.text !== null) ? heldModel(a, cache) : null);
    files.push({
      source: a.source,
      read: a.read,
      digest: a.digest,
      text: want.texts ? a.text : null,
      entry: want.entries ? entryOf(a, cache) : null,
      json: a.json,
      key: a.key,
    });
    io.progress?.(i + 1, paths.length);
  }
  return { files, plans: keptPlans(files, (i) => models[i]?.() ?? null), cacheFailure };
}

/**
 * A file's model as the batch holds it until asked for: as loaded, or, served from the cache, its bytes,
 * unpacked on first use (a comparison with a parent that the cache kept needs none). The bytes are
 * copied out of the value read: a view into it would hold the whole value (the text, the entry …) for
 * as long as the batch; and a model made here is held without the packed copies made to keep it.
 */
function heldModel(a: Analysed, cache: EntryCache | null): () => Plan | null {
  const bytes = a.plan ? null : (a.packed?.model ?? a.packed?.parentModel ?? null);
  let from: Pick<Analysed, 'plan' | 'packed'> | null = { plan: a.plan, packed: bytes ? { entry: null, spans: null, model: new Uint8Array(bytes), parentModel: null } : null };
  let model: Plan | null = null;
  return () => {
    if (from) {
      model = modelOf(from, cache);
      // Unpacked: the bytes are no longer needed.
      from = null;
    }
    return model;
  };
}

/** The batch's report, from its entries. */
function reportOf(batch: Batch): AnalysisReport {
  return assembleAnalysisReport(batch.files.map((f) => f.entry!));
}

async function analyzeCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const fmt = format(args, ['json', 'text'], 'text');
  const template = await resolveTemplate(args, io);
  const json = fmt === 'json';
  const batch = await analyzeInputs(args, io, template, { entries: !json, json, texts: false, plans: false, parents: false, reuse: false, evidence: true });
  try {
    if (json) {
      const pieces = analysisReportJsonFromParts(batch.files.map((f) => f.json!), batch.files.map((f) => f.digest));
      await emitPieces(args, io, lines(pieces));
    } else await emit(args, io, renderAnalysisText(reportOf(batch)));
  } finally {
    await batch.close?.();
  }
  return batch.files.some((f) => f.digest.errors > 0) ? 1 : 0;
}

/** Comparisons with parents made in this thread (pairs grouped by parent: each parent's template made once). */
function compareHere(pairs: readonly ParentPair[], report: AnalysisReport, plans: PlanSource): ParentComparison[] {
  return parentRuns(pairs).flatMap(({ from, to }) => {
    const parent = pairs[from]!.parent;
    const children = pairs.slice(from, to).map((p) => plans.plan(p.child)!);
    return compareWithOneParent(parentTemplate(plans.plan(parent)!), report.plans[parent]!.source, children);
  });
}

/** `source#section` (section: index, template id or title). */
function sectionRef(s: string): SectionRef {
  const i = s.lastIndexOf('#');
  if (i <= 0 || i === s.length - 1) throw new UsageError('E_BAD_DIFF', `--diff takes SOURCE#SECTION[,SOURCE#SECTION] (got "${s}")`);
  const section = s.slice(i + 1);
  return { source: s.slice(0, i), section: /^\d+$/u.test(section) ? Number(section) : section };
}

/**
 * Analyses and compares a batch; shared by `compare` and `report`. `evidence`: whether the output
 * shows the report entries' evidence (else the threads need not send it).
 */
export async function analyzeAndCompare(args: ParsedArgs, io: CliIO, evidence = true): Promise<{ report: AnalysisReport; comparison: ComparisonReport }> {
  const template = await resolveTemplate(args, io);
  const parents = !args.flags['no-parent-compare'];
  // The models are needed here only to place a plan against the national template when it was analysed
  // with another one (--template); the comparisons with parents are made where each plan was read.
  const batch = await analyzeInputs(args, io, template, { entries: true, json: false, texts: true, plans: template !== null, parents, reuse: true, evidence });
  try {
    const report = reportOf(batch);
    const options: ComparePlansOptions = {
      texts: batch.files.map((f) => f.text),
      ...(template ? { templates: [template] } : {}),
      ...(parents ? {} : { parentComparisons: false }),
    };
    const diff = args.flags['diff'];
    if (typeof diff === 'string') {
      const refs = diff.split(',');
      if (refs.length > 2) throw new UsageError('E_BAD_DIFF', `--diff takes one or two SOURCE#SECTION, comma-separated (got ${refs.length})`);
      const [a, b] = refs.map(sectionRef);
      options.diff = b ? { a: a!, b } : { a: a! };
    }
    // With --cache, the comparisons with parents kept by the two files' load keys are served, the others made and kept.
    const dir = args.flags['cache'];
    const cache = typeof dir === 'string' && io.openCache ? io.openCache(dir) : null;
    const pairs = parents && (cache || batch.compareParents) ? parentComparisonPairs(report, batch.plans) : [];
    const make = batch.compareParents ?? (async (missing: readonly ParentPair[]) => compareHere(missing, report, batch.plans));
    const comparisons = cache
      ? parentComparisonsThroughCache(cache, batch.files.map((f) => f.key ?? null), pairs, make).then(({ comparisons, cacheFailure }) => {
          if (cacheFailure && !batch.cacheFailure) cannotKeep(io, dir as string, cacheFailure);
          return comparisons;
        })
      : batch.compareParents?.(pairs);
    const given = (made: ParentComparison[] | undefined) => {
      if (!made) return undefined;
      const byPair = new Map(pairs.map((p, i) => [`${p.child}:${p.parent}`, made[i]!]));
      return (child: number, parent: number) => byPair.get(`${child}:${parent}`);
    };
    if (!batch.scoreReuse) {
      const parentComparison = given(await comparisons);
      const prepared = prepareComparison(report, batch.plans, options);
      const { tables, units } = prepared.reuse;
      return { report, comparison: completeComparison(prepared, { reuseScores: scoreUnits(tables, 0, units.length), parentComparison }) };
    }
    // The comparisons with parent plans (alignments) went to the batch's threads first; this thread lays
    // out the sections for measuring reuse meanwhile, and the threads score them when they are free.
    const prepared = prepareComparison(report, batch.plans, options, { inputs: batch.reuseInputs, alloc: batch.alloc });
    const scores = batch.scoreReuse(prepared.reuse.tables, prepared.reuse.units.length);
    const [made, reuseScores] = await Promise.all([comparisons, scores]);
    return { report, comparison: completeComparison(prepared, { reuseScores, parentComparison: given(made) }) };
  } finally {
    await batch.close?.();
  }
}

async function compareCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const fmt = format(args, ['json', 'text', 'csv', 'md', 'html'], 'text');
  const table = args.flags['table'];
  if (table !== undefined && (table !== 'targets' && table !== 'coverage')) {
    throw new UsageError('E_BAD_TABLE', `--table must be coverage or targets (got "${String(table)}")`);
  }
  if (table !== undefined && fmt !== 'csv') throw new UsageError('E_BAD_TABLE', '--table goes with --format csv');
  // Only the HTML and Markdown pages show the plans' evidence.
  const { report, comparison } = await analyzeAndCompare(args, io, fmt === 'html' || fmt === 'md');
  await emitResult(fmt, report, comparison, args, io, table === 'targets');
  return exitCode(report);
}

/**
 * `gangyao report`: the report people read — one self-contained HTML page (default), Markdown or CSV —
 * over the analysis and, unless --no-compare, the comparison of the plans.
 */
async function reportCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const fmt = format(args, ['html', 'md', 'csv', 'json'], 'html');
  if (args.flags['no-compare']) {
    const template = await resolveTemplate(args, io);
    const batch = await analyzeInputs(args, io, template, { entries: true, json: false, texts: false, plans: false, parents: false, reuse: false, evidence: true });
    await batch.close?.();
    const report = reportOf(batch);
    await emitResult(fmt, report, null, args, io, false);
    return exitCode(report);
  }
  const { report, comparison } = await analyzeAndCompare(args, io, fmt === 'html' || fmt === 'md');
  await emitResult(fmt, report, comparison, args, io, false);
  return exitCode(report);
}

/** Levels of a comparison's JSON laid out a member per line; below, each row of a table is one line. */
const JSON_DEPTH = 3;

/** Writes the comparison (or, without one, the analysis) in the format asked for; JSON in pieces. */
async function emitResult(fmt: string, report: AnalysisReport, comparison: ComparisonReport | null, args: ParsedArgs, io: CliIO, targets: boolean): Promise<void> {
  if (fmt !== 'json') return emit(args, io, renderComparison(fmt, report, comparison, args, targets));
  return emitPieces(args, io, lines(comparison ? jsonPieces(comparison, JSON_DEPTH) : analysisReportJsonPieces(report)));
}

function renderComparison(fmt: string, report: AnalysisReport, comparison: ComparisonReport | null, args: ParsedArgs, targets: boolean): string {
  const title = typeof args.flags['title'] === 'string' ? { title: args.flags['title'] } : {};
  switch (fmt) {
    case 'csv':
      return targets ? renderTargetsCsv(comparison ?? report) : renderCsv(report, comparison);
    case 'md':
      return renderMarkdown(report, comparison, title);
    case 'html':
      return renderHtml(report, comparison, { ...title, ...(args.flags['no-details'] ? { planDetails: false } : {}) });
    default:
      return comparison ? renderComparisonText(comparison) : renderAnalysisText(report);
  }
}

function exitCode(report: AnalysisReport): number {
  return report.plans.some((p) => p.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/**
 * `gangyao template`: lists the built-in templates; `template ID` prints one (JSON with --format json,
 * to copy and correct); `template FILE` validates a template JSON, or derives a template from a plan.
 */
async function templateCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const fmt = format(args, ['json', 'text'], 'text');
  const [name, ...rest] = args.files;
  if (rest.length) throw new UsageError('E_TOO_MANY', 'template takes one template id or file');
  if (name === undefined) {
    const list = Object.values(BUILT_IN);
    const body =
      fmt === 'json'
        ? `${JSON.stringify(list.map((t) => ({ id: t.id, title: t.title, period: t.period, items: t.items.length })), null, 2)}\n`
        : list.map((t) => `${t.id.padEnd(16)} ${t.period.start}–${t.period.end}  ${t.items.length} items  ${t.title}`).join('\n') + '\n';
    await emit(args, io, body);
    return 0;
  }
  const template = await resolveTemplate({ ...args, flags: { ...args.flags, template: name } }, io);
  if (!template) return 2;
  if (fmt === 'json') await emit(args, io, `${JSON.stringify(template, null, 2)}\n`);
  else {
    const lines = [`${template.id} — ${template.title} (${template.period.start}–${template.period.end})`];
    for (const t of template.targets) lines.push(`  target ${t.year}: ${t.comparator} ${t.value}% (${t.metric})`);
    for (const item of template.items) lines.push(`  ${item.parent ? '    ' : ''}${item.id.padEnd(item.parent ? 26 : 30)} ${item.title}`);
    await emit(args, io, `${lines.join('\n')}\n`);
  }
  return 0;
}

const BUILT_IN: Record<string, Template> = { [NATIONAL_2021.id]: NATIONAL_2021, [EARLIER_2016.id]: EARLIER_2016 };

/**
 * `--template`: a built-in id (national-2021, earlier-2016), a template JSON file, or a plan (a
 * provincial 实施方案 used as the template for its cities). A template that cannot be used is a usage
 * error naming the file and the problem.
 */
export async function resolveTemplate(args: ParsedArgs, io: CliIO): Promise<Template | null> {
  const t = args.flags['template'];
  if (typeof t !== 'string') return null;
  const builtIn = BUILT_IN[t];
  if (builtIn) return builtIn;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(t);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'a directory, not a template file' : code === 'EACCES' ? 'permission denied' : `no such file or built-in template (built in: ${Object.keys(BUILT_IN).join(', ')})`;
    throw new UsageError('E_TEMPLATE', `template ${t}: ${why}`);
  }
  const text = new TextDecoder().decode(bytes);
  if (/\.json$/iu.test(t) && !/"sections"\s*:/u.test(text.slice(0, 4000))) {
    const r = loadTemplate(text, t);
    if (!r.template) throw new UsageError('E_TEMPLATE', `template ${t}: ${r.diagnostics.slice(0, 3).map((d) => d.message).join('; ')}`);
    return r.template;
  }
  const loaded = await loadPlan(bytes, t);
  if (!loaded.plan || loaded.plan.sections.length === 0) {
    // Why the file is no plan, when the loader says (empty, binary, unreadable …).
    const error = loaded.diagnostics.find((d) => d.severity === 'error' && d.code.startsWith('input/'));
    const why = error ? error.message.replace(`${t}: `, '') : 'neither a template nor a plan with actions and projects';
    throw new UsageError('E_TEMPLATE', `template ${t}: ${why}`);
  }
  return templateFromPlan(loaded.plan);
}

/** Like emit, for output given in pieces: each piece is written as it comes, never joined into one string. */
async function emitPieces(args: ParsedArgs, io: CliIO, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const out = args.flags['out'];
  if (typeof out !== 'string') {
    for (const chunk of chunked(pieces)) io.stdout(chunk);
    return;
  }
  if (!io.writePieces) return emit(args, io, joinPieces(pieces));
  try {
    await io.writePieces(out, chunked(pieces));
  } catch (e) {
    throw cannotWrite(out, e);
  }
}

async function emit(args: ParsedArgs, io: CliIO, body: string): Promise<void> {
  const out = args.flags['out'];
  if (typeof out !== 'string') return io.stdout(body);
  try {
    await io.writeFile(out, body);
  } catch (e) {
    throw cannotWrite(out, e);
  }
}

function cannotWrite(out: string, e: unknown): UsageError {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'ENOENT' ? 'no such directory' : err.code === 'EACCES' ? 'permission denied' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
  return new UsageError('E_CANNOT_WRITE', `cannot write --out ${out}: ${reason}`);
}

function joinPieces(pieces: Iterable<string | Uint8Array>): string {
  const decoder = new TextDecoder();
  let out = '';
  for (const p of pieces) out += typeof p === 'string' ? p : decoder.decode(p);
  return out;
}

/** The pieces, then a final newline. */
function* lines<T>(pieces: Iterable<T>): Generator<T | string> {
  yield* pieces;
  yield '\n';
}
