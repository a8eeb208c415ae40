import type { ComparisonReport } from '../compare/schema.js';
import { escapeMarkdown as md, markdownCode } from './html/escape.js';
import {
  coverageRows,
  itemColumns,
  LEVEL_ZH,
  num,
  pct,
  planError,
  planLabels,
  RELATION_ZH,
  signed,
  STATUS_SYMBOL,
  targetPoints,
  targetText,
  VERDICT_ZH,
  againstZh,
  notAssessed,
  verdictZh,
} from './html/view-model.js';
import type { AnalysisReport, ReportMeasure, ReportPlan, ReportSection } from '../analyze/analysis-report.js';
import { z } from 'zod';
import { checkOptions } from '../model/check-options.js';

/**
 * Options of {@link renderMarkdown}.
 *
 * @example
 * renderMarkdown(report, null, { title: '兰州市方案分析', maxEvidence: 0 });
 */
export interface RenderMarkdownOptions {
  /** The document's title; default 全民科学素质行动规划纲要实施方案 分析报告 (对比报告 with a comparison). */
  title?: string;
  /** Evidence phrases listed per section or measure, a whole number ≥ 0 (else a TypeError); default 6, 0 hides them. */
  maxEvidence?: number;
}

/** {@link RenderMarkdownOptions} as a schema. */
export const RenderMarkdownOptionsSchema = z.strictObject({ title: z.string().optional(), maxEvidence: z.number().int().nonnegative().optional() });

/**
 * The report as GitHub-flavoured Markdown: the same content as {@link renderHtml} without the charts —
 * a coverage table of the top-level items (● full, ◐ partial, ○ none, · not assessed) with the sub-item
 * counts, the target table, and with a comparison the indicators, lead units, parent chains, reuse and
 * outliers; then one section per plan (region, level, period, template, target and verdict, coverage
 * with denominators, missing items, local extras, every section and measure with its template item,
 * relation, confidence and evidence offsets). Plan text is escaped (`|`, Markdown punctuation, and
 * `<`/`>`/`&` as entities, so no raw HTML gets through). Deterministic; browser-safe.
 *
 * @example
 * writeFileSync('report.md', renderMarkdown(report, comparison));
 * // # 全民科学素质行动规划纲要实施方案 对比报告
 * // …
 * // | 兰州市 | 市级 | ● | ● | ● | ● | ● | ● | ● | ● | ● | ○ | 21+9/34 | 78.4% | 科普覆盖扩面工程 |
 * // …
 * // | 1 | 上虞区 | 区级 | ≥18.5% | 2025 | +3.5 | 高于全国 | — | 1.25 |   |
 */
export function renderMarkdown(report: AnalysisReport, comparison?: ComparisonReport | null, options: RenderMarkdownOptions = {}): string {
  checkOptions('renderMarkdown', RenderMarkdownOptionsSchema, options);
  const c = comparison ?? null;
  const maxEvidence = options.maxEvidence ?? 6;
  const label = planLabels(report);
  const columns = itemColumns(report, c);
  const rows = coverageRows(report, columns, c);
  const points = targetPoints(report, c);
  const itemTitles = new Map<string, string>();
  for (const p of report.plans) for (const i of p.coverage?.items ?? []) if (!itemTitles.has(i.id)) itemTitles.set(i.id, i.title);
  const out: string[] = [];
  const t = report.template ?? c?.template ?? null;
  const s = report.summary;
  out.push(`# ${md(options.title ?? `全民科学素质行动规划纲要实施方案 ${c ? '对比报告' : '分析报告'}`)}\n\n`);
  out.push(t ? `对照模板：${md(t.title)}（${markdownCode(t.id)}，${t.period.start}—${t.period.end}年）\n\n` : report.plans.length === 0 ? '没有方案。\n\n' : '各方案对照的模板不同，见各方案详情。\n\n');
  out.push(`${s.plans} 份方案，${s.read} 份已读取，${points.length} 份有总体目标；${s.errors} 个错误，${s.warnings} 个警告。\n\n`);

  // coverage
  out.push('## 模板覆盖\n\n');
  out.push(`${STATUS_SYMBOL.full} 完全 · ${STATUS_SYMBOL.partial} 部分 · ${STATUS_SYMBOL.none} 缺失 · ${STATUS_SYMBOL.na} 未评估。子项列为“完全+部分/子项数”；得分 = (完全 + 0.5 × 部分) ÷ 已评估条目。\n\n`);
  if (columns.groups.length > 0) {
    out.push(row(['地区', '层级', ...columns.groups.map((g) => `${md(g.top.title)} \`${g.top.id}\``), '子项', '得分', '本地特色']));
    out.push(row(['---', '---', ...columns.groups.map(() => ':---:'), '---:', '---:', '---']));
    for (const r of rows) {
      if (r.error !== null) {
        out.push(row([md(label(r.source)), LEVEL_ZH[r.level], ...columns.groups.map(() => STATUS_SYMBOL.na), '—', '—', `未能读取：${md(r.error)}`]));
        continue;
      }
      let full = 0;
      let partial = 0;
      let subs = 0;
      for (const g of columns.groups) {
        for (const x of g.subs) {
          const st = r.cells[x.id];
          if (st === null || st === undefined) continue;
          subs++;
          if (st === 'full') full++;
          else if (st === 'partial') partial++;
        }
      }
      out.push(
        row([
          md(label(r.source)),
          LEVEL_ZH[r.level],
          ...columns.groups.map((g) => STATUS_SYMBOL[r.cells[g.top.id] ?? 'na']),
          `${full}+${partial}/${subs}`,
          r.score === null ? '—' : pct(r.score),
          r.extras.map(md).join('、') || '—',
        ]),
      );
    }
    out.push('\n');
  }

  // targets
  out.push('## 总体目标：公民具备科学素质的比例\n\n');
  if (points.length === 0) out.push('没有找到总体目标。\n\n');
  else {
    out.push(row(['排名', '地区', '层级', '目标', '年份', '较全国', '判定', '较上级', 'z', '说明']));
    out.push(row(['---:', '---', '---', '---:', '---:', '---:', '---', '---:', '---:', '---']));
    for (const p of points) {
      out.push(
        row([
          String(p.rank),
          md(label(p.source)),
          LEVEL_ZH[p.level],
          md(targetText(p)),
          p.year === null ? '—' : String(p.year),
          signed(p.deltaVsNational),
          VERDICT_ZH[p.verdict],
          p.parentRegion ? `${signed(p.deltaVsParent)}（${md(p.parentRegion)}）` : '—',
          p.z === null ? '—' : p.z.toFixed(2),
          [p.aspirational ? '力争' : '', p.approximate ? '约/左右' : ''].filter(Boolean).join('、'),
        ]),
      );
    }
    out.push('\n较全国、较上级单位为百分点。\n\n');
  }
  if (c) {
    const st = c.targets.stats;
    out.push(
      st.status === 'ok'
        ? `统计（${st.year ?? '年份不一'}年，n = ${st.n}）：均值 ${num(st.mean)}%，中位数 ${num(st.median)}%，标准差 ${num(st.standardDeviation)}，P25 ${num(st.quantiles.p25)}%，P75 ${num(st.quantiles.p75)}%，最小 ${num(st.min)}%，最大 ${num(st.max)}%。\n\n`
        : `统计：数据不足（\`${st.reason}\`）— ${md(st.message)}\n\n`,
    );
    for (const f of c.targets.flags) out.push(`- \`${f.code}\` ${md(f.message)}：${f.sources.map((x) => md(label(x))).join('、')}\n`);
    if (c.targets.flags.length) out.push('\n');
    out.push(comparisonMarkdown(c, label));
  }

  // plans
  out.push('## 各地方案详情\n\n');
  for (const p of report.plans) out.push(planMarkdown(p, itemTitles, maxEvidence));
  out.push(`---\n\n由 ${md(report.generator.name)} ${md(report.generator.version)} 生成。偏移量（@start–end）为 UTF-16 码元位置，指向读入的原文。\n`);
  return out.join('');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((x) => (x === '' ? ' ' : x)).join(' | ')} |\n`;
}

function comparisonMarkdown(c: ComparisonReport, label: (s: string) => string): string {
  const out: string[] = [];
  out.push('## 量化指标\n\n');
  const shared = c.indicators.filter((r) => r.plans >= 2);
  if (c.indicators.length === 0) out.push('没有找到量化指标。\n\n');
  else {
    out.push(row(['指标', '单位', '方案数', '各地数值']));
    out.push(row(['---', '---', '---:', '---']));
    for (const r of shared.length ? shared : c.indicators) {
      const values = r.values.map(
        (v) => `${md(label(v.source))} ${md(targetText({ value: v.value, comparator: v.comparator, aspirational: false, unit: '' }))}${v.scope ? ` ${md(v.scope)}` : ''}${v.perYear ? '/年' : ''}${v.year ? `（${v.year}）` : ''}`,
      );
      out.push(row([md(r.key), md(r.unit), String(r.plans), values.join('；')]));
    }
    const single = c.indicators.length - shared.length;
    out.push(shared.length && single ? `\n另有 ${single} 个指标仅一份方案写明（见 JSON 或 HTML 报告）。\n\n` : '\n');
  }

  out.push('## 牵头单位\n\n');
  if (c.agencies.items.length === 0) out.push('各方案均未写明牵头单位。\n\n');
  else {
    out.push(row(['模板条目', '单位（方案数）', '方案数']));
    out.push(row(['---', '---', '---:']));
    for (const i of c.agencies.items) {
      const name = i.templateId.includes('.') ? `↳ ${md(i.title)} \`${i.templateId}\`` : `**${md(i.title)}** \`${i.templateId}\``;
      out.push(row([name, i.units.map((u) => `${md(u.unit)}（${u.plans}）`).join('、'), String(i.leads.length)]));
    }
    out.push('\n');
    if (c.agencies.extras.length) {
      out.push(row(['本地特色条目', '地区', '角色', '单位']));
      out.push(row(['---', '---', '---', '---']));
      for (const e of c.agencies.extras) out.push(row([md(e.title), md(label(e.source)), md(e.role), md(e.units.join('、'))]));
      out.push('\n');
    }
  }

  out.push('## 上级方案链\n\n');
  for (const p of c.parents) {
    const chain = p.chain.map((l) => `${md(l.region ?? '?')}${l.document ? `（${md(l.document.docNumber ?? `《${l.document.title ?? ''}》`)}）` : ''}${l.inBatch.length ? ' \\[在本批次\\]' : ''}`);
    out.push(`- **${md(label(p.source))}** → ${chain.length ? chain.join(' → ') : '未知'}\n`);
    for (const x of p.comparisons) {
      const cov = x.sections === null || x.subItems === null ? '覆盖未评估' : `行动/工程 ${pct(x.sections)}，措施 ${pct(x.subItems)}`;
      out.push(`  - 对照 ${md(label(x.parentSource))}：${cov}${x.missing.length ? `，缺 ${x.missing.map((m) => `\`${m}\``).join('、')}` : ''}${x.verdict ? `，目标 ${VERDICT_ZH[x.verdict]} ${signed(x.delta)}` : ''}\n`);
    }
  }
  out.push('\n## 文本复用\n\n');
  out.push(row(['地区', '复用比例', '重述章节', '本地章节']));
  out.push(row(['---', '---:', '---:', '---:']));
  for (const p of c.reuse.plans) out.push(row([md(label(p.source)), p.reuse === null ? '—' : pct(p.reuse), String(p.restated), String(p.local)]));
  out.push('\n复用：章节文字中与全国纲要或其他方案相同的段落所占比例（按章节长度加权）；重述 ≥ 50%，本地 < 20%。\n\n');
  if (c.outliers.length) {
    const kind = { target: '目标', coverage: '覆盖', restated: '重述', local: '本地' } as const;
    out.push('### 值得注意\n\n');
    for (const o of c.outliers) out.push(`- 【${kind[o.kind]}】${md(label(o.source))}：${md(o.message)}\n`);
    out.push('\n');
  }
  if (c.diagnostics.length) {
    out.push('### 对比诊断\n\n');
    for (const d of c.diagnostics) out.push(`- \`${d.code}\` (${d.severity}) ${md(d.message)}\n`);
    out.push('\n');
  }
  return out.join('');
}

function planMarkdown(p: ReportPlan, itemTitles: ReadonlyMap<string, string>, maxEvidence: number): string {
  const out: string[] = [];
  const error = planError(p);
  out.push(`### ${md(p.region ?? p.source)}（${LEVEL_ZH[p.level]}）\n\n`);
  if (p.title) out.push(`${md(p.title)}\n\n`);
  out.push(`- 来源：${markdownCode(p.source)}\n`);
  if (error !== null) {
    out.push(`- **未能读取**：${md(error)}\n\n`);
    return out.join('');
  }
  const where = [p.region, ...p.parents].filter((x): x is string => !!x).join(' ← ');
  out.push(`- 地区：${md(where || '未知')}${p.regionCode ? `（${p.regionCode}）` : ''}\n`);
  out.push(`- 期间：${p.period ? `${p.period.start}—${p.period.end}年${p.period.basis === 'implied' ? '（推断）' : ''}` : '未找到'}${p.draft ? '；征求意见稿' : ''}${p.truncated ? '；文本不完整（截断）' : ''}\n`);
  out.push(`- 模板：${p.template ? `${md(p.template.title)}（${markdownCode(p.template.id)}）` : '—'}\n`);
  if (p.target) {
    const d = p.targetDelta;
    out.push(
      `- 总体目标：**${md(targetText({ ...p.target, aspirational: false }))}**（${p.target.year ?? '年份不明'}${p.target.aspirational ? '，力争' : ''}${d?.approximate ? '，约/左右' : ''}）` +
        `${d ? ` — ${verdictZh(d.verdict, p.template?.id)}（\`${d.verdict}\`）${d.delta !== null ? `，较${againstZh(p.template?.id)} ${signed(d.delta)} 个百分点` : ''}：${md(d.summary)}` : ''}\n`,
    );
    out.push(`  > ${md(p.target.raw)} @${p.target.span.start}–${p.target.span.end}\n`);
  } else out.push('- 总体目标：未找到\n');
  if (p.coverage) {
    const c = p.coverage;
    const f = (x: typeof c.sections) => `完全 ${x.covered} + 部分 ${x.partial} / ${x.total}（${pct(x.ratio)}）`;
    out.push(`- 覆盖：行动/工程 ${f(c.sections)}；子项 ${f(c.subItems)}；组织实施 ${f(c.org)}\n`);
  }
  const truncated = new Set(p.possiblyTruncated);
  // A read plan whose outline gave no action or project was not assessed: not said to lack nothing.
  if (notAssessed(p)) out.push('- 覆盖：未评估（未识别出行动或工程）\n');
  else out.push(`- 缺失：${p.missing.length ? p.missing.map((m) => `${md(itemTitles.get(m) ?? m)} \`${m}\`${truncated.has(m) ? '（可能因截断）' : ''}`).join('；') : '无'}\n`);
  const extras = p.extras.map((e) => `${md(e.title)}${e.kind === 'measure' ? '（措施）' : ''}`);
  out.push(`- 本地特色：${extras.length ? extras.join('；') : '无'}\n`);
  for (const d of p.diagnostics.filter((x) => x.severity !== 'info')) out.push(`- ${d.severity === 'error' ? '错误' : '警告'} \`${d.code}\`：${md(d.message)}\n`);
  out.push('\n');
  if (p.sections.length) {
    out.push(row(['章节 / 措施（原文标题）', '模板条目', '关系', '置信度', '证据']));
    out.push(row(['---', '---', '---', '---:', '---']));
    for (const s of p.sections) {
      out.push(alignRow(s, false, itemTitles, maxEvidence));
      for (const m of s.measures) out.push(alignRow(m, true, itemTitles, maxEvidence));
    }
    out.push('\n');
  }
  return out.join('');
}

function alignRow(s: ReportSection | ReportMeasure, measure: boolean, itemTitles: ReadonlyMap<string, string>, maxEvidence: number): string {
  const heading = `${measure ? '↳ ' : ''}${s.label ? `${md(s.label)} ` : ''}${md(s.raw || s.title)} @${s.titleSpan.start}–${s.titleSpan.end}`;
  const item = s.templateId ? `\`${s.templateId}\` ${md(itemTitles.get(s.templateId) ?? '')}` : '本地特色';
  const rel = s.relation ?? (s.templateId === null ? 'none' : null);
  const seen = new Set<string>();
  const ev = s.evidence.filter((e) => {
    const k = `${e.phrase}\u0000${e.span?.start ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const shown = maxEvidence === 0 ? [] : ev.slice(0, maxEvidence).map((e) => `${md(e.phrase)}${e.span ? ` @${e.span.start}–${e.span.end}` : ''}`);
  const more = maxEvidence > 0 && ev.length > maxEvidence ? ` 等${ev.length}条` : '';
  return row([heading, item, rel ? RELATION_ZH[rel] : '—', s.confidence === null ? '—' : s.confidence.toFixed(2), shown.join('；') + more]);
}
