import { escapeHtml as h } from './escape.js';
import { STATUS_SYMBOL, STATUS_ZH, type Columns, type CoverageRow, LEVEL_ZH, pct } from './view-model.js';

const STATUS_CLASS = { full: 'f', partial: 'p', none: 'x' } as const;

/** The legend: colour, symbol and word of each status. */
export function heatmapLegend(): string {
  return (
    '<div class="legend">' +
    `<span><i class="f">${STATUS_SYMBOL.full}</i>完全覆盖 full</span>` +
    `<span><i class="p">${STATUS_SYMBOL.partial}</i>部分覆盖 partial</span>` +
    `<span><i class="x">${STATUS_SYMBOL.none}</i>缺失 none</span>` +
    `<span><i class="na">${STATUS_SYMBOL.na}</i>未评估 not assessed</span>` +
    '<span>列：各行动/工程（粗体，整项）及其子项（编号见下方对照表）</span>' +
    '</div>'
  );
}

/**
 * The plans × template items heatmap as one HTML table: a header row of the top-level items (title and
 * id), a row of column numbers (the top-level item itself, then its sub-items 1…n), one row per plan
 * with a symbol in every cell, its score and its local extras, and a footer with each column's adoption.
 * String building only; about 60 bytes a cell.
 */
export function heatmapTable(columns: Columns, rows: readonly CoverageRow[], label: (r: CoverageRow) => string, link = true): string {
  const cols = columns.groups.flatMap((g) => [g.top, ...g.subs].map((c) => ({ ...c, first: c.index === 0 })));
  const out: string[] = [];
  out.push('<div class="scroll"><table class="heat"><thead><tr><th rowspan="2" class="rl">地区</th>');
  for (const g of columns.groups) {
    out.push(`<th class="grp" colspan="${g.subs.length + 1}" title="${h(g.top.id)}">${h(g.top.title)}<code>${h(g.top.id)}</code></th>`);
  }
  out.push('<th rowspan="2" class="rl">得分</th><th rowspan="2" class="rl">本地特色</th></tr><tr>');
  for (const c of cols) {
    out.push(`<th class="col${c.first ? ' top' : ''}" title="${h(c.id)} ${h(c.title)}">${c.first ? '◆' : c.index}</th>`);
  }
  out.push('</tr></thead><tbody>');
  const adoption = new Map<string, { full: number; partial: number; assessed: number }>();
  for (const r of rows) {
    const where = [r.province && r.province !== r.region ? r.province : '', LEVEL_ZH[r.level]].filter(Boolean).join(' · ');
    const name = link ? `<a href="#plan-${r.index + 1}">${h(label(r))}</a>` : h(label(r));
    out.push(`<tr><th class="rl">${name}<small>${h(where)}</small></th>`);
    if (r.error !== null) {
      out.push(`<td class="err" colspan="${cols.length}">未能读取：${h(r.error)}</td><td class="score">—</td><td class="ext"></td></tr>`);
      continue;
    }
    for (const c of cols) {
      const s = r.cells[c.id] ?? null;
      const cls = `c${c.first ? ' g0 top' : ''} ${s === null ? 'na' : STATUS_CLASS[s]}`;
      out.push(`<td class="${cls}" title="${h(c.id)}${s === null ? '' : ` ${STATUS_ZH[s]}`}">${STATUS_SYMBOL[s ?? 'na']}</td>`);
      if (s !== null) {
        const a = adoption.get(c.id) ?? { full: 0, partial: 0, assessed: 0 };
        a.assessed++;
        if (s === 'full') a.full++;
        else if (s === 'partial') a.partial++;
        adoption.set(c.id, a);
      }
    }
    const extras = r.extras.length > 3 ? `${r.extras.slice(0, 3).join('、')} 等${r.extras.length}项` : r.extras.join('、');
    out.push(`<td class="score">${r.score === null ? '—' : pct(r.score)}</td><td class="ext">${h(extras)}</td></tr>`);
  }
  out.push('</tbody><tfoot><tr><th>采用率</th>');
  for (const c of cols) {
    const a = adoption.get(c.id);
    out.push(`<td class="${c.first ? 'g0' : ''}">${a ? Math.round(((a.full + 0.5 * a.partial) / a.assessed) * 100) : '—'}</td>`);
  }
  out.push('<td colspan="2"></td></tr></tfoot></table></div>');
  return out.join('');
}

/** The column key: every top-level item with its numbered sub-items, titles and ids; then 组织实施. */
export function heatmapKey(columns: Columns): string {
  const out: string[] = ['<div class="key">'];
  for (const g of columns.groups) {
    out.push(`<div><b>◆ ${h(g.top.title)}<code>${h(g.top.id)}</code></b><ol>`);
    for (const s of g.subs) out.push(`<li>${h(s.title)}<code>${h(s.id)}</code></li>`);
    out.push('</ol></div>');
  }
  if (columns.org.length > 0) {
    out.push('<div><b>组织实施（不在热力图中）</b><ol>');
    for (const o of columns.org) out.push(`<li>${h(o.title)}<code>${h(o.id)}</code></li>`);
    out.push('</ol></div>');
  }
  out.push('</div>');
  return out.join('');
}
