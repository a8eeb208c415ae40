import type { Target } from '../model/plan.js';
import { padDisplay, terminalSafe } from '../text/display-width.js';
import type { AnalysisReport, ReportPlan } from '../analyze/analysis-report.js';
import { notAssessed } from './html/view-model.js';

const COMPARATOR_WORD: Record<string, string> = { '>': '>', '>=': '≥', '~': '≈', '=': '=' };

/** A target as people write it: ≥18.5% (2025, 达到…以上). */
export function formatTarget(t: Pick<Target, 'value' | 'unit' | 'year' | 'comparator' | 'qualifiers'>): string {
  const q = t.qualifiers.length ? `, ${t.qualifiers.join('…')}` : '';
  return `${COMPARATOR_WORD[t.comparator] ?? ''}${t.value}${t.unit} (${t.year ?? 'year?'}${q})`;
}

/**
 * A readable summary per plan for a terminal: who, when, the target against the template's, coverage,
 * each section and measure with its template counterpart, what is missing and what is extra. Control
 * characters a terminal would act on (escape sequences in a plan's text) are shown as U+FFFD.
 *
 * @example
 * process.stdout.write(renderAnalysisText(buildAnalysisReport(results)));
 */
export function renderAnalysisText(report: AnalysisReport): string {
  const out: string[] = [];
  for (const p of report.plans) out.push(renderPlan(p));
  const s = report.summary;
  out.push(`${s.plans} plan(s), ${s.read} read · ${s.errors} error(s) · ${s.warnings} warning(s)\n`);
  return terminalSafe(out.join('\n'));
}

function renderPlan(p: ReportPlan): string {
  const lines: string[] = [];
  const where = p.region ? `${p.region} (${p.level}${p.province && p.province !== p.region ? `, ${p.province}` : ''})` : 'region unknown';
  lines.push(`■ ${where} — ${p.title ?? 'untitled'}`);
  lines.push(`  source   ${p.source}`);
  if (p.title !== null || p.sections.length) {
    const period = p.period ? `${p.period.start}–${p.period.end}${p.period.basis === 'implied' ? ' (implied)' : ''}` : 'unknown';
    lines.push(`  period   ${period}${p.draft ? ' · draft (征求意见稿)' : ''}${p.truncated ? ' · TRUNCATED' : ''}`);
    if (p.template) lines.push(`  template ${p.template.id} (${p.template.period.start}–${p.template.period.end})`);
    if (p.target) {
      const d = p.targetDelta;
      lines.push(`  target   ${formatTarget(p.target)}${d ? ` → ${d.verdict}: ${d.summary}` : ''}`);
    } else lines.push('  target   none found');
    if (p.baseline) lines.push(`  baseline ${p.baseline.value}${p.baseline.unit} (${p.baseline.year ?? '?'})`);
    if (p.coverage) {
      const c = p.coverage;
      const count = (x: typeof c.sections, what: string) =>
        x.total === 0 ? `${what} n/a (the template has none)` : `${what} ${x.covered} full + ${x.partial} partial of ${x.total} (${Math.round(x.ratio * 100)}%)`;
      lines.push(`  coverage ${count(c.sections, 'sections')} · ${count(c.subItems, 'sub-items')}`);
    } else if (notAssessed(p)) lines.push('  coverage not assessed (no actions or projects were found)');
    for (const s of p.sections) {
      const to = s.templateId ? `→ ${s.templateId} (${s.relation}, ${s.confidence?.toFixed(2)})` : '→ local extra';
      lines.push(`  ${padDisplay(`${s.label ?? ''}${s.title}`, 40)} ${to}`);
      for (const m of s.measures) {
        const mto = m.templateId ? `→ ${m.templateId}${m.crossSection ? ' ↗' : ''} (${m.confidence?.toFixed(2)})` : '→ —';
        lines.push(`      ${padDisplay(m.title, 36)} ${mto}`);
      }
    }
    if (p.missing.length) lines.push(`  missing  ${p.missing.join(', ')}${p.possiblyTruncated.length ? ` (possibly truncated: ${p.possiblyTruncated.join(', ')})` : ''}`);
    const extras = p.extras.filter((e) => e.kind === 'section').map((e) => e.title);
    if (extras.length) lines.push(`  extras   ${extras.join('、')}`);
    if (p.indicators.length) {
      const shown = p.indicators.slice(0, 8).map((i) => `${i.name} ${i.comparator === '=' ? '' : i.comparator}${i.value}${i.unit}`);
      lines.push(`  indicators (${p.indicators.length}) ${shown.join('; ')}${p.indicators.length > 8 ? '; …' : ''}`);
    }
  }
  for (const d of p.diagnostics.filter((x) => x.severity !== 'info')) lines.push(`  ${d.severity.padEnd(7)} ${d.code}: ${d.message}`);
  return `${lines.join('\n')}\n`;
}
