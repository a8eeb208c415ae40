import { VERSION } from '../version.js';
import { REPORT_SCHEMA_VERSION, type AnalysisReport, type ReportPlan, type ReportTemplate } from './analysis-report.js';

/**
 * What the report's shared parts need to know of one plan entry: its template and how many errors and
 * warnings it carries. Small, so a batch can render each entry's JSON where it was analysed (a worker
 * thread) and send back only the bytes and this digest.
 */
export interface ReportPlanDigest {
  template: ReportTemplate | null;
  errors: number;
  warnings: number;
}

/** The digest of one report entry (see {@link ReportPlanDigest}). */
export function digestReportPlan(plan: ReportPlan): ReportPlanDigest {
  let errors = 0;
  let warnings = 0;
  for (const d of plan.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { template: plan.template, errors, warnings };
}

/** The report's shared template (when every plan used the same one) and its summary, from the entries' digests. */
export function summarizeReport(digests: readonly ReportPlanDigest[]): Pick<AnalysisReport, 'template' | 'summary'> {
  const first = digests[0]?.template ?? null;
  const key = JSON.stringify(first);
  const one = digests.every((d) => JSON.stringify(d.template) === key);
  let read = 0;
  let errors = 0;
  let warnings = 0;
  for (const d of digests) {
    if (d.template !== null) read++;
    errors += d.errors;
    warnings += d.warnings;
  }
  return { template: one ? first : null, summary: { plans: digests.length, read, errors, warnings } };
}

/** One report entry as it stands in the report's JSON: one line, no indentation. */
export function reportPlanJson(plan: ReportPlan): string {
  return JSON.stringify(plan);
}

/**
 * The report's JSON in pieces, plan by plan, so that a batch of thousands is written out without
 * building one string of hundreds of megabytes. The shared parts are indented; each plan is one line
 * (its {@link reportPlanJson}), so the file stays small, and a plan is one `grep` or `sed -n` away.
 * `JSON.parse` of the joined pieces equals the report.
 *
 * @example
 * for (const piece of analysisReportJsonPieces(report)) stream.write(piece);
 */
export function* analysisReportJsonPieces(report: AnalysisReport): Generator<string> {
  yield* reportJsonPieces(report, report.plans.map(reportPlanJson));
}

/**
 * The pieces of {@link analysisReportJsonPieces} from entries already rendered (strings, or their
 * UTF-8 bytes, passed through untouched) and their digests, in report order: what a batch run on
 * worker threads writes. The result is the same as rendering the assembled report.
 */
export function* analysisReportJsonFromParts<T extends string | Uint8Array>(plans: readonly T[], digests: readonly ReportPlanDigest[]): Generator<string | T> {
  if (plans.length !== digests.length) throw new RangeError('analysisReportJsonFromParts: one digest per plan is needed');
  const { template, summary } = summarizeReport(digests);
  yield* reportJsonPieces({ schemaVersion: REPORT_SCHEMA_VERSION, generator: { name: 'gangyao', version: VERSION }, template, summary }, plans);
}

function* reportJsonPieces<T extends string | Uint8Array>(head: Omit<AnalysisReport, 'plans'>, plans: readonly T[]): Generator<string | T> {
  const mark = '\u0000gangyao:plans\u0000';
  const shell = JSON.stringify({ schemaVersion: head.schemaVersion, generator: head.generator, template: head.template, plans: mark, summary: head.summary }, null, 2);
  const quoted = JSON.stringify(mark);
  const at = shell.indexOf(quoted);
  if (plans.length === 0) {
    yield `${shell.slice(0, at)}[]${shell.slice(at + quoted.length)}`;
    return;
  }
  yield `${shell.slice(0, at)}[\n`;
  for (const [i, p] of plans.entries()) {
    yield i === 0 ? '    ' : ',\n    ';
    yield p;
  }
  yield `\n  ]${shell.slice(at + quoted.length)}`;
}
