import { displayWidth, padDisplay, renderTable, terminalSafe } from '../text/display-width.js';
import type { ComparisonReport, SectionDiff, TargetRow } from './schema.js';

const CELL = { full: 'Y', partial: '~', none: '-' } as const;
const COMPARATOR = { '>': '>', '>=': '≥', '~': '≈', '=': '' } as const;

/**
 * The comparison for a terminal: the target table with its statistics and flags, the coverage matrix
 * (`Y` full, `~` partial, `-` none, `?` not assessed; columns padded by display width, so Chinese
 * names line up), indicators stated by two or more plans, lead units per action and project, parent
 * chains, reuse per plan, the outliers, and the side-by-side diff when one was asked for. Plain text,
 * no colours; deterministic.
 *
 * @example
 * process.stdout.write(renderComparisonText(comparePlans(report, plans, { texts })));
 * // Targets (公民具备科学素质的比例) …
 * //  #  Region  Target  Year  Δ national  Verdict …
 * //  1  上虞区  ≥18.5%  2025  +3.5        exceeds …
 */
export function renderComparisonText(c: ComparisonReport): string {
  const label = regionLabels(c);
  const out: string[] = [];
  const tmpl = c.template ? `, template ${c.template.title} (${c.template.id})` : c.plans === 0 ? '' : ', templates differ';
  out.push(`gangyao compare: ${c.plans} plan${c.plans === 1 ? '' : 's'}${tmpl}\n`);
  out.push(targetsText(c, label));
  out.push(matrixText(c, label));
  out.push(indicatorsText(c, label));
  out.push(agenciesText(c));
  out.push(parentsText(c, label));
  out.push(reuseText(c, label));
  out.push(outliersText(c, label));
  if (c.reuse.diff) out.push(diffText(c.reuse.diff, label));
  if (c.diagnostics.length > 0) {
    out.push(`Diagnostics\n${c.diagnostics.map((d) => `  [${d.severity}] ${d.code}: ${d.message}\n`).join('')}`);
  }
  return terminalSafe(out.join('\n'));
}

/** The region when known and unique in the batch, else the source. */
function regionLabels(c: ComparisonReport): (source: string) => string {
  const regions = new Map<string, string | null>(c.matrix.rows.map((r) => [r.source, r.region]));
  const count = new Map<string, number>();
  for (const r of regions.values()) if (r) count.set(r, (count.get(r) ?? 0) + 1);
  return (source) => {
    const r = regions.get(source);
    return r && count.get(r) === 1 ? r : source;
  };
}

function signed(x: number | null): string {
  if (x === null) return '—';
  return x > 0 ? `+${x}` : String(x);
}

function targetCell(r: TargetRow): string {
  const tone = [r.aspirational ? '力争' : ''].filter(Boolean).join('');
  return `${tone}${COMPARATOR[r.comparator]}${r.value}%`;
}

function targetsText(c: ComparisonReport, label: (s: string) => string): string {
  const t = c.targets;
  const lines: string[] = ['Targets (公民具备科学素质的比例)\n'];
  if (t.rows.length > 0) {
    const rows = t.rows.map((r) => [
      String(r.rank),
      label(r.source),
      targetCell(r),
      r.year === null ? '—' : String(r.year),
      signed(r.deltaVsNational),
      r.verdict,
      r.parent ? `${signed(r.deltaVsParent)} (${r.parent.region})` : '—',
      r.z === null ? '—' : r.z.toFixed(2),
      r.source,
    ]);
    lines.push(indent(renderTable(['#', 'Region', 'Target', 'Year', 'Δ national', 'Verdict', 'Δ parent', 'z', 'Source'], rows, ['right', 'left', 'right', 'left', 'right', 'left', 'left', 'right', 'left'])));
  }
  for (const w of t.withoutTarget) lines.push(`  ${label(w.source)}: ${w.reason === 'unread' ? 'not read' : 'no headline target'}\n`);
  const s = t.stats;
  lines.push(
    s.status === 'ok'
      ? `  Statistics (${s.year ?? 'no year'}, n = ${s.n}): mean ${s.mean}  median ${s.median}  sd ${s.standardDeviation}  p25 ${s.quantiles.p25}  p75 ${s.quantiles.p75}  min ${s.min}  max ${s.max}\n`
      : `  Statistics: ${s.message} (${s.reason})\n`,
  );
  for (const f of t.flags) lines.push(`  [${f.severity}] ${f.code}: ${f.message}: ${f.sources.map(label).join(', ')}\n`);
  return lines.join('');
}

function matrixText(c: ComparisonReport, label: (s: string) => string): string {
  const m = c.matrix;
  const items = m.items.filter((i) => i.level === 'section');
  if (items.length === 0 || m.rows.length === 0) return 'Coverage matrix: nothing to show\n';
  const header = ['Region', 'Rank', 'Score', ...items.map((i) => i.id), 'Local extras'];
  const rows = m.rows.map((r) => [
    label(r.source),
    r.rank === null ? '—' : String(r.rank),
    r.score === null ? '—' : r.score.toFixed(2),
    ...items.map((i) => {
      const s = r.cells[i.id];
      return s === null || s === undefined ? '?' : CELL[s];
    }),
    r.extras.join('、') || '—',
  ]);
  rows.push(['Adoption', '', '', ...items.map((i) => (i.adoption.rate === null ? '—' : i.adoption.rate.toFixed(2))), '']);
  const align = header.map((_, i) => (i === 0 || i === header.length - 1 ? 'left' : 'right') as 'left' | 'right');
  return `Coverage matrix (${m.templateId ?? 'no template'}; Y full, ~ partial, - none, ? not assessed)\n${indent(renderTable(header, rows, align))}`;
}

function indicatorsText(c: ComparisonReport, label: (s: string) => string): string {
  const shared = c.indicators.filter((r) => r.plans >= 2);
  if (shared.length === 0) return 'Indicators: none stated by two or more plans\n';
  const rows = shared.map((r) => [
    r.key,
    r.unit,
    r.values
      .map((v) => `${label(v.source)} ${COMPARATOR[v.comparator]}${v.value}${v.scope ? ` ${v.scope}` : ''}${v.perYear ? '/年' : ''}${v.year ? ` (${v.year})` : ''}`)
      .join('; '),
  ]);
  return `Indicators stated by two or more plans\n${indent(renderWide(['Indicator', 'Unit', 'Values'], rows))}`;
}

function agenciesText(c: ComparisonReport): string {
  const items = c.agencies.items.filter((i) => !i.templateId.includes('.'));
  if (items.length === 0) return 'Lead units: none named\n';
  const rows = items.map((i) => [i.templateId, i.units.slice(0, 4).map((u) => `${u.unit} ${u.plans}`).join(', '), String(i.leads.length)]);
  return `Lead units per item (normalised; plans naming each)\n${indent(renderWide(['Item', 'Units', 'Plans'], rows))}`;
}

function parentsText(c: ComparisonReport, label: (s: string) => string): string {
  const lines = ['Parent plans (nearest first)\n'];
  for (const p of c.parents) {
    if (p.chain.length === 0) continue;
    const chain = p.chain.map((l) => `${l.region ?? '?'}${l.document ? ` ${l.document.docNumber ?? `《${l.document.title ?? ''}》`}` : ''}${l.inBatch.length > 0 ? ' [in batch]' : ''}`);
    lines.push(`  ${label(p.source)} → ${chain.join(' → ')}\n`);
    for (const x of p.comparisons) {
      const cov = x.sections === null ? 'coverage not assessed' : `sections ${x.sections}, measures ${x.subItems}`;
      lines.push(`    against ${label(x.parentSource)}: ${cov}${x.missing.length ? `, missing ${x.missing.join(' ')}` : ''}${x.verdict ? `, target ${x.verdict} ${signed(x.delta)}` : ''}\n`);
    }
  }
  return lines.join('');
}

function reuseText(c: ComparisonReport, label: (s: string) => string): string {
  const rows = c.reuse.plans.map((p) => [label(p.source), p.reuse === null ? '—' : `${Math.round(p.reuse * 100)}%`, String(p.restated), String(p.local)]);
  if (rows.length === 0) return 'Reuse: no sections\n';
  return `Reuse (share restated from the template or another plan; by section length)\n${indent(renderTable(['Region', 'Reuse', 'Restated', 'Local'], rows, ['left', 'right', 'right', 'right']))}`;
}

function outliersText(c: ComparisonReport, label: (s: string) => string): string {
  if (c.outliers.length === 0) return 'Outliers: none\n';
  return `Outliers\n${c.outliers.map((o) => `  ${padDisplay(o.kind, 9)}${label(o.source)}: ${o.message}\n`).join('')}`;
}

const SIDE = 38;

/** Side by side: a's text on the left, b's on the right; `|` changed, `<` only in a, `>` only in b. */
function diffText(d: SectionDiff, label: (s: string) => string): string {
  const rows: [string, string, string][] = [];
  const ops = d.ops;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i]!;
    const flat = (s: string) => s.replace(/\s*\n\s*/gu, ' ');
    if (o.op === 'equal') rows.push([' ', flat(o.text), flat(o.text)]);
    else if (o.op === 'delete' && ops[i + 1]?.op === 'insert') {
      rows.push(['|', flat(o.text), flat(ops[i + 1]!.text)]);
      i++;
    } else if (o.op === 'delete') rows.push(['<', flat(o.text), '']);
    else rows.push(['>', '', flat(o.text)]);
  }
  const lines = [`Diff (similarity ${d.similarity}): ${label(d.a.source)} ${d.a.title}  ⇄  ${label(d.b.source)} ${d.b.title}\n`];
  for (const [mark, a, b] of rows) {
    const la = wrap(a, SIDE);
    const lb = wrap(b, SIDE);
    for (let k = 0; k < Math.max(la.length, lb.length); k++) {
      lines.push(`  ${padDisplay(la[k] ?? '', SIDE)} ${k === 0 ? mark : ' '} ${lb[k] ?? ''}`.replace(/\s+$/u, '') + '\n');
    }
  }
  return lines.join('');
}

/** Cuts a string into lines of at most `width` display columns. */
function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of s) {
    if (displayWidth(line + ch) > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}

/** A table whose last column may be long: the other columns padded, the last one left as is. */
function renderWide(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const last = header.length - 1;
  const widths = header.slice(0, last).map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    [...cells.slice(0, last).map((c, i) => padDisplay(c, widths[i]!)), cells[last] ?? ''].join('  ').replace(/\s+$/u, '');
  return [line(header), [...widths, displayWidth(header[last] ?? '')].map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
}
