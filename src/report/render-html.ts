import type { Evidence } from '../align/schema.js';
import type { ComparisonReport } from '../compare/schema.js';
import type { Agency } from '../model/plan.js';
import { REPORT_CSS } from './html/css.js';
import { escapeHtml as h } from './html/escape.js';
import { heatmapKey, heatmapLegend, heatmapTable } from './html/heatmap.js';
import { DOT_CHART_MAX, targetChart } from './html/target-chart.js';
import {
  coverageRows,
  itemColumns,
  LEVEL_ZH,
  nationalLine,
  num,
  pct,
  planError,
  planLabels,
  RELATION_ZH,
  signed,
  targetPoints,
  targetText,
  VERDICT_ZH,
  againstZh,
  notAssessed,
  verdictZh,
  type CoverageRow,
  type TargetPoint,
} from './html/view-model.js';
import type { AnalysisReport, ReportMeasure, ReportPlan, ReportSection } from '../analyze/analysis-report.js';
import { z } from 'zod';
import { checkOptions } from '../model/check-options.js';

/**
 * Options of {@link renderHtml}.
 *
 * @example
 * renderHtml(report, comparison, { title: '甘肃省各市方案对比', maxEvidence: 0, planDetails: false }); // overview only
 */
export interface RenderHtmlOptions {
  /** The page title; default 全民科学素质行动规划纲要实施方案 分析报告 (对比报告 with a comparison). */
  title?: string;
  /**
   * Evidence phrases shown per section or measure (the rest are counted), a whole number ≥ 0 (else a
   * TypeError); 0 hides them. Default 12, or 4 for more than 200 plans (evidence is most of a large
   * page's weight).
   */
  maxEvidence?: number;
  /** Include the per-plan sections (default true); false leaves the overview, the charts and the tables. */
  planDetails?: boolean;
}

/** {@link RenderHtmlOptions} as a schema. */
export const RenderHtmlOptionsSchema = z.strictObject({ title: z.string().optional(), maxEvidence: z.number().int().nonnegative().optional(), planDetails: z.boolean().optional() });

/**
 * Renders an analysis report — and, when given, the comparison of its plans — as ONE self-contained
 * HTML page: inline CSS and SVG, no script, no network (a Content-Security-Policy forbids any fetch),
 * system fonts only, `lang="zh-CN"`, printable (A4 landscape; the heatmap prints in grey through its
 * symbols ● ◐ ○ ·).
 *
 * The page holds: summary figures; the plans × template items heatmap (rows by region code, columns
 * the template's top-level items and their sub-items, with a legend and a key of every item's title
 * and id); the target chart (each plan's headline target against the national line); with a
 * comparison, the ranked target table (deltas vs national and parent, z-scores, statistics), the
 * indicators, lead units per item, parent chains, reuse and outliers; then one section per plan with
 * its region, level, period, template, target and verdict, coverage with denominators, missing items,
 * local extras, and every section and measure with its template item, relation, confidence and
 * evidence (the heading as read, the phrases, their offsets into the text as read).
 *
 * All plan text is escaped. Deterministic: no dates, no random ids, so the same reports give the same
 * bytes. Never throws on content: a plan that could not be read shows as a row with its error.
 * Browser-safe (no Node built-ins); string building only, fast enough for thousands of plans.
 *
 * @example
 * const results = files.map((f) => loadPlanFromText(readFileSync(f, 'utf8'), f));
 * const report = buildAnalysisReport(results);
 * const comparison = comparePlans(report, results.map((r) => r.plan), { texts: results.map((r) => r.text) });
 * writeFileSync('out/report.html', renderHtml(report, comparison, { title: '五地实施方案对比' }));
 */
export function renderHtml(report: AnalysisReport, comparison?: ComparisonReport | null, options: RenderHtmlOptions = {}): string {
  checkOptions('renderHtml', RenderHtmlOptionsSchema, options);
  const c = comparison ?? null;
  const maxEvidence = options.maxEvidence ?? (report.plans.length > 200 ? 4 : 12);
  const details = options.planDetails ?? true;
  const title = options.title ?? `全民科学素质行动规划纲要实施方案 ${c ? '对比报告' : '分析报告'}`;
  const label = planLabels(report);
  const columns = itemColumns(report, c);
  const rows = coverageRows(report, columns, c);
  const points = targetPoints(report, c);
  const national = nationalLine(report, points);
  const itemTitles = new Map<string, string>();
  for (const p of report.plans) for (const i of p.coverage?.items ?? []) if (!itemTitles.has(i.id)) itemTitles.set(i.id, i.title);

  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
      `<meta name="generator" content="${h(report.generator.name)} ${h(report.generator.version)}">\n` +
      `<title>${h(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n`,
  );
  out.push(header(report, c, title, rows, points, details));
  out.push(`<section id="heatmap"><h2>模板覆盖热力图</h2>`);
  out.push(
    `<p class="note">每行一份方案（按行政区划代码排序），每列一个模板条目${columns.templateId ? `（模板 <code>${h(columns.templateId)}</code>）` : ''}：` +
      `◆ 为行动/工程整项，数字为其子项。得分 = (完全 + 0.5 × 部分) ÷ 已评估条目。</p>`,
  );
  out.push(heatmapLegend());
  out.push(columns.groups.length > 0 ? heatmapTable(columns, rows, (r: CoverageRow) => label(r.source), details) : '<p class="note">没有可比较的模板条目。</p>');
  out.push(`<h4>条目对照表</h4>${heatmapKey(columns)}</section>\n`);

  out.push(`<section id="targets"><h2>总体目标：公民具备科学素质的比例</h2>`);
  out.push(`<figure>${targetChart(points, national, (p: TargetPoint) => label(p.source))}`);
  out.push(
    points.length > DOT_CHART_MAX
      ? '<figcaption>各地总体目标的分布：每个百分点一组，柱高为方案数；虚线为全国目标。</figcaption></figure>'
      : '<figcaption>条形与圆点为各地总体目标；虚线为全国目标。实心：承诺；空心：力争；横线：约/左右。颜色与文字为与全国目标的比较。</figcaption></figure>',
  );
  if (c) out.push(targetTable(c, label));
  else out.push(simpleTargetTable(points, label, details));
  out.push('</section>\n');

  if (c) {
    out.push(indicatorsSection(c, label));
    out.push(agenciesSection(c, label));
    out.push(parentsSection(c, label));
    out.push(reuseSection(c, label));
    if (c.diagnostics.length > 0) {
      out.push(`<section id="compare-diagnostics"><h2>对比诊断</h2><ul class="tight">`);
      for (const d of c.diagnostics) out.push(`<li class="diag-${d.severity}"><code>${h(d.code)}</code> ${h(d.message)}</li>`);
      out.push('</ul></section>\n');
    }
  }

  if (details) {
    out.push(`<section id="plans"><h2>各地方案详情</h2>`);
    report.plans.forEach((p, i) => out.push(planArticle(p, i, itemTitles, maxEvidence)));
    out.push('</section>\n');
  }
  out.push(
    `<footer>由 ${h(report.generator.name)} ${h(report.generator.version)} 生成 · 报告格式 v${report.schemaVersion}${c ? ` · 对比格式 v${c.schemaVersion}` : ''} · ` +
      `偏移量（如 @843–851）为 UTF-16 码元位置，指向读入的原文。</footer>\n</main>\n</body>\n</html>\n`,
  );
  return out.join('');
}

// ------------------------------------------------------------------------------------------- header

function header(report: AnalysisReport, c: ComparisonReport | null, title: string, rows: readonly CoverageRow[], points: readonly TargetPoint[], details: boolean): string {
  const t = report.template ?? c?.template ?? null;
  const scored = rows.filter((r) => r.score !== null);
  const mean = scored.length ? scored.reduce((a, r) => a + r.score!, 0) / scored.length : null;
  const s = report.summary;
  const card = (value: string, what: string) => `<div class="card"><b>${value}</b><span>${what}</span></div>`;
  const toc = [
    ['heatmap', '覆盖热力图'],
    ['targets', '总体目标'],
    ...(c ? [['indicators', '指标'], ['agencies', '牵头单位'], ['parents', '上级方案'], ['reuse', '文本复用']] : []),
    ...(details ? [['plans', '各地方案']] : []),
  ];
  return (
    `<header><h1>${h(title)}</h1>` +
    `<p class="sub">${t ? `对照模板：${h(t.title)}（<code>${h(t.id)}</code>，${t.period.start}—${t.period.end}年）` : report.plans.length === 0 ? '没有方案' : '各方案对照的模板不同，见各方案详情'}</p>` +
    '<div class="cards">' +
    card(String(s.plans), '份方案') +
    card(String(s.read), '份已读取') +
    card(String(points.length), '份有总体目标') +
    card(mean === null ? '—' : pct(mean), '平均覆盖得分') +
    card(`${s.errors} / ${s.warnings}`, '错误 / 警告') +
    '</div>' +
    `<nav class="toc">${toc.map(([id, name]) => `<a href="#${id}">${name}</a>`).join('')}</nav></header>\n`
  );
}

// ------------------------------------------------------------------------------------------- targets

function simpleTargetTable(points: readonly TargetPoint[], label: (s: string) => string, link: boolean): string {
  if (points.length === 0) return '';
  const rows = points.map(
    (p) =>
      `<tr><td class="n">${p.rank}</td><td>${link ? `<a href="#plan-${p.index + 1}">${h(label(p.source))}</a>` : h(label(p.source))}</td><td>${h(LEVEL_ZH[p.level])}</td>` +
      `<td class="n">${h(targetText(p))}</td><td class="n">${p.year ?? '—'}</td><td class="n">${signed(p.deltaVsNational)}</td>` +
      `<td><span class="badge v-${p.verdict}">${h(VERDICT_ZH[p.verdict])}</span></td><td>${flags(p)}</td></tr>`,
  );
  return `<table class="data"><thead><tr><th class="n">排名</th><th>地区</th><th>层级</th><th class="n">目标</th><th class="n">年份</th><th class="n">较全国（百分点）</th><th>判定</th><th>说明</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function flags(p: { aspirational: boolean; approximate: boolean }): string {
  return [p.aspirational ? '力争' : '', p.approximate ? '约/左右' : ''].filter(Boolean).join('、');
}

function targetTable(c: ComparisonReport, label: (s: string) => string): string {
  const t = c.targets;
  const out: string[] = [];
  if (t.rows.length > 0) {
    out.push(
      '<h4>目标排名</h4><table class="data"><thead><tr><th class="n">排名</th><th>地区</th><th>层级</th><th class="n">目标</th><th class="n">年份</th>' +
        '<th class="n">较全国</th><th>判定</th><th class="n">较上级</th><th class="n">z</th><th>说明</th><th>来源</th></tr></thead><tbody>',
    );
    for (const r of t.rows) {
      out.push(
        `<tr><td class="n">${r.rank}</td><td>${h(label(r.source))}</td><td>${h(LEVEL_ZH[r.level])}</td><td class="n">${h(targetText(r))}</td>` +
          `<td class="n">${r.year ?? '—'}</td><td class="n">${signed(r.deltaVsNational)}</td><td><span class="badge v-${r.verdict}">${h(VERDICT_ZH[r.verdict])}</span></td>` +
          `<td class="n">${r.parent ? `${signed(r.deltaVsParent)}（${h(r.parent.region)}）` : '—'}</td><td class="n">${r.z === null ? '—' : r.z.toFixed(2)}</td>` +
          `<td>${flags(r)}${r.inStats ? '' : '（不计入统计）'}</td><td class="mono">${h(r.source)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  const s = t.stats;
  out.push(
    s.status === 'ok'
      ? `<p class="note">统计（${s.year ?? '年份不一'}年，n = ${s.n}）：均值 ${num(s.mean)}%，中位数 ${num(s.median)}%，标准差 ${num(s.standardDeviation)}，` +
          `P25 ${num(s.quantiles.p25)}%，P75 ${num(s.quantiles.p75)}%，最小 ${num(s.min)}%，最大 ${num(s.max)}%。较全国、较上级单位为百分点。</p>`
      : `<p class="note">统计：数据不足（<code>${h(s.reason)}</code>）— ${h(s.message)}</p>`,
  );
  if (t.withoutTarget.length > 0) {
    out.push(`<p class="note">无总体目标：${t.withoutTarget.map((w) => `${h(label(w.source))}（${w.reason === 'unread' ? '未能读取' : '未写明'}）`).join('、')}</p>`);
  }
  if (t.flags.length > 0) {
    out.push('<ul class="tight">');
    for (const f of t.flags) out.push(`<li class="diag-${f.severity}"><code>${h(f.code)}</code> ${h(f.message)}：${f.sources.map((x) => h(label(x))).join('、')}</li>`);
    out.push('</ul>');
  }
  return out.join('');
}

// ---------------------------------------------------------------------------------------- comparison

function indicatorsSection(c: ComparisonReport, label: (s: string) => string): string {
  const out = [`<section id="indicators"><h2>量化指标</h2>`];
  if (c.indicators.length === 0) return `${out[0]}<p class="note">没有找到量化指标。</p></section>\n`;
  out.push('<p class="note">名称归一后的指标（万人已换算为人；人次与人分开），按写明该指标的方案数排序。</p>');
  const table = (rows: ComparisonReport['indicators']) => {
    const t = ['<table class="data"><thead><tr><th>指标</th><th>单位</th><th class="n">方案数</th><th>各地数值</th></tr></thead><tbody>'];
    for (const r of rows) {
      const values = r.values
        .map(
          (v) =>
            `<span class="ev" title="${h(v.name)}">${h(label(v.source))} <b>${h(targetText({ value: v.value, comparator: v.comparator, aspirational: false, unit: '' }))}</b>` +
            `${v.scope ? ` ${h(v.scope)}` : ''}${v.perYear ? '/年' : ''}${v.year ? `（${v.year}）` : ''}</span>`,
        )
        .join('');
      t.push(`<tr><td>${h(r.key)}</td><td>${h(r.unit)}</td><td class="n">${r.plans}</td><td>${values}</td></tr>`);
    }
    t.push('</tbody></table>');
    return t.join('');
  };
  const shared = c.indicators.filter((r) => r.plans >= 2);
  const single = c.indicators.filter((r) => r.plans < 2);
  out.push(shared.length ? `<h4>两份及以上方案共有的指标（${shared.length}）</h4>${table(shared)}` : '<p class="note">没有两份及以上方案共有的指标。</p>');
  if (single.length) out.push(`<details><summary>仅一份方案写明的指标（${single.length}）</summary>${table(single)}</details>`);
  out.push('</section>\n');
  return out.join('');
}

function agenciesSection(c: ComparisonReport, label: (s: string) => string): string {
  const a = c.agencies;
  const out = [`<section id="agencies"><h2>牵头单位</h2>`];
  if (a.items.length === 0 && a.extras.length === 0) return `${out[0]}<p class="note">各方案均未写明牵头单位。</p></section>\n`;
  out.push('<p class="note">每个模板条目下各方案写明的单位（已归一，如“市教育局”→教育部门），括号内为写明该单位的方案数。</p>');
  out.push('<table class="data"><thead><tr><th>模板条目</th><th>单位（方案数）</th><th class="n">方案数</th></tr></thead><tbody>');
  for (const i of a.items) {
    const sub = i.templateId.includes('.');
    out.push(
      `<tr class="${sub ? 'measure' : 'grp'}"><td class="t">${h(i.title)} <code>${h(i.templateId)}</code></td>` +
        `<td>${i.units.map((u) => `${h(u.unit)}（${u.plans}）`).join('、')}</td><td class="n">${i.leads.length}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  out.push('<details><summary>各地原文</summary><table class="data"><thead><tr><th>模板条目</th><th>地区</th><th>角色</th><th>单位（原文）</th></tr></thead><tbody>');
  for (const i of a.items) {
    for (const l of i.leads) {
      out.push(`<tr><td><code>${h(i.templateId)}</code></td><td>${h(label(l.source))}</td><td>${h(l.role)}</td><td>${h(l.raw.join('、'))}</td></tr>`);
    }
  }
  out.push('</tbody></table></details>');
  if (a.extras.length > 0) {
    out.push('<h4>本地特色条目的单位</h4><table class="data"><thead><tr><th>条目</th><th>地区</th><th>角色</th><th>单位</th></tr></thead><tbody>');
    for (const e of a.extras) {
      out.push(`<tr><td>${h(e.title)}</td><td>${h(label(e.source))}</td><td>${h(e.role)}</td><td>${h(e.units.join('、'))}<br><span class="raw">${h(e.raw.join('、'))}</span></td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>\n');
  return out.join('');
}

function parentsSection(c: ComparisonReport, label: (s: string) => string): string {
  const out = [`<section id="parents"><h2>上级方案链</h2><p class="note">由近及远，止于全国纲要；“已引用”表示方案引用了该级文件，“在本批次”表示该级方案也在本次对比中。</p><table class="data"><thead><tr><th>地区</th><th>上级链</th></tr></thead><tbody>`];
  for (const p of c.parents) {
    const chain = p.chain.length
      ? p.chain
          .map((l) => {
            const doc = l.document ? ` <span class="raw">${h(l.document.docNumber ?? `《${l.document.title ?? ''}》`)}</span>` : '';
            const tags = [l.cited ? '已引用' : '', l.inBatch.length ? '在本批次' : ''].filter(Boolean).join('、');
            return `${h(l.region ?? '?')}${doc}${tags ? ` <small>（${tags}）</small>` : ''}`;
          })
          .join(' → ')
      : '<span class="muted">未知</span>';
    const cmp = p.comparisons
      .map(
        (x) =>
          `<br><small>对照 ${h(label(x.parentSource))}：${x.sections === null || x.subItems === null ? '覆盖未评估' : `行动/工程 ${pct(x.sections)}，措施 ${pct(x.subItems)}`}` +
          `${x.missing.length ? `，缺 ${h(x.missing.join('、'))}` : ''}${x.verdict ? `，目标 ${h(VERDICT_ZH[x.verdict])} ${signed(x.delta)}` : ''}</small>`,
      )
      .join('');
    const unplaced = p.unplaced.length ? `<br><small>未能定级的引用：${p.unplaced.map((u) => h(u.docNumber ?? u.title ?? '')).join('、')}</small>` : '';
    out.push(`<tr><td>${h(label(p.source))}</td><td>${chain}${cmp}${unplaced}</td></tr>`);
  }
  out.push('</tbody></table></section>\n');
  return out.join('');
}

function reuseSection(c: ComparisonReport, label: (s: string) => string): string {
  const r = c.reuse;
  const out = [`<section id="reuse"><h2>文本复用</h2>`];
  out.push('<p class="note">复用比例：各章节文字中与全国纲要或本批次其他方案相同的段落所占比例（按章节长度加权）。重述：复用 ≥ 50%；本地：复用 &lt; 20%。</p>');
  out.push('<table class="data narrow"><thead><tr><th>地区</th><th>复用比例</th><th class="n">重述章节</th><th class="n">本地章节</th></tr></thead><tbody>');
  for (const p of r.plans) {
    const bar = p.reuse === null ? '—' : `<span class="bar" style="width:${Math.round(p.reuse * 120)}px"></span>${pct(p.reuse)}`;
    out.push(`<tr><td>${h(label(p.source))}</td><td>${bar}</td><td class="n">${p.restated}</td><td class="n">${p.local}</td></tr>`);
  }
  out.push('</tbody></table>');
  const top = [...r.sections].sort((a, b) => b.reuse - a.reuse || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.section - b.section)).slice(0, 10);
  if (top.length > 0) {
    out.push('<h4>复用最多的章节</h4><table class="data"><thead><tr><th>地区</th><th>章节</th><th class="n">复用</th><th class="n">来自纲要</th><th class="n">来自他方案</th><th>最相似</th></tr></thead><tbody>');
    for (const s of top) {
      const peer = s.bestPeer ? `${h(label(s.bestPeer.source))}：${h(s.bestPeer.title)}（${pct(s.bestPeer.share)}）` : '—';
      out.push(
        `<tr><td>${h(label(s.source))}</td><td>${h(s.title)}${s.templateId ? ` <code>${h(s.templateId)}</code>` : ''}</td><td class="n">${pct(s.reuse)}</td>` +
          `<td class="n">${pct(s.template)}</td><td class="n">${pct(s.peers)}</td><td>${peer}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  if (c.outliers.length > 0) {
    const kind = { target: '目标', coverage: '覆盖', restated: '重述', local: '本地' } as const;
    out.push('<h4>值得注意</h4><ul class="tight">');
    for (const o of c.outliers) out.push(`<li><span class="badge">${kind[o.kind]}</span> ${h(label(o.source))}：${h(o.message)}</li>`);
    out.push('</ul>');
  }
  out.push('</section>\n');
  return out.join('');
}

// --------------------------------------------------------------------------------------------- plans

function planArticle(p: ReportPlan, i: number, itemTitles: ReadonlyMap<string, string>, maxEvidence: number): string {
  const id = `plan-${i + 1}`;
  const error = planError(p);
  const name = p.region ?? p.source;
  const out: string[] = [];
  out.push(`<article class="plan${error !== null ? ' unread' : ''}" id="${id}"><h3>${h(name)}<span class="lvl">${h(LEVEL_ZH[p.level])}</span></h3>`);
  if (p.title) out.push(`<p>${h(p.title)}</p>`);
  const facts: [string, string][] = [['来源', `<code>${h(p.source)}</code>`]];
  if (error !== null) {
    facts.push(['状态', `<span class="diag-error">未能读取：${h(error)}</span>`]);
  } else {
    const where = [p.region, ...p.parents].filter((x): x is string => !!x).join(' ← ');
    facts.push(['地区', `${h(where || '未知')}${p.regionCode ? ` <code>${h(p.regionCode)}</code>` : ''}`]);
    facts.push(['层级', h(LEVEL_ZH[p.level])]);
    facts.push([
      '期间',
      p.period ? `${p.period.start}—${p.period.end}年${p.period.basis === 'implied' ? '（推断）' : ''}` : '未找到',
    ]);
    if (p.draft || p.truncated) facts.push(['注意', [p.draft ? '征求意见稿' : '', p.truncated ? '文本不完整（截断）' : ''].filter(Boolean).join('、')]);
    if (p.docNumber) facts.push(['文号', h(p.docNumber)]);
    if (p.basis.length) facts.push(['依据', p.basis.map((b) => h(b.docNumber ?? `《${b.title ?? b.raw}》`)).join('、')]);
    facts.push(['模板', p.template ? `${h(p.template.title)} <code>${h(p.template.id)}</code>` : '—']);
    facts.push(['总体目标', targetFact(p)]);
    if (p.baseline) {
      facts.push(['基线', `${num(p.baseline.value)}${h(p.baseline.unit)}（${p.baseline.year ?? '年份不明'}）${p.baselineDelta ? ` <small>${h(p.baselineDelta.summary)}</small>` : ''}`]);
    }
  }
  out.push(`<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);
  if (error === null) {
    out.push(coverageBlock(p, itemTitles));
    out.push(sectionsTable(p, itemTitles, maxEvidence));
    if (p.indicators.length > 0) {
      out.push(`<details><summary>量化指标（${p.indicators.length}）</summary><table class="data"><thead><tr><th>指标</th><th class="n">数值</th><th>单位</th><th class="n">年份</th><th>原文位置</th></tr></thead><tbody>`);
      for (const x of p.indicators) {
        out.push(
          `<tr><td>${h(x.name)}</td><td class="n">${h(targetText({ value: x.value, comparator: x.comparator, aspirational: false, unit: '' }))}</td>` +
            `<td>${h(x.unit)}${x.perYear ? '/年' : ''}</td><td class="n">${x.year ?? '—'}</td><td class="raw">@${x.span.start}–${x.span.end}</td></tr>`,
        );
      }
      out.push('</tbody></table></details>');
    }
  }
  const shown = p.diagnostics.filter((d) => d.severity !== 'info');
  const info = p.diagnostics.filter((d) => d.severity === 'info');
  if (shown.length > 0) {
    out.push('<h4>诊断</h4><ul class="tight">');
    for (const d of shown) out.push(`<li class="diag-${d.severity}"><code>${h(d.code)}</code> ${h(d.message)}</li>`);
    out.push('</ul>');
  }
  if (info.length > 0) {
    out.push(`<details><summary>提示（${info.length}）</summary><ul class="tight">`);
    for (const d of info) out.push(`<li class="diag-info"><code>${h(d.code)}</code> ${h(d.message)}</li>`);
    out.push('</ul></details>');
  }
  out.push('</article>\n');
  return out.join('');
}

function targetFact(p: ReportPlan): string {
  const t = p.target;
  if (!t) return '<span class="muted">未找到</span>';
  const d = p.targetDelta;
  const year = t.year === null ? '年份不明' : `${t.year}年`;
  const tags = [t.aspirational ? '力争' : '', d?.approximate ? '约/左右' : ''].filter(Boolean).join('、');
  return (
    `<b>${h(targetText({ ...t, aspirational: false }))}</b>（${year}${tags ? `，${tags}` : ''}）` +
    (d ? ` <span class="badge v-${d.verdict}">${h(verdictZh(d.verdict, p.template?.id))}</span>${d.delta !== null ? ` 较${againstZh(p.template?.id)} ${signed(d.delta)} 个百分点` : ''}<br><small>${h(d.summary)}</small>` : '') +
    `<blockquote>${h(t.raw)} <small class="mono">@${t.span.start}–${t.span.end}</small></blockquote>`
  );
}

function coverageBlock(p: ReportPlan, itemTitles: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  const c = p.coverage;
  if (c) {
    out.push('<h4>覆盖情况</h4><table class="data narrow"><thead><tr><th>层级</th><th class="n">完全</th><th class="n">部分</th><th class="n">缺失</th><th class="n">总数</th><th class="n">覆盖率</th></tr></thead><tbody>');
    const row = (name: string, x: typeof c.sections) =>
      `<tr><td>${name}</td><td class="n">${x.covered}</td><td class="n">${x.partial}</td><td class="n">${x.none}</td><td class="n">${x.total}</td><td class="n">${pct(x.ratio)}</td></tr>`;
    out.push(row('行动/工程', c.sections) + row('子项', c.subItems) + row('组织实施', c.org));
    out.push('</tbody></table><p class="note">覆盖率 = (完全 + 0.5 × 部分) ÷ 总数。</p>');
  }
  const truncated = new Set(p.possiblyTruncated);
  out.push('<h4>缺失条目</h4>');
  out.push(
    notAssessed(p)
      ? '<p class="muted">未评估（未识别出行动或工程）</p>'
      : p.missing.length
      ? `<ul class="tight">${p.missing.map((m) => `<li>${h(itemTitles.get(m) ?? m)} <code>${h(m)}</code>${truncated.has(m) ? ' <small>（可能因文本截断）</small>' : ''}</li>`).join('')}</ul>`
      : '<p class="muted">无</p>',
  );
  out.push('<h4>本地特色</h4>');
  const extras = p.extras.map((e) => {
    const sec = p.sections[e.section];
    const where = e.kind === 'measure' && sec ? ` <small>（${h(sec.title)}下的措施）</small>` : '';
    return `<li>${h(e.title)}${where} <small class="mono">@${e.span.start}–${e.span.end}</small></li>`;
  });
  out.push(extras.length ? `<ul class="tight">${extras.join('')}</ul>` : '<p class="muted">无</p>');
  return out.join('');
}

function sectionsTable(p: ReportPlan, itemTitles: ReadonlyMap<string, string>, maxEvidence: number): string {
  if (p.sections.length === 0) return '<h4>章节对齐</h4><p class="muted">没有识别出行动或工程章节。</p>';
  const out = [
    '<h4>章节对齐</h4><div class="scroll"><table class="data"><thead><tr><th>章节 / 措施（原文标题）</th><th>模板条目</th><th>关系</th><th class="n">置信度</th><th>单位</th><th>证据</th></tr></thead><tbody>',
  ];
  for (const s of p.sections) out.push(alignmentRow(s, false, itemTitles, maxEvidence));
  out.push('</tbody></table></div>');
  return out.join('');
}

function alignmentRow(s: ReportSection | ReportMeasure, measure: boolean, itemTitles: ReadonlyMap<string, string>, maxEvidence: number): string {
  const cls = [measure ? 'measure' : '', s.templateId === null ? 'extra' : ''].filter(Boolean).join(' ');
  const rel = s.relation ?? (s.templateId === null ? 'none' : null);
  const cross = 'crossSection' in s && s.crossSection ? ' <small title="对应另一行动/工程的子项">↗</small>' : '';
  const heading = `${s.label ? `${h(s.label)} ` : ''}${h(s.raw || s.title)}`;
  let row =
    `<tr${cls ? ` class="${cls}"` : ''}><td class="t">${heading} <small class="mono">@${s.titleSpan.start}–${s.titleSpan.end}</small></td>` +
    `<td>${s.templateId ? `<code>${h(s.templateId)}</code>${cross}${itemTitles.has(s.templateId) ? `<span class="it">${h(itemTitles.get(s.templateId)!)}</span>` : ''}` : '<span class="muted">本地特色</span>'}</td>` +
    `<td>${rel ? `<span class="r-${rel}">${h(RELATION_ZH[rel])}</span>` : '—'}</td>` +
    `<td class="n">${s.confidence === null ? '—' : s.confidence.toFixed(2)}</td>` +
    `<td>${agencies(s.agencies)}</td><td>${evidence(s.evidence, maxEvidence)}</td></tr>`;
  if ('measures' in s) for (const m of s.measures) row += alignmentRow(m, true, itemTitles, maxEvidence);
  return row;
}

function agencies(list: readonly Agency[]): string {
  if (list.length === 0) return '';
  const byRole = new Map<string, string[]>();
  for (const a of list) {
    const names = byRole.get(a.role) ?? [];
    if (!names.includes(a.name)) names.push(a.name);
    byRole.set(a.role, names);
  }
  return [...byRole].map(([role, names]) => `${h(names.join('、'))}<small>（${h(role)}）</small>`).join('<br>');
}

function evidence(list: readonly Evidence[], max: number): string {
  if (max === 0 || list.length === 0) return '';
  const seen = new Set<string>();
  const unique = list.filter((e) => {
    const k = `${e.phrase}\u0000${e.span?.start ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const shown = unique.slice(0, max).map(
    (e) =>
      `<span class="ev" title="${h(`${e.source} · ${e.kind} → ${e.templateId}`)}">${h(e.phrase)}${e.span ? `<small>@${e.span.start}–${e.span.end}</small>` : ''}</span>`,
  );
  return shown.join('') + (unique.length > max ? ` <small>等 ${unique.length} 条</small>` : '');
}
