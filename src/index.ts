/**
 * gangyao — compare Chinese local 全民科学素质 implementation plans with the national outline and with
 * each other. This entry runs anywhere (Node and browsers); `gangyao/node` adds file-system loaders.
 */
export { VERSION } from './version.js';

// model
export * from './model/index.js';

// text
export { applyEdits, mapChars, mapIdentity, toOriginalSpan, type Edit, type MappedText } from './text/mapped-text.js';
export { normalizeText, type NormalizedText, type NormalizeNote, type NormalizeOptions, type TextPass } from './text/normalize-text.js';
export { decodeBytes, type DecodedText, type TextEncodingName } from './text/decode-bytes.js';
export {
  detectMojibake,
  looksTraditional,
  REAL_WORLD_PASSES,
  simplifyIfTraditional,
  stripPinyin,
  toSimplified,
  type MojibakeKind,
  type MojibakeRun,
} from './text/passes/index.js';

// load and parse
export { parsePlan, ParsePlanOptionsSchema, type ParsePlanOptions } from './parse/parse-plan.js';
export {
  loadPlan,
  loadPlanFromBytes,
  loadPlanFromJson,
  loadPlanFromText,
  LoadOptionsSchema,
  MAX_INPUT_BYTES,
  type LoadOptions,
  type LoadResult,
} from './load/load-plan.js';
export { readDocx, readHtml, readHtmlBytes } from './load/formats/index.js';
export * from './extract/index.js';

// templates, alignment, analysis
export * from './template/index.js';
export * from './align/index.js';
export * from './analyze/index.js';

// comparison of many plans
export * from './compare/index.js';

// reports
export * from './analyze/analysis-report.js';
export { buildAnalysisReport, buildReportPlan, assembleAnalysisReport, BuildReportOptionsSchema, type BuildReportOptions } from './analyze/build-analysis-report.js';
export { analysisReportJsonPieces, analysisReportJsonFromParts, reportPlanJson, digestReportPlan, summarizeReport, type ReportPlanDigest } from './analyze/report-json.js';
export { renderAnalysisText, formatTarget } from './report/render-analysis-text.js';
export { renderHtml, RenderHtmlOptionsSchema, type RenderHtmlOptions } from './report/render-html.js';
export { renderCsv, renderTargetsCsv, CSV_COLUMNS, TARGETS_CSV_COLUMNS, CSV_BOM } from './report/render-csv.js';
export { renderMarkdown, RenderMarkdownOptionsSchema, type RenderMarkdownOptions } from './report/render-markdown.js';
