import { describe, expect, it } from 'vitest';
import { loadPlanFromText } from '../../src/load/load-plan.js';
import { csvField, escapeHtml, escapeMarkdown } from '../../src/report/html/escape.js';
import { CSV_COLUMNS, renderCsv, renderTargetsCsv, TARGETS_CSV_COLUMNS } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderAnalysisText } from '../../src/report/render-analysis-text.js';
import { renderComparisonText } from '../../src/compare/render-compare-text.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { seedFiles } from '../seeds.js';
import { build, EVIL, hostileReport, SEED_REGIONS, seedInputs } from './helpers.js';

/** A small RFC 4180 reader, enough to check what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

const ITEM_COUNT = NATIONAL_2021.items.length;

describe('renderCsv (plan × template item)', () => {
  const { report, comparison } = seedInputs();
  const csv = renderCsv(report, comparison);
  const rows = parseCsv(csv.slice(1));

  it('is UTF-8 with a BOM, CRLF line ends, and the documented header', () => {
    expect(csv.startsWith('\ufeffsource,region,level,templateId,itemTitle')).toBe(true);
    expect(csv.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per plan × template item, every row full width', () => {
    expect(ITEM_COUNT).toBe(49);
    expect(rows.length - 1).toBe(5 * ITEM_COUNT);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    for (const region of SEED_REGIONS) expect(rows.filter((r) => r[1] === region)).toHaveLength(ITEM_COUNT);
  });

  it("says 兰州's exchange item is none and its youth.spirit is full, with section, measure and relation", () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const lanzhou = rows.filter((r) => r[col('region')] === '兰州市');
    const exchange = lanzhou.find((r) => r[col('templateId')] === 'exchange')!;
    expect(exchange[col('status')]).toBe('none');
    expect(exchange[col('itemTitle')]).toBe('科学素质国际交流合作工程');
    expect(exchange[col('sectionTitle')]).toBe('');
    const spirit = lanzhou.find((r) => r[col('templateId')] === 'youth.spirit')!;
    expect(spirit[col('status')]).toBe('full');
    expect(spirit[col('itemLevel')]).toBe('sub-item');
    expect(spirit[col('sectionTitle')]).toBe('青少年科学素质提升行动');
    expect(spirit[col('measureTitles')]).toBe('将科学精神融入教育全过程');
    const measure = report.plans.find((p) => p.region === '兰州市')!.sections[0]!.measures[0]!;
    expect(measure.templateId).toBe('youth.spirit');
    expect(spirit[col('relation')]).toBe(measure.relation);
    expect(Number(spirit[col('confidence')])).toBe(measure.confidence);
    // the other plans have the exchange project (中山, 砀山, 拉萨) except 上虞
    const statusOf = (region: string) => rows.find((r) => r[1] === region && r[3] === 'exchange')![col('status')];
    expect(['中山市', '砀山县', '拉萨市', '上虞区'].map(statusOf)).toEqual(['full', 'full', 'full', 'none']);
  });

  it('is in canonical order with a comparison, whatever order the plans came in', () => {
    const reversed = { ...report, plans: [...report.plans].reverse() };
    expect(renderCsv(reversed, comparison)).toBe(csv);
    expect(renderCsv(reversed).split('\r\n')[1]).toContain('seeds/004_');
  });

  it('quotes per RFC 4180 and defuses formulas in text cells', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
    const hostile = renderCsv(hostileReport());
    const parsed = parseCsv(hostile.slice(1));
    expect(parsed.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(parsed.some((r) => r[1] === `${EVIL}市`)).toBe(true);
  });
});

describe('renderTargetsCsv', () => {
  const { report, comparison } = seedInputs();

  it('ranks the five headline targets with deltas and z-scores from the comparison', () => {
    const rows = parseCsv(renderTargetsCsv(comparison).slice(1));
    expect(rows[0]).toEqual([...TARGETS_CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['上虞区', '中山市', '兰州市', '砀山县', '拉萨市']);
    expect(rows[1]).toEqual(['1', 'seeds/004_55c845f41c91051a.txt', '上虞区', 'district', '18.5', '>=', '2025', 'false', 'false', '3.5', 'exceeds', '', '1.249']);
    const lhasa = rows[5]!;
    expect([lhasa[5], lhasa[8], lhasa[9], lhasa[10]]).toEqual(['~', 'true', '-5', 'falls-short']);
    expect(rows[2]![7]).toBe('true'); // 中山 力争
  });

  it('gives the same ranking from the analysis report alone, without parent deltas or z', () => {
    const rows = parseCsv(renderTargetsCsv(report).slice(1));
    expect(rows.slice(1).map((r) => `${r[0]} ${r[2]} ${r[4]} ${r[9]} ${r[10]}`)).toEqual([
      '1 上虞区 18.5 3.5 exceeds',
      '2 中山市 16 1 exceeds',
      '3 兰州市 15 0 at-threshold',
      '4 砀山县 13 -2 falls-short',
      '5 拉萨市 10 -5 falls-short',
    ]);
    expect(rows.slice(1).every((r) => r[12] === '')).toBe(true);
  });
});

describe('renderMarkdown', () => {
  const { report, comparison } = seedInputs();
  const text = renderMarkdown(report, comparison);

  it('names all five regions, in the tables and as plan headings', () => {
    for (const region of SEED_REGIONS) {
      expect(text).toContain(`| ${region} |`);
      expect(text).toContain(`### ${region}（`);
    }
  });

  it('has the coverage table, the ranked targets and the comparison sections', () => {
    expect(text).toMatch(/\| 兰州市 \| 市级 \|(?: ● \|){9} ○ \| 21\+9\/34 \| 78\.4% \| 科普覆盖扩面工程 \|/u);
    expect(text).toContain('| 1 | 上虞区 | 区级 | ≥18.5% | 2025 | +3.5 | 高于全国 |');
    expect(text).toContain('| 科技小院 | 个 | 2 | 兰州市 4；砀山县 1 |');
    expect(text).toContain('## 上级方案链');
    expect(text).toContain('覆盖：行动/工程 完全 9 + 部分 0 / 10（90%）');
    expect(text).toContain('`exchange`');
  });

  it('keeps every table row the width of its header', () => {
    const lines = text.split('\n');
    let width = -1;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = -1;
        continue;
      }
      const cells = line.replace(/\\\|/gu, '').split('|').length;
      if (width === -1) width = cells;
      expect(cells, line).toBe(width);
    }
  });

  it('escapes pipes and markup from plan text', () => {
    const md = renderMarkdown(hostileReport());
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<svg');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\|pipe\\|');
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
  });

  it('keeps a source name with line breaks and backticks inside its code span, on one line', () => {
    const report = structuredClone(seedInputs().report);
    report.plans[0]!.source = 'a`b\n# Injected heading\r\n.txt';
    const md = renderMarkdown(report);
    expect(md).not.toMatch(/^# Injected heading/mu);
    expect(md).toContain("- 来源：`a'b # Injected heading .txt`\n");
  });
});

describe('renderHtml', () => {
  const { report, comparison } = seedInputs();
  const html = renderHtml(report, comparison);

  it('is one self-contained zh-CN page', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/https?:\/\//u);
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<link/iu);
    expect(html).not.toMatch(/url\(|@import|<iframe|<img/iu);
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
  });

  it('contains all five regions and every template item id and title', () => {
    for (const region of SEED_REGIONS) expect(html).toContain(region);
    for (const item of NATIONAL_2021.items) {
      expect(html).toContain(`<code>${item.id}</code>`);
      expect(html).toContain(escapeHtml(item.title));
    }
  });

  it('draws the heatmap, the target chart and the comparison tables', () => {
    expect(html.match(/<td class="c[^"]*"/gu)).toHaveLength(5 * 44);
    expect(html.match(/<td class="c g0 top x"/gu)).toHaveLength(1); // 兰州 lacks exchange; 上虞's is cut off, not assessed
    expect(html).toContain('<svg viewBox="0 0 820');
    expect(html).toContain('全国 2025年：超过15%');
    expect(html.match(/<circle /gu)!.length).toBeGreaterThanOrEqual(5);
    for (const t of ['≥18.5%', '力争≥16%', '≥15%', '≥13%', '≈10%']) expect(html).toContain(`>${t}<`);
    expect(html).toContain('id="indicators"');
    expect(html).toContain('id="agencies"');
    expect(html).toContain('id="parents"');
    expect(html).toContain('id="reuse"');
    expect(html).toContain('甘纲要办发〔2022〕1号');
  });

  it('lists each plan with target verdict, coverage denominators, missing items, extras and evidence offsets', () => {
    const lanzhou = html.slice(html.indexOf('id="plan-1"'), html.indexOf('id="plan-2"'));
    expect(lanzhou).toContain('兰州市');
    expect(lanzhou).toContain('2022—2025年');
    expect(lanzhou).toContain('持平（未承诺超过）');
    expect(lanzhou).toContain('touches 超过15% (2025) without promising it');
    expect(lanzhou).toContain('<td>行动/工程</td><td class="n">9</td><td class="n">0</td><td class="n">1</td><td class="n">10</td><td class="n">90%</td>');
    expect(lanzhou).toContain('<code>officials.recruitment</code>');
    expect(lanzhou).toContain('科普覆盖扩面工程');
    expect(lanzhou).toMatch(/青少年科学素质提升行动<small>@827–838<\/small>/u);
    expect(lanzhou).toContain('<span class="r-equivalent">等同</span>');
  });

  it('is deterministic and renders without a comparison too', () => {
    expect(renderHtml(report, comparison)).toBe(html);
    const alone = renderHtml(report, null, { title: '五地方案' });
    expect(alone).toContain('<title>五地方案</title>');
    for (const region of SEED_REGIONS) expect(alone).toContain(region);
    expect(alone.match(/<td class="c[^"]*"/gu)).toHaveLength(5 * 44);
    expect(alone).not.toContain('id="indicators"');
  });

  it('escapes everything that comes from a plan', () => {
    const page = renderHtml(hostileReport(), comparison, { title: EVIL });
    expect(page).not.toContain(EVIL);
    expect(page).not.toMatch(/<script|<img|<svg onload/iu);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(escapeHtml(`a"b'c<d>&`)).toBe('a&quot;b&#39;c&lt;d&gt;&amp;');
  });
});

describe('a batch with a file that could not be read', () => {
  const seeds = seedFiles().slice(0, 2);
  const { report, comparison } = build([...seeds.map((s) => loadPlanFromText(s.text, `seeds/${s.file}`)), loadPlanFromText('', 'broken/empty.txt')]);

  it('renders the unread plan as a row with its error in every format', () => {
    const html = renderHtml(report, comparison);
    expect(html).toMatch(/<td class="err" colspan="44">未能读取：[^<]*empty/u);
    expect(html).toContain('broken/empty.txt');
    const csv = parseCsv(renderCsv(report, comparison).slice(1));
    const bad = csv.filter((r) => r[0] === 'broken/empty.txt');
    expect(bad).toHaveLength(1);
    expect(bad[0]![6]).toBe('unread');
    expect(bad[0]![11]).toMatch(/empty/u);
    expect(csv.length - 1).toBe(2 * ITEM_COUNT + 1);
    expect(renderMarkdown(report, comparison)).toMatch(/broken\/empty\.txt/u);
    const targets = parseCsv(renderTargetsCsv(report).slice(1));
    expect(targets.at(-1)).toEqual(['', 'broken/empty.txt', '', 'unknown', '', '', '', '', '', '', 'unread', '', '']);
  });

  it('never throws on an empty report', () => {
    const empty = build([]);
    expect(renderHtml(empty.report, empty.comparison)).toContain('没有找到总体目标');
    expect(renderCsv(empty.report)).toBe(`\ufeff${CSV_COLUMNS.join(',')}\r\n`);
    expect(renderMarkdown(empty.report, empty.comparison)).toContain('# ');
  });
});

describe('many plans', () => {
  it('renders 3,200 plans quickly, the target chart as a histogram', () => {
    const { report, comparison } = seedInputs();
    const plans = Array.from({ length: 640 }, (_, k) => report.plans.map((p) => ({ ...p, source: `batch/${k}/${p.source}` }))).flat();
    const big = { ...report, plans };
    const bigComparison = {
      ...comparison,
      matrix: { ...comparison.matrix, rows: plans.map((p, i) => ({ ...comparison.matrix.rows[i % 5]!, source: p.source })) },
      targets: { ...comparison.targets, rows: plans.map((p, i) => ({ ...comparison.targets.rows[i % 5]!, source: p.source })) },
    };
    const html = renderHtml(big, bigComparison);
    expect(html.match(/<td class="c[^"]*"/gu)).toHaveLength(3200 * 44);
    expect(html).toContain('3200个总体目标的分布');
    const csv = renderCsv(big);
    expect(csv.split('\r\n').length - 2).toBe(3200 * ITEM_COUNT);
  });
});

describe('terminal text', () => {
  it('shows escape sequences and other controls from plan text as U+FFFD, keeping line breaks', () => {
    const { report, comparison } = seedInputs();
    const evil = structuredClone(report);
    evil.plans[0]!.title = '\u001b[31m\u001b]0;pwned\u0007兰州\r\u202e方案';
    const text = renderAnalysisText(evil);
    expect(text).not.toMatch(/[\u001b\u0007\r\u202e]/u);
    expect(text).toContain('\ufffd[31m\ufffd]0;pwned\ufffd兰州\ufffd\ufffd方案');
    expect(text.split('\n').length).toBe(renderAnalysisText(report).split('\n').length);
    const c = structuredClone(comparison!);
    c.diagnostics.push({ code: 'compare/no-target', severity: 'info', message: '\u001b[2Jgone', source: 'x' });
    expect(renderComparisonText(c)).toContain('\ufffd[2Jgone');
  });
});
