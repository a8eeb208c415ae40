import { describe, expect, it } from 'vitest';
import { ComparisonReportSchema } from '../../src/compare/schema.js';
import { compareBatch, seedBatch } from './helpers.js';

const c = compareBatch(seedBatch());
const byRegion = (region: string) => c.matrix.rows.find((r) => r.region === region);

describe('comparePlans on the five seeds', () => {
  it('is a valid ComparisonReport', () => {
    expect(ComparisonReportSchema.safeParse(c).success).toBe(true);
    expect(c.schemaVersion).toBe(1);
    expect(c.plans).toBe(5);
    expect(c.template?.id).toBe('national-2021');
  });

  it('ranks the targets 上虞区 > 中山市 > 兰州市 > 砀山县 > 拉萨市 with their deltas and verdicts', () => {
    const rows = c.targets.rows;
    expect(rows.map((r) => r.region)).toEqual(['上虞区', '中山市', '兰州市', '砀山县', '拉萨市']);
    expect(rows.map((r) => r.value)).toEqual([18.5, 16, 15, 13, 10]);
    expect(rows.map((r) => r.deltaVsNational)).toEqual([3.5, 1, 0, -2, -5]);
    expect(rows.map((r) => r.verdict)).toEqual(['exceeds', 'exceeds', 'at-threshold', 'falls-short', 'falls-short']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.year === 2025 && r.inStats && r.nationalTemplate === 'national-2021')).toBe(true);
    expect(rows.find((r) => r.region === '中山市')?.aspirational).toBe(true);
    expect(rows.find((r) => r.region === '拉萨市')).toMatchObject({ comparator: '~', approximate: true });
    // No parent plan is in the batch: no delta against a parent.
    expect(rows.every((r) => r.deltaVsParent === null && r.parent === null)).toBe(true);
    expect(c.targets.withoutTarget).toEqual([]);
  });

  it('computes peer statistics with z-scores', () => {
    const s = c.targets.stats;
    expect(s.status).toBe('ok');
    if (s.status !== 'ok') return;
    expect(s).toMatchObject({ n: 5, year: 2025, mean: 14.5, median: 15, min: 10, max: 18.5 });
    // Sample standard deviation: sqrt(41 / 4).
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(41 / 4), 3);
    expect(s.quantiles.p25).toBeLessThanOrEqual(s.median);
    expect(s.quantiles.p75).toBeGreaterThanOrEqual(s.median);
    const z = Object.fromEntries(c.targets.rows.map((r) => [r.region, r.z]));
    expect(z['上虞区']).toBeCloseTo(4 / Math.sqrt(41 / 4), 2);
    expect(z['拉萨市']).toBeCloseTo(-4.5 / Math.sqrt(41 / 4), 2);
    expect(s.zScores).toHaveLength(5);
  });

  it('flags the periods that start in another year', () => {
    const f = c.targets.flags.find((x) => x.code === 'period-start-differs');
    expect(f?.sources).toEqual(['seeds/001_a778eabecd33c60a.txt', 'seeds/002_3c722ad7abbba4b7.txt']);
    expect(c.targets.flags.some((x) => x.code === 'target-year-differs')).toBe(false);
  });

  it('traces 砀山 up through 宿州市 and 安徽省 to the national outline', () => {
    const d = c.parents.find((p) => p.region === '砀山县');
    expect(d?.chain.map((l) => l.region)).toEqual(['宿州市', '安徽省', '全国']);
    expect(d?.chain.map((l) => l.document?.docNumber)).toEqual(['宿政办秘〔2022〕25号', '皖政办秘〔2021〕121号', '国发〔2021〕9号']);
    expect(d?.chain.every((l) => l.cited && l.inBatch.length === 0)).toBe(true);
    const lanzhou = c.parents.find((p) => p.region === '兰州市');
    expect(lanzhou?.chain.map((l) => `${l.region} ${l.document?.docNumber}`)).toEqual(['甘肃省 甘纲要办发〔2022〕1号', '全国 国发〔2021〕9号']);
    // 上虞 cites no region: its parents come from the gazetteer, uncited.
    const shangyu = c.parents.find((p) => p.region === '上虞区');
    expect(shangyu?.chain.map((l) => [l.region, l.cited])).toEqual([
      ['绍兴市', false],
      ['浙江省', false],
      ['全国', true],
    ]);
    // 中山 cites its province's plan by title only, and laws that are not plans.
    const zs = c.parents.find((p) => p.region === '中山市');
    expect(zs?.chain[0]).toMatchObject({ region: '广东省', cited: true, document: { docNumber: null } });
    expect(zs?.chain).toHaveLength(2);
  });

  it('lines up 科技小院: 兰州 4, 砀山 1', () => {
    const row = c.indicators.find((r) => r.key === '科技小院');
    expect(row?.unit).toBe('个');
    expect(row?.values.map((v) => [v.region, v.value])).toEqual([
      ['兰州市', 4],
      ['砀山县', 1],
    ]);
    const volunteers = c.indicators.find((r) => r.key === '科技志愿者' && r.unit === '人');
    expect(volunteers?.values.map((v) => [v.region, v.value, v.comparator])).toEqual([
      ['砀山县', 20000, '>'],
      ['兰州市', 1000, '>='],
    ]);
    const bases = c.indicators.find((r) => r.key === '科普基地');
    expect(bases?.values.filter((v) => v.region === '兰州市').map((v) => v.scope)).toEqual(['市级', '省级', '国家级']);
    // 人次 is never merged with 人.
    for (const r of c.indicators) expect(new Set(r.values.map(() => r.unit)).size).toBe(1);
    expect(c.indicators.some((r) => r.key === '农民培训' && r.unit === '人次')).toBe(true);
  });

  it("names 中山's lead units for all its actions and projects", () => {
    const zs = 'seeds/003_a2c2ef432eea6382.txt';
    const led = c.agencies.items.filter((i) => i.leads.some((l) => l.source === zs && l.role === '牵头' && l.units.length > 0));
    expect(led.length).toBeGreaterThanOrEqual(10);
    const aligned = seedBatch().report.plans.find((p) => p.source === zs)!.sections.filter((s) => s.templateId !== null);
    expect(aligned).toHaveLength(10);
    for (const s of aligned) expect(led.map((i) => i.templateId)).toContain(s.templateId);
    expect(c.agencies.extras.find((e) => e.source === zs)).toMatchObject({ title: '实施科普产业繁荣工程', role: '牵头', units: ['科技部门', '工信部门'] });
    const youth = c.agencies.items.find((i) => i.templateId === 'youth');
    expect(youth?.units[0]).toEqual({ unit: '教育部门', plans: 5 });
    expect(youth?.leads.find((l) => l.source === zs)?.raw).toEqual(['市教育体育局']);
    // 兰州 names only 责任单位.
    expect(youth?.leads.find((l) => l.region === '兰州市')).toMatchObject({ role: '责任', units: ['教育部门', '科协'] });
  });

  it('shows 兰州 without the exchange project in the matrix', () => {
    expect(byRegion('兰州市')?.cells['exchange']).toBe('none');
    expect(byRegion('兰州市')?.extras).toEqual(['科普覆盖扩面工程']);
    expect(byRegion('砀山县')?.cells['exchange']).toBe('full');
    const exchange = c.matrix.items.find((i) => i.id === 'exchange');
    // 上虞 stops before its exchange project could appear: not assessed rather than absent.
    expect(byRegion('上虞区')?.cells['exchange']).toBeNull();
    expect(exchange?.adoption).toMatchObject({ assessed: 4, none: 1, rate: 0.75 });
    expect(c.matrix.items.filter((i) => i.level === 'section').map((i) => i.id)).toEqual([
      'youth', 'farmers', 'workers', 'elderly', 'officials', 'resources', 'digital', 'infrastructure', 'grassroots', 'exchange',
    ]);
    expect(c.matrix.items.some((i) => i.id === 'youth.spirit' && i.parent === 'youth')).toBe(true);
    // Ranks follow the scores, best first, ties sharing a rank.
    const rows = [...c.matrix.rows].sort((a, b) => a.rank! - b.rank!);
    expect(rows[0]?.rank).toBe(1);
    rows.forEach((r, i) => {
      if (i > 0) expect(r.score!).toBeLessThanOrEqual(rows[i - 1]!.score!);
      if (i > 0 && r.score === rows[i - 1]!.score) expect(r.rank).toBe(rows[i - 1]!.rank);
    });
    expect(byRegion('兰州市')!.score!).toBeLessThan(byRegion('砀山县')!.score!);
  });

  it('reports the outliers: the exchange gaps and the lowest target', () => {
    expect(c.outliers.filter((o) => o.kind === 'coverage').map((o) => o.region)).toEqual(['兰州市']);
    expect(c.outliers.find((o) => o.kind === 'target' && o.region === '拉萨市')?.message).toMatch(/below/u);
  });

  it('has no diagnostics on the seeds', () => {
    expect(c.diagnostics).toEqual([]);
  });
});
