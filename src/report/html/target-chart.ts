import type { TargetVerdict } from '../../analyze/schema.js';
import type { Comparator } from '../../model/plan.js';
import { escapeHtml as h } from './escape.js';
import { COMPARATOR_ZH, LEVEL_ZH, num, targetText, VERDICT_ZH, type TargetPoint } from './view-model.js';

const VERDICT_COLOUR: Record<TargetVerdict, string> = {
  exceeds: '#2a7a62',
  meets: '#2a7a62',
  'at-threshold': '#c26a12',
  'falls-short': '#b24a3b',
  unknown: '#8a93a3',
};

/** Above this many targets the chart shows their distribution instead of one row each. */
export const DOT_CHART_MAX = 60;

interface Line {
  value: number;
  comparator: Comparator;
  year: number;
}

/**
 * The target chart as inline SVG: one row per plan (highest first) with a bar to its value and a marker
 * (filled: a commitment; hollow: 力争, aspirational; a whisker: 约/左右, approximate), the comparator and
 * verdict written beside it, and the national target as a dashed line. More than {@link DOT_CHART_MAX}
 * targets: a histogram of values in 1-point bins with the same line.
 */
export function targetChart(points: readonly TargetPoint[], national: Line | null, label: (p: TargetPoint) => string): string {
  if (points.length === 0) return '<p class="note">没有找到总体目标（公民具备科学素质的比例），无图可画。</p>';
  return points.length > DOT_CHART_MAX ? histogram(points, national) : dotChart(points, national, label);
}

/** One decimal: short, stable coordinates. */
function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

function niceMax(values: readonly number[]): number {
  const m = Math.max(20, ...values);
  const step = m > 50 ? 10 : 5;
  return Math.ceil((m + 0.5) / step) * step;
}

function dotChart(points: readonly TargetPoint[], national: Line | null, label: (p: TargetPoint) => string): string {
  const W = 820;
  const L = 170;
  const R = 230;
  const T = 44;
  const RH = 30;
  const P = W - L - R;
  const xMax = niceMax([...points.map((p) => p.value + (p.approximate ? 1 : 0)), national?.value ?? 0]);
  const x = (v: number) => r1(L + (Math.max(0, v) / xMax) * P);
  const plotBottom = T + points.length * RH;
  const H = plotBottom + 76;
  const step = xMax > 50 ? 10 : 5;
  const out: string[] = [];
  const desc = `各地总体目标（公民具备科学素质的比例），共${points.length}个${national ? `；全国${national.year}年目标${COMPARATOR_ZH[national.comparator]}${num(national.value)}%` : ''}`;
  out.push(`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(desc)}">`);
  out.push(`<title>${h(desc)}</title>`);
  // grid and axis
  for (let v = 0; v <= xMax; v += step) {
    out.push(`<line x1="${x(v)}" y1="${T - 6}" x2="${x(v)}" y2="${plotBottom}" stroke="#e6e9ef" stroke-width="1"/>`);
    out.push(`<text x="${x(v)}" y="${plotBottom + 16}" font-size="11" fill="#5b6473" text-anchor="middle">${v}%</text>`);
  }
  out.push(`<line x1="${L}" y1="${plotBottom}" x2="${L + P}" y2="${plotBottom}" stroke="#8a93a3" stroke-width="1"/>`);
  // rows
  points.forEach((p, i) => {
    const cy = T + i * RH + RH / 2;
    const colour = VERDICT_COLOUR[p.verdict];
    if (i % 2 === 0) out.push(`<rect x="4" y="${T + i * RH}" width="${W - 8}" height="${RH}" fill="#f8f9fb"/>`);
    out.push(`<text x="${L - 12}" y="${cy + 4}" font-size="13" fill="#1d2430" text-anchor="end">${h(label(p))}<tspan font-size="11" fill="#8a93a3"> ${h(LEVEL_ZH[p.level])}</tspan></text>`);
    out.push(`<rect x="${L}" y="${cy - 4}" width="${r1(Math.max(0, x(p.value) - L))}" height="8" rx="2" fill="${colour}" fill-opacity="0.22"/>`);
    if (p.approximate) {
      const a = x(p.value - 1);
      const b = x(p.value + 1);
      out.push(`<path d="M${a} ${cy}H${b}M${a} ${cy - 5}V${cy + 5}M${b} ${cy - 5}V${cy + 5}" stroke="${colour}" stroke-width="1.5" fill="none"/>`);
    }
    const fill = p.aspirational ? '#ffffff' : colour;
    out.push(`<circle cx="${x(p.value)}" cy="${cy}" r="6" fill="${fill}" stroke="${colour}" stroke-width="2"/>`);
    const year = p.year !== null && national && p.year !== national.year ? `（${p.year}年）` : p.year === null ? '（年份不明）' : '';
    out.push(
      `<text x="${L + P + 12}" y="${cy + 4}" font-size="13" fill="#1d2430"><tspan font-weight="600">${h(targetText(p))}</tspan>${h(year)}<tspan fill="${colour}" font-size="12"> ${h(VERDICT_ZH[p.verdict])}</tspan></text>`,
    );
  });
  // the national line on top
  if (national) {
    const nx = x(national.value);
    out.push(`<line x1="${nx}" y1="${T - 14}" x2="${nx}" y2="${plotBottom}" stroke="#b24a3b" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    out.push(`<text x="${nx}" y="${T - 20}" font-size="12" fill="#b24a3b" text-anchor="middle">全国 ${national.year}年：${COMPARATOR_ZH[national.comparator]}${num(national.value)}%</text>`);
  }
  out.push(legend(L, plotBottom + 44));
  out.push('</svg>');
  return out.join('');
}

function legend(x0: number, y: number): string {
  const parts: string[] = [];
  let x = x0;
  const item = (mark: string, text: string, width: number) => {
    parts.push(mark.replace(/X/gu, String(x)));
    parts.push(`<text x="${x + 14}" y="${y + 4}" font-size="12" fill="#5b6473">${text}</text>`);
    x += width;
  };
  item(`<circle cx="X" cy="${y}" r="5" fill="#5b6473" stroke="#5b6473" stroke-width="2"/>`, '承诺目标', 96);
  item(`<circle cx="X" cy="${y}" r="5" fill="#fff" stroke="#5b6473" stroke-width="2"/>`, '力争（aspirational）', 156);
  item(`<path d="M${x - 7} ${y}H${x + 7}M${x - 7} ${y - 5}V${y + 5}M${x + 7} ${y - 5}V${y + 5}" stroke="#5b6473" stroke-width="1.5"/>`, '约/左右（approximate）', 170);
  item(`<line x1="X" y1="${y - 8}" x2="X" y2="${y + 8}" stroke="#b24a3b" stroke-width="1.5" stroke-dasharray="4 3"/>`, '全国目标', 90);
  return parts.join('');
}

function histogram(points: readonly TargetPoint[], national: Line | null): string {
  const W = 820;
  const L = 56;
  const T = 40;
  const PH = 200;
  const P = W - L - 24;
  const lo = Math.floor(Math.min(...points.map((p) => p.value), national?.value ?? Infinity));
  const hi = Math.ceil(Math.max(...points.map((p) => p.value), national?.value ?? -Infinity)) + 1;
  const bins = new Map<number, { n: number; aspirational: number }>();
  for (const p of points) {
    const b = Math.floor(p.value);
    const e = bins.get(b) ?? { n: 0, aspirational: 0 };
    e.n++;
    if (p.aspirational) e.aspirational++;
    bins.set(b, e);
  }
  const maxN = Math.max(...[...bins.values()].map((b) => b.n));
  const bw = P / (hi - lo);
  const x = (v: number) => r1(L + (v - lo) * bw);
  const y = (n: number) => r1(T + PH - (n / maxN) * PH);
  const H = T + PH + 64;
  const desc = `${points.length}个总体目标的分布（每1个百分点一组）`;
  const out: string[] = [`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(desc)}"><title>${h(desc)}</title>`];
  for (let v = lo; v <= hi; v++) {
    if ((hi - lo > 30 && v % 5 !== 0) || (hi - lo > 12 && v % 2 !== 0)) continue;
    out.push(`<text x="${x(v)}" y="${T + PH + 16}" font-size="11" fill="#5b6473" text-anchor="middle">${v}%</text>`);
  }
  out.push(`<text x="${L - 8}" y="${T - 18}" font-size="11" fill="#5b6473" text-anchor="end">方案数</text><text x="${L - 8}" y="${T + 4}" font-size="11" fill="#5b6473" text-anchor="end">${maxN}</text><text x="${L - 8}" y="${T + PH}" font-size="11" fill="#5b6473" text-anchor="end">0</text>`);
  for (const [b, e] of [...bins.entries()].sort((p, q) => p[0] - q[0])) {
    out.push(`<rect x="${x(b) + 1}" y="${y(e.n)}" width="${r1(Math.max(1, bw - 2))}" height="${r1(T + PH - y(e.n))}" fill="#1f5f99" fill-opacity="0.75"><title>${b}–${b + 1}%: ${e.n}（力争 ${e.aspirational}）</title></rect>`);
  }
  out.push(`<line x1="${L}" y1="${T + PH}" x2="${L + P}" y2="${T + PH}" stroke="#8a93a3"/>`);
  if (national) {
    const nx = x(national.value);
    out.push(`<line x1="${nx}" y1="${T - 12}" x2="${nx}" y2="${T + PH}" stroke="#b24a3b" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    out.push(`<text x="${nx}" y="${T - 18}" font-size="12" fill="#b24a3b" text-anchor="middle">全国 ${national.year}年：${COMPARATOR_ZH[national.comparator]}${num(national.value)}%</text>`);
  }
  const asp = points.filter((p) => p.aspirational).length;
  const approx = points.filter((p) => p.approximate).length;
  out.push(`<text x="${L}" y="${T + PH + 44}" font-size="12" fill="#5b6473">共 ${points.length} 个目标；其中力争（aspirational）${asp} 个，约/左右（approximate）${approx} 个。</text>`);
  out.push('</svg>');
  return out.join('');
}
