import { describe, expect, it } from 'vitest';
import type { Diagnostic, Target } from '../../src/model/index.js';
import { extractTargets } from '../../src/extract/extract-targets.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { loadGold, loadSeed } from './helpers.js';

const headline = (ts: Target[]) => ts.filter((t) => t.role === 'headline');
/** The warning of a plan with no headline, when it quotes nothing. */
const PLAIN_MISSING = 'no headline 公民具备科学素质的比例 target was found';
const read = (text: string, periodEnd: number | null = 2025) => {
  const diagnostics: Diagnostic[] = [];
  const targets = extractTargets(mapIdentity(text), { periodEnd }, diagnostics);
  return { targets, diagnostics, codes: diagnostics.map((d) => d.code) };
};
const messages = (text: string, periodEnd: number | null = 2025) => read(text, periodEnd).diagnostics.map((d) => d.message);

describe('extractTargets on the seeds', () => {
  const gold = loadGold();
  it.each(['000', '001', '002', '003', '004'])('seed %s: the headline matches the gold', (prefix) => {
    const { file, original, mt } = loadSeed(prefix);
    const g = gold.find((p) => p.file === file)!;
    const diagnostics: Diagnostic[] = [];
    const targets = extractTargets(mt, { periodEnd: g.period[1] }, diagnostics);
    const [h, ...more] = headline(targets);
    expect(more).toHaveLength(0);
    expect(h).toMatchObject({
      value: g.target.value,
      year: g.target.year,
      comparator: g.target.comparator,
      qualifiers: g.target.qualifiers,
      unit: '%',
      metric: '公民具备科学素质的比例',
    });
    const evidence = original.slice(h!.span.start, h!.span.end);
    expect(evidence).toContain('科学素质');
    expect(evidence.replace(/\s/gu, '')).toContain(String(g.target.value));
    expect(diagnostics.map((d) => d.code)).not.toContain('target/missing');
  });

  it('seed 003: 力争 is aspirational and 十三五末 …达10.8% is the 2020 baseline', () => {
    const { mt, original } = loadSeed('003');
    const targets = extractTargets(mt, { periodEnd: 2025 }, []);
    expect(headline(targets)[0]).toMatchObject({ value: 16, aspirational: true, qualifiers: ['力争', '达到'] });
    const baseline = targets.find((t) => t.role === 'baseline');
    expect(baseline).toMatchObject({ value: 10.8, year: 2020 });
    expect(original.slice(baseline!.span.start, baseline!.span.end)).toContain('10.8');
  });

  it('the seeds give the same headline when the period is unknown', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { mt } = loadSeed(prefix);
      expect(headline(extractTargets(mt, {}, []))[0]?.year).toBe(2025);
    }
  });
});

describe('extractTargets on other phrasings', () => {
  it.each([
    ['到2025年,全市公民具备科学素质的比例超过15%。', 15, '>', ['超过']],
    ['到2025年,全市公民具备科学素质的比例不低于12%。', 12, '>=', ['不低于']],
    ['到2025年,全县公民具备科学素质的比例提高到11.5%。', 11.5, '>=', ['提高到']],
    ['到2025年,全区公民具备科学素质的比例约为12%。', 12, '~', ['约']],
    ['到2025年,全区公民具备科学素质的比例达12%。', 12, '>=', ['达']],
    ['到2025年,我市具备科学素质的公民比例为14%。', 14, '=', []],
    ['“十四五”末,我州公民具备基本科学素质的比例力争超过百分之十五。', 15, '>', ['力争', '超过']],
    ['2025年:全市公民科学素质达标率达到15%以上。', 15, '>=', ['达到', '以上']],
  ])('%s', (text, value, comparator, qualifiers) => {
    const [h] = headline(read(text).targets);
    expect(h).toMatchObject({ value, comparator, qualifiers, year: 2025 });
  });

  it('reads 由…提高到…: the first figure is the baseline', () => {
    const { targets } = read('全市公民具备科学素质的比例由2020年的10.2%提高到2025年的15%以上。');
    expect(targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 10.2, 2020],
      ['headline', 15, 2025],
    ]);
  });

  it('skips a national figure quoted beside the local one, with a diagnostic', () => {
    const { targets, diagnostics } = read(
      '《纲要》提出,到2025年,我国公民具备科学素质的比例超过15%。到2025年,我市公民具备科学素质的比例达到13%(全国超过15%)。',
    );
    expect(targets.map((t) => t.value)).toEqual([13]);
    expect(headline(targets)[0]?.value).toBe(13);
    const skipped = diagnostics.filter((d) => d.code === 'target/national-figure-skipped');
    expect(skipped).toHaveLength(2);
    expect(skipped.every((d) => d.severity === 'info' && d.span !== undefined)).toBe(true);
  });

  it('reads a continuing clause with its own subject: the more local figure is the headline', () => {
    const { targets } = read('到2025年,全省公民具备科学素质的比例达到15%,全市达到16%。');
    expect(targets.map((t) => [t.role, t.value])).toEqual([
      ['other', 15],
      ['headline', 16],
    ]);
    const national = read('到2025年,我国公民具备科学素质的比例超过15%,我市达到18%以上。');
    expect(national.targets.map((t) => [t.role, t.value])).toEqual([['headline', 18]]);
    expect(national.codes).toEqual(['target/national-figure-skipped']);
  });

  it('does not take a comparison with the national average for a national figure', () => {
    expect(headline(read('到2025年,全市公民具备科学素质的比例达到全国平均水平16%。').targets)[0]?.value).toBe(16);
  });

  it('reads the 科学素养 wording', () => {
    expect(headline(read('到2025年,全县公民具备科学素养的比例达到12%。').targets)[0]?.value).toBe(12);
  });

  it('keeps the 2035 figure as other and the end-year figure as headline', () => {
    const { targets } = read('到2025年,全市公民具备科学素质的比例达到15%;到2035年,全市公民具备科学素质的比例达到25%。');
    expect(targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['headline', 15, 2025],
      ['other', 25, 2035],
    ]);
    expect(headline(read('到2035年,全市公民具备科学素质的比例达到25%;到2025年,全市公民具备科学素质的比例达到15%。', null).targets)[0]?.value).toBe(15);
  });

  it('does not read a figure of another metric after a comma', () => {
    const { targets } = read('到2025年,全市公民具备科学素质的比例稳步提升,居民健康素养水平达到25%。');
    expect(targets).toHaveLength(0);
  });

  it('reads a group figure as other, never as headline', () => {
    const { targets, codes } = read('到2025年,全市农民具备科学素质的比例达到10%。');
    expect(targets[0]).toMatchObject({ role: 'other', metric: '农民具备科学素质的比例', value: 10 });
    expect(codes).toContain('target/missing');
  });

  it('reads a change in percentage points as other', () => {
    const { targets } = read('到2025年,全市公民具备科学素质的比例提高3个百分点。');
    expect(targets[0]).toMatchObject({ role: 'other', unit: '百分点', value: 3 });
  });

  it('takes the headline year from the period when the sentence names none', () => {
    const [h] = headline(read('主要目标:全市公民具备科学素质的比例达到15%。', 2025).targets);
    expect(h?.year).toBe(2025);
  });

  it('warns when two local figures compete for the headline', () => {
    const { codes } = read('到2025年,全市公民具备科学素质的比例达到15%。到2025年,全市公民具备科学素质的比例达到16%。');
    expect(codes).toContain('target/ambiguous');
  });

  it('reads a range as its lower bound, at least, with a note, in either form; a range of points stays a change', () => {
    for (const [text, raw] of [
      ['到2025年,全市公民具备科学素质的比例力争达到15~16%。', '15~16%'],
      ['到2025年,全市公民具备科学素质的比例力争达到15%~16%。', '15%~16%'],
      ['到2025年,全市公民具备科学素质的比例力争达到15 %-16 %。', '15 %-16 %'],
    ] as const) {
      const { targets, diagnostics } = read(text);
      expect(targets).toHaveLength(1);
      expect(targets[0]).toMatchObject({ role: 'headline', value: 15, comparator: '>=', qualifiers: ['力争', '达到'], aspirational: true });
      // Not two figures competing for the headline (15% and 16%), nor 16 as the old reading of 15~16%.
      expect(diagnostics.map((d) => d.code)).toEqual(['target/range']);
      expect(diagnostics[0]!.message).toContain('15–16%');
      expect(text.slice(diagnostics[0]!.span!.start, diagnostics[0]!.span!.end)).toBe(raw);
    }
    const approx = read('到2025年,全市公民具备科学素质的比例达到15%~16%左右。').targets[0]!;
    expect(approx).toMatchObject({ value: 15, comparator: '~' });
    // 由…到… is a baseline and a target, not a range, with a dash too.
    for (const text of ['到2025年,全市公民具备科学素质的比例由2020年的10.5%提高到16%。', '到2025年,全市公民具备科学素质的比例由10.5%—16%。', '到2025年,全市公民具备科学素质的比例从10.5%-16%。']) {
      const r = read(text);
      expect(r.targets.map((t) => [t.role, t.value])).toEqual([
        ['baseline', 10.5],
        ['headline', 16],
      ]);
      expect(r.codes).not.toContain('target/range');
    }
    expect(read('公民具备科学素质的比例提高1~2个百分点,达到15%。').codes).not.toContain('target/range');
  });

  it('quotes a target stated without a figure when there is no headline', () => {
    for (const [text, said] of [
      ['到2025年,全市公民具备科学素质的比例比2020年翻一番。', '全市公民具备科学素质的比例比2020年翻一番'],
      ['到2025年,全县公民具备科学素质的比例达到全省平均水平。', '全县公民具备科学素质的比例达到全省平均水平'],
    ] as const) {
      const { diagnostics } = read(text);
      expect(diagnostics.map((d) => d.code), text).toEqual(['target/missing']);
      expect(diagnostics[0]!.message, text).toContain(`the plan states one without a figure: 「${said}」`);
      expect(text.slice(diagnostics[0]!.span!.start, diagnostics[0]!.span!.end)).toBe(said);
    }
    // With a figure, the headline; without any target words, the plain warning.
    expect(read('全市公民具备科学素质的比例位居全省前列,到2025年达到15%。').codes).toEqual([]);
    expect(messages('到2025年,全市公民具备科学素质的比例大幅提升。')).toEqual([PLAIN_MISSING]);
  });

  it('does not quote a state compared, nor another subject’s target after a comma, as a target without a figure', () => {
    for (const text of [
      '目前,我县公民具备科学素质的比例低于全省平均水平。',
      '全市公民具备科学素质的比例与全省平均水平仍有较大差距。',
      '到2025年,全市公民具备科学素质的比例稳步提升,科普工作继续保持全省领先。',
      '到2025年,全市公民具备科学素质的比例显著提高,人均科普经费达到全省平均水平。',
      '到2025年,全市公民科学素质水平不断提升,科普基础设施建设走在全省前列。',
    ]) expect(messages(text), text).toEqual([PLAIN_MISSING]);
    expect(read('到2025年,全县公民具备科学素质的比例力争达到或超过全省平均水平。').diagnostics[0]!.message).toContain('「全县公民具备科学素质的比例力争达到或超过全省平均水平」');
  });

  it('does not quote a state now or of an earlier plan as a target without a figure', () => {
    for (const text of [
      '目前,全市公民具备科学素质的比例高于全国平均水平。',
      '“十三五”期间,全市公民具备科学素质的比例高于全国平均水平。',
      '截至2020年底,我县公民具备科学素质的比例位居全省前列。',
      '到2025年,全市公民具备科学素质的比例已达到全省平均水平。',
    ]) expect(messages(text), text).toEqual([PLAIN_MISSING]);
    // A target: by a deadline, or in the plan's own five-year plan.
    expect(read('到2025年,全市公民具备科学素质的比例高于全国平均水平。').diagnostics[0]!.message).toContain('「全市公民具备科学素质的比例高于全国平均水平」');
    expect(read('“十三五”期间,全市公民具备科学素质的比例达到全省平均水平。', 2020).diagnostics[0]!.message).toContain('「全市公民具备科学素质的比例达到全省平均水平」');
  });

  it('warns when there is no headline', () => {
    const { targets, diagnostics } = read('提升全民科学素质。');
    expect(targets).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'target/missing', severity: 'warning' })]);
  });
});

describe('a percentage that is part of a longer number', () => {
  it('is no target, rather than its last digits', () => {
    for (const figure of ['12345%', '2000%', '.5%', '15.123456789012345%', '1234个百分点']) {
      const r = read(`到2025年,全市公民具备科学素质的比例达到${figure}。`);
      expect(headline(r.targets), figure).toEqual([]);
    }
    for (const [figure, value] of [['15%', 15], ['15.5%', 15.5], ['100%', 100], ['18.5 %', 18.5]] as const) {
      expect(headline(read(`到2025年,全市公民具备科学素质的比例达到${figure}。`).targets)[0]?.value, figure).toBe(value);
    }
  });
});

describe('an increase is no level', () => {
  const readText = (text: string) => ({ ...read(text), text });
  const said = (r: ReturnType<typeof readText>, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => r.text.slice(d.span!.start, d.span!.end));

  it('reads 提高1% (an increase, without 到) as a change, not the headline, and says so', () => {
    for (const [text, phrase] of [
      ['到2025年,全市公民具备科学素质的比例提高1%。', '提高1%'],
      ['到2025年,全市公民具备科学素质的比例提升了2%以上。', '提升了2%以上'],
      ['到2025年,全县公民具备科学素质的比例增长3%。', '增长3%'],
      ['到2025年,全市公民具备科学素质的比例提高1%-2%。', '提高1%-2%'],
    ] as const) {
      const r = readText(text);
      expect(headline(r.targets), text).toEqual([]);
      expect(r.targets.map((t) => t.role), text).toEqual(['other']);
      expect(said(r, 'target/change'), text).toEqual([phrase]);
      expect(r.codes, text).toContain('target/missing');
      // A range of an increase is no lower bound of a level.
      expect(r.codes, text).not.toContain('target/range');
    }
  });

  it('keeps the level stated after the increase, and every 提高到 and 由…提高到', () => {
    const r = readText('到2025年,全市公民具备科学素质的比例比2024年提高1%,达到15%。');
    expect(headline(r.targets).map((t) => t.value)).toEqual([15]);
    expect(said(r, 'target/change')).toEqual(['提高1%']);
    for (const text of ['到2025年,全市公民具备科学素质的比例提高到16%。', '到2025年,全市公民具备科学素质的比例由2020年的10.5%提高到16%。', '到2025年,全市公民具备科学素质的比例提升至13%。']) {
      const t = readText(text);
      expect(headline(t.targets)[0]?.value, text).toBe(text.includes('13%') ? 13 : 16);
      expect(t.codes, text).not.toContain('target/change');
    }
  });

  it('reads an implausibly large increase as the level meant (提高15% for 提高到15%), with a note', () => {
    const r = readText('到2025年,全市公民具备科学素质的比例提高15%。');
    expect(headline(r.targets)[0]).toMatchObject({ value: 15, comparator: '>=' });
    expect(said(r, 'target/change')).toEqual(['提高15%']);
    expect(r.diagnostics.find((d) => d.code === 'target/change')!.message).toContain('level 15%');
  });
});

describe('odd figures', () => {
  it('does not read 5% out of 1,5% (a decimal comma, or a stray one), and says so', () => {
    const text = '到2025年,全市公民具备科学素质的比例达到1,5%。';
    const r = read(text);
    expect(r.targets).toEqual([]);
    const d = r.diagnostics.find((x) => x.code === 'target/odd-figure')!;
    expect(d).toMatchObject({ severity: 'warning' });
    expect(text.slice(d.span!.start, d.span!.end)).toBe('1,5%');
    expect(d.message).toContain('1.5%? 15%?');
    expect(r.codes).toContain('target/missing');
    // A year and a comma before the figure are no decimal comma.
    expect(headline(read('到2025,全市公民具备科学素质的比例达到2025,15%。').targets)[0]?.value).toBe(15);
  });

  it('reads a minus sign before a share as a dash, with a note', () => {
    const text = '到2025年,全市公民具备科学素质的比例达到-15%。';
    const r = read(text);
    expect(headline(r.targets)[0]?.value).toBe(15);
    const d = r.diagnostics.find((x) => x.code === 'target/odd-figure')!;
    expect(d.severity).toBe('info');
    expect(text.slice(d.span!.start, d.span!.end)).toBe('-15%');
    // A range's dash is none of this.
    expect(read('到2025年,全市公民具备科学素质的比例达到15%-16%。').codes).not.toContain('target/odd-figure');
  });
});

describe('increases and odd figures, as the review found them', () => {
  it('reads every form of an increase as one: 了约, 了近, 至少, a stray minus', () => {
    for (const v of ['提高了约2%', '提高了近2%', '提高至少2%', '提升超过1.5%', '提高-2%']) {
      const r = read(`到2025年,全市公民具备科学素质的比例${v}。`);
      expect(headline(r.targets), v).toEqual([]);
      expect(r.codes, v).toContain('target/change');
    }
  });

  it('dates a target after 由…的 by its own words, not by the year of the value reached', () => {
    for (const v of ['由2020年的10.56%提高到15%', '由2020年的10.56%提高15%']) {
      const r = read(`到2025年,全市公民具备科学素质的比例${v}。`);
      expect(r.targets.map((t) => [t.role, t.value, t.year]), v).toEqual([
        ['baseline', 10.56, 2020],
        ['headline', 15, 2025],
      ]);
    }
    // A year of its own is kept.
    expect(headline(read('全市公民具备科学素质的比例由2020年的10.56%提高到2025年的15%。', null).targets)[0]?.year).toBe(2025);
  });

  it('prefers a level stated as one to a level read out of an increase', () => {
    const r = read('到2025年,全市公民具备科学素质的比例提高6%以上,达到15%。');
    expect(headline(r.targets).map((t) => t.value)).toEqual([15]);
    expect(r.codes).not.toContain('target/ambiguous');
  });

  it('takes no dash after a percentage for a minus sign, and skips a national figure with a comma as national', () => {
    for (const v of ['从10.5%-16%', '达到15%-16%', '达到16%-15%']) expect(read(`到2025年,全市公民具备科学素质的比例${v}。`).codes, v).not.toContain('target/odd-figure');
    const n = read('到2025年,全国公民具备科学素质的比例达到1,5%。');
    expect(n.codes).toContain('target/national-figure-skipped');
    expect(n.codes).not.toContain('target/odd-figure');
  });
});

describe('increases in points, and the year a change is measured from', () => {
  const said = (text: string, d: Diagnostic) => text.slice(d.span!.start, d.span!.end);

  it('dates a level after 比/较/与…相比/在…基础上 by the plan year, not by the year the change is measured from', () => {
    for (const v of ['比2020年提高5个百分点,达到15%', '较2020年提升了5个百分点,达到15%', '与2020年相比提高5个百分点,达到15%', '在2020年基础上提高5个百分点,达到15%']) {
      const r = read(`到2025年,全区公民具备科学素质的比例${v}。`);
      expect(headline(r.targets).map((t) => [t.value, t.year]), v).toEqual([[15, 2025]]);
      expect(r.targets.find((t) => t.unit === '百分点')?.year, v).toBe(2025);
    }
    // The reference year's own value keeps it: a baseline of 2020.
    const r = read('到2025年,全区公民具备科学素质的比例比2020年的10.5%提高5个百分点,达到15%。');
    expect(r.targets.filter((t) => t.role !== 'other').map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 10.5, 2020],
      ['headline', 15, 2025],
    ]);
  });

  it('reads a value reached plus an increase in points as the level, with its evidence and a note', () => {
    const text = '到2025年,全县公民具备科学素质的比例由2020年的8.5%提高3个百分点以上。';
    const r = read(text);
    expect(r.targets.map((t) => [t.role, t.value, t.unit])).toEqual([
      ['baseline', 8.5, '%'],
      ['other', 3, '百分点'],
      ['headline', 11.5, '%'],
    ]);
    const h = headline(r.targets)[0]!;
    expect(h).toMatchObject({ year: 2025, comparator: '>=', metric: '公民具备科学素质的比例' });
    expect(text.slice(h.span.start, h.span.end)).toBe('全县公民具备科学素质的比例由2020年的8.5%提高3个百分点以上');
    const note = r.diagnostics.filter((d) => d.code === 'target/change');
    expect(note.map((d) => said(text, d))).toEqual(['提高3个百分点以上']);
    expect(note[0]!.message).toContain('level 11.5%');
    expect(r.codes).not.toContain('target/missing');
    // Chinese numerals, a baseline at the end of the 13th five-year plan, its own sentence before.
    expect(headline(read('到2025年,公民具备科学素质比例由“十三五”末的9.2%提高三个百分点。').targets)[0]?.value).toBe(12.2);
    expect(headline(read('2020年全县公民具备科学素质的比例为8%,到2025年提高4个百分点。').targets)[0]?.value).toBe(12);
  });

  it('lets a level stated as one win over a level made of points, and makes none without a value reached', () => {
    const r = read('到2025年,全区公民具备科学素质的比例比2020年的10.5%提高5个百分点,达到15%。');
    expect(headline(r.targets).map((t) => t.value)).toEqual([15]);
    expect(r.codes).not.toContain('target/ambiguous');
    for (const v of ['在2020年基础上提高3个百分点', '较2020年提高2个百分点以上']) {
      const t = read(`到2025年,全县公民具备科学素质的比例${v}。`);
      expect(headline(t.targets), v).toEqual([]);
      expect(t.codes, v).toEqual(['target/change', 'target/missing']);
      expect(t.diagnostics[0]!.message, v).toContain('an increase in points, not a level');
    }
    // A percentage increase after a value stays an increase: 10% 提高2% may mean 12% or 10.2%.
    const p = read('到2025年,全市公民具备科学素质的比例由2020年的10%提高2%。');
    expect(headline(p.targets)).toEqual([]);
    expect(p.codes).toContain('target/missing');
  });
});

describe('increases in points, as the review found them', () => {
  const brief = (text: string, periodEnd: number | null = 2025) => read(text, periodEnd).targets.map((t) => [t.role, t.value, t.year]);

  it('keeps the value a reference year dates, however it is written after the year', () => {
    for (const v of ['较2020年(8.5%)提高3个百分点', '比2020年水平8.5%提高3个百分点', '较2020年全县8.5%的水平提高3个百分点', '在2020年8.5%的基础上提高3个百分点', '在2020年的8.5%基础上提高3个百分点']) {
      expect(brief(`到2025年,全县公民具备科学素质的比例${v}。`), v).toEqual([
        ['baseline', 8.5, 2020],
        ['other', 3, 2025],
        ['headline', 11.5, 2025],
      ]);
    }
    // A level stated after it is the headline, with no note and no second level.
    const r = read('到2025年,全县公民具备科学素质的比例比2020年(8.5%)提高3个百分点,达到11.5%。');
    expect(r.targets.map((t) => [t.role, t.value, t.year, t.comparator])).toEqual([
      ['baseline', 8.5, 2020, '='],
      ['other', 3, 2025, '='],
      ['headline', 11.5, 2025, '>='],
    ]);
    expect(r.codes).toEqual([]);
  });

  it('reads no 比 of a reference in 占比, and no 与 or 同 at all (参与2023年, 2023年与2025年)', () => {
    expect(brief('具备科学素质的公民占比2020年为8.5%,到2025年达到15%。')).toEqual([
      ['baseline', 8.5, 2020],
      ['headline', 15, 2025],
    ]);
    expect(brief('具备科学素质的公民占比2020年为8.5%。全县具备科学素质的公民占比力争达到15%。')).toEqual([
      ['baseline', 8.5, 2020],
      ['headline', 15, 2025],
    ]);
    // Two years and two figures: both dated by the nearer year, as before (an ambiguity said, no baseline made).
    const r = read('全县公民具备科学素质的比例2023年与2025年分别达到13%和15%。');
    expect(r.targets.map((t) => t.role)).not.toContain('baseline');
  });

  it('lets a level stated as one win over a level made of points even when the stated one names no year', () => {
    for (const text of [
      '全县公民具备科学素质的比例2020年为8.5%,到2025年提高3个百分点。主要指标:全县公民具备科学素质的比例达到12%以上。',
      '主要指标:全县公民具备科学素质的比例达到12%以上。全县公民具备科学素质的比例2020年为8.5%,到2025年提高3个百分点。',
      '到2025年,全县公民具备科学素质的比例比2020年的8.5%提高3个百分点。全县公民具备科学素质的比例力争达到12%。',
    ]) {
      const r = read(text);
      expect(headline(r.targets).map((t) => [t.value, t.year]), text).toEqual([[12, 2025]]);
      // The level made of points is not kept, and nothing says it was read.
      expect(r.targets.map((t) => t.value), text).not.toContain(11.5);
      expect(r.codes, text).not.toContain('target/change');
    }
    // Nor beside a stated level it differs from only in its comparator.
    const t = read('到2025年,全县公民具备科学素质的比例由2020年的8.5%提高3.5个百分点,达到12%左右。');
    expect(t.targets.filter((x) => x.value === 12).map((x) => [x.role, x.comparator])).toEqual([['headline', '~']]);
  });

  it('dates a level made of points by the plan, not by the year of the value reached', () => {
    expect(headline(read('2020年全县公民具备科学素质的比例为8.5%,力争提高3个百分点。').targets).map((t) => [t.value, t.year])).toEqual([[11.5, 2025]]);
  });

  it('makes no level of an increase already made, of another subject, or of a group', () => {
    for (const text of [
      '截至2020年底,全县公民具备科学素质的比例为8.5%,提高了3个百分点。',
      '全省公民具备科学素质的比例2020年为10%,全市提高3个百分点。',
      '到2025年,全县农民具备科学素质的比例由2020年的5%提高2个百分点。',
    ]) {
      const r = read(text);
      expect(headline(r.targets), text).toEqual([]);
      expect(r.targets.map((t) => t.value), text).not.toContain(11.5);
      expect(r.targets.map((t) => t.value), text).not.toContain(13);
      expect(r.targets.map((t) => t.value), text).not.toContain(7);
    }
  });

  it('reads points in Chinese numerals with a decimal (一点五个百分点)', () => {
    expect(brief('到2025年,全县公民具备科学素质的比例由2020年的8.5%提高一点五个百分点。')).toEqual([
      ['baseline', 8.5, 2020],
      ['other', 1.5, 2025],
      ['headline', 10, 2025],
    ]);
  });
});

describe('targets over lines and sentences, as the second review found them', () => {
  const brief = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year]);

  it('takes a year from the line before (a year on its own line), not from the sentence before', () => {
    expect(brief('到2025年\n全市公民具备科学素质的比例达到15%。\n到2035年\n全市公民具备科学素质的比例达到25%。')).toEqual([
      ['headline', 15, 2025],
      ['other', 25, 2035],
    ]);
    expect(brief('2020年\n全市公民具备科学素质的比例为10.2%。到2025年,全市公民具备科学素质的比例达到15%。')).toEqual([
      ['baseline', 10.2, 2020],
      ['headline', 15, 2025],
    ]);
  });

  it('keeps a level made of points over a 2035 target, an undated far one and a current value', () => {
    for (const after of ['\n到2035年\n全市公民具备科学素质的比例达到25%。', '远景目标:全市公民具备科学素质的比例达到25%。', '全市公民具备科学素质的比例现为10.2%。']) {
      const text = `到2025年,全市公民具备科学素质的比例由2020年的8.5%提高3个百分点。${after}`;
      expect(headline(read(text).targets).map((t) => [t.value, t.year]), after).toEqual([[11.5, 2025]]);
    }
  });

  it('leaves the older reading of 提高15% (the level meant) to win over an undated current value or target', () => {
    expect(headline(read('到2025年,全市公民具备科学素质的比例提高15%。全市公民具备科学素质的比例现为10.2%。').targets).map((t) => t.value)).toEqual([15]);
    expect(headline(read('到2025年,全市公民具备科学素质的比例提高15%以上。全市公民具备科学素质的比例力争达到16%。').targets).map((t) => t.value)).toEqual([15]);
  });

  it('makes the level when the increase is measured from the value’s own year (比2020年 after 2020年…为8.5%)', () => {
    expect(brief('2020年全市公民具备科学素质的比例为8.5%,到2025年比2020年提高3个百分点。')).toEqual([
      ['baseline', 8.5, 2020],
      ['other', 3, 2025],
      ['headline', 11.5, 2025],
    ]);
  });
});

describe('targets made of points, as the third review found them', () => {
  const values = (text: string) => headline(read(text).targets).map((t) => [t.value, t.year]);

  it('takes the level the plan states over the one made of points: in the same clause, for its year, or as a 目标值', () => {
    expect(values('到2025年,我县公民具备科学素质的比例由2020年的10.2%提高3个百分点至13%。')).toEqual([[13, 2025]]);
    const same = read('到2025年,我县公民具备科学素质的比例由2020年的10%提高3个百分点至13%。');
    expect(same.targets.filter((t) => t.value === 13)).toHaveLength(1);
    expect(values('到2025年,全市公民具备科学素质的比例在2020年10%的基础上提高3个百分点。\n主要指标:\n1.全市公民具备科学素质的比例2025年为13.5%。')).toEqual([[13.5, 2025]]);
    expect(values('到2025年,全市公民具备科学素质的比例在2020年10%的基础上提高3个百分点。主要指标:全市公民具备科学素质的比例目标值13.5%。')).toEqual([[13.5, 2025]]);
  });

  it('adds up no yearly increase, and makes no level of a gain already made in a review of the last plan', () => {
    for (const text of [
      '到2025年,全市公民具备科学素质的比例由2020年的10%年均提高0.6个百分点。',
      '到2025年,全市公民具备科学素质的比例在2020年10%的基础上每年提高1个百分点。',
      '截至2020年底,全市公民具备科学素质的比例达到10%,提高4个百分点。',
      '“十三五”期间,全市公民具备科学素质的比例由2015年的6%提高4个百分点。',
    ]) {
      expect(values(text), text).toEqual([]);
    }
  });

  it('keeps the county’s own level made of points over its city’s target in the same sentence', () => {
    expect(values('到2025年,全市公民具备科学素质的比例达到15%,我县公民具备科学素质的比例由2020年的10%提高3个百分点。')).toEqual([[13, 2025]]);
  });

  it('dates a target below a heading that ends with a full stop (（三）2035年远景目标。)', () => {
    const r = read('（二）2025年目标。全市公民具备科学素质的比例达到15%。\n（三）2035年远景目标。全市公民具备科学素质的比例达到25%。');
    expect(r.targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['headline', 15, 2025],
      ['other', 25, 2035],
    ]);
    expect(r.codes).not.toContain('target/ambiguous');
  });

  it('reads 基础之上 as a reference', () => {
    expect(values('到2025年,全县公民具备科学素质的比例在2020年的基础之上提高5个百分点,达到15%。')).toEqual([[15, 2025]]);
  });
});

describe('a current value', () => {
  it('reads 现为/目前为/当前为 as a value reached: a baseline, and the base of a level made of points', () => {
    expect(read('全市公民具备科学素质的比例现为10%,到2025年提高3个百分点。').targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 10, null],
      ['other', 3, 2025],
      ['headline', 13, 2025],
    ]);
    expect(read('全市公民具备科学素质的比例目前为10%,到2025年达到15%。').targets.map((t) => [t.role, t.value])).toEqual([
      ['baseline', 10],
      ['headline', 15],
    ]);
    // 实现为 is no 现为.
    expect(headline(read('全市公民具备科学素质的比例力争实现为15%。').targets).map((t) => t.value)).toEqual([15]);
  });
});

describe('targets, as the fourth review found them', () => {
  const plan = (text: string, periodEnd: number | null = 2025) => read(text, periodEnd).targets.map((t) => [t.role, t.value, t.year]);

  it('makes no level of a review of the last plan that names its own deadline (到2020年)', () => {
    for (const text of ['到2020年,全市公民具备科学素质的比例由2015年的6%提高4个百分点。', '到2020年底,全市公民具备科学素质的比例由2015年的6%提高4个百分点。']) {
      expect(headline(read(text).targets), text).toEqual([]);
    }
  });

  it('keeps the year of a target after ；in a list by year', () => {
    expect(plan('到2035年全市科普经费增长50%;全市公民具备科学素质的比例达到25%。到2025年全市科普经费增长20%;全市公民具备科学素质的比例达到15%。')).toEqual([
      ['other', 25, 2035],
      ['headline', 15, 2025],
    ]);
  });

  it('lets a stated target of the plan-end year beat an undated level made of points when the period is unknown', () => {
    expect(headline(read('全县公民具备科学素质的比例由2020年的10%力争提高3个百分点。全县公民具备科学素质的比例2025年达到20%。', null).targets).map((t) => [t.value, t.year])).toEqual([[20, 2025]]);
  });

  it('takes no rival at or below the value the level was made from, and reads 5 points as near whatever the decimals', () => {
    const r = read('“十三五”期间,全市公民具备科学素质的比例达到10.2%,圆满完成目标任务。到2025年,全市公民具备科学素质的比例由2020年的10.2%提高3个百分点。');
    expect(headline(r.targets).map((t) => t.value)).toEqual([13.2]);
    // 8.1 + 3 and 16.1 are 5 points apart (5.000000000000002 in floating point): near, so the stated one wins.
    expect(headline(read('全县公民具备科学素质的比例由2020年的8.1%力争提高3个百分点。远景目标:全县公民具备科学素质的比例达到16.1%。').targets).map((t) => t.value)).toEqual([16.1]);
  });

  it('takes 力争 anywhere in the clause as saying the increase is ahead', () => {
    expect(headline(read('全市公民具备科学素质的比例力争由2020年的10%提高3个百分点。').targets).map((t) => t.value)).toEqual([13]);
  });

  it('reads a plan of 145,000 headline figures without running out of stack', () => {
    const text = `。公民具备科学素质的比例达到${'15%、'.repeat(38)}`.repeat(5000);
    expect(read(text, null).targets.length).toBe(145000);
  });
});

describe('targets made of points, as the fifth review found them', () => {
  it('makes no level whose deadline is 2020 or earlier, even when the period is read as ending then or not known', () => {
    for (const [text, end] of [
      ['到2020年底,全市公民具备科学素质的比例由2015年的6%提高4个百分点。', 2020],
      ['到2020年,全市公民具备科学素质的比例由2015年的6%提高4个百分点。', null],
      ['全市公民具备科学素质的比例由2015年的6%力争提高4个百分点。', 2020],
    ] as const) {
      expect(headline(read(text, end).targets), text).toEqual([]);
    }
  });

  it('dates a level made of points by its deadline, never by the year of the value it was made from', () => {
    expect(headline(read('到2025年,全县公民具备科学素质的比例由2020年的9%提高3个百分点。', null).targets).map((t) => [t.value, t.year])).toEqual([[12, 2025]]);
    expect(headline(read('全市公民具备科学素质的比例由2020年的8.5%力争提高3个百分点。', null).targets).map((t) => [t.value, t.year])).toEqual([[11.5, null]]);
    // A plan-end year without 到 is a deadline too (2025年:…), when the period is known.
    expect(headline(read('2025年:中山市公民具备科学素质的比例由2020年的13%提高3个百分点。').targets).map((t) => [t.value, t.year])).toEqual([[16, 2025]]);
  });

  it('dates a target on the line below a heading that ends with a full stop', () => {
    const r = read('（二）2025年目标。全市公民具备科学素质的比例达到15%。\n（三）2035年远景目标。\n全市公民具备科学素质的比例达到25%。');
    expect(r.targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['headline', 15, 2025],
      ['other', 25, 2035],
    ]);
  });
});

describe('targets in lists and tables', () => {
  const brief = (text: string, end: number | null = 2025) => read(text, end).targets.filter((t) => t.role !== 'other').map((t) => [t.role, t.value, t.year]);

  it('reads the figures after a colon that labels the metric (比例:…, 比例目标:…)', () => {
    expect(brief('全县公民具备科学素质的比例:2025年达到15%。')).toEqual([['headline', 15, 2025]]);
    expect(brief('1.公民具备科学素质的比例:2020年10.2%,2025年15%。')).toEqual([
      ['baseline', 10.2, 2020],
      ['headline', 15, 2025],
    ]);
    expect(brief('全县公民具备科学素质的比例目标:13.5%。')).toEqual([['headline', 13.5, 2025]]);
    expect(brief('全县公民具备科学素质的比例:2020年9.6%,2025年目标12.6%,属性:预期性。', null)).toEqual([
      ['baseline', 9.6, 2020],
      ['headline', 12.6, 2025],
    ]);
  });

  it('takes no label before a figure of another kind, a group or a place, nor a past series or a year after its figure', () => {
    for (const list of ['基期值10.2%,目标值15%', '现状值10.2%,2025年目标值15%', '城镇居民20%,农村居民10%', '全省15%,全县13%', '10.2%(2020年)→15%(2025年)', '2019年8%,2020年10.2%']) {
      for (const end of [2025, null]) expect(headline(read(`全县公民具备科学素质的比例:${list}。`, end).targets), `${list} ${end}`).toEqual([]);
    }
  });

  it('goes on with the metric in a clause led by a year of the plans (…,2035年达到25%), not one about a share of something else', () => {
    expect(read('到2025年,全市公民具备科学素质的比例达到15%,2035年达到25%。').targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['headline', 15, 2025],
      ['other', 25, 2035],
    ]);
    for (const v of ['20%', '20%以上', '80%左右']) {
      const r = read(`到2025年,全县公民具备科学素质的比例达到15%,2025年达到${v}的乡镇建成科普站。`);
      expect(r.targets.map((t) => t.value), v).toEqual([15]);
      expect(r.codes, v).not.toContain('target/ambiguous');
    }
    expect(read('到2025年,全市公民具备科学素质的比例达到15%,20%的农村居民参加培训。').targets.map((t) => t.value)).toEqual([15]);
  });
});

describe('ranges written with 至, ranges of points and bases named after the figure', () => {
  const brief = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year, t.comparator]);
  const notes = (text: string, code: string) => read(text).diagnostics.filter((d) => d.code === code).map((d) => d.message);

  it('reads 12%至13% and 12至13% as a range, not two figures competing', () => {
    for (const [figure, raw] of [['12%至13%', '12%至13%'], ['12至13%', '12至13%'], ['12%到13%', '12%到13%']] as const) {
      const text = `到2025年,全市公民具备科学素质的比例达到${figure}。`;
      const r = read(text);
      expect(brief(text), figure).toEqual([['headline', 12, 2025, '>=']]);
      expect(r.codes, figure).toEqual(['target/range']);
      expect(text.slice(r.diagnostics[0]!.span!.start, r.diagnostics[0]!.span!.end)).toBe(raw);
    }
    // 由/从 …至…: a value reached and a target, as with a dash.
    expect(brief('到2025年,全市公民具备科学素质的比例从10.5%至16%。').map(([role, value]) => [role, value])).toEqual([
      ['baseline', 10.5],
      ['headline', 16],
    ]);
  });

  it('makes a range of points after a value reached into a range of levels, read as its lower bound', () => {
    for (const [points, level, note] of [
      ['2-3', 12, '12–13%, at least 12%'],
      ['2至3', 12, '12–13%, at least 12%'],
      ['1.5~2.5', 11.5, '11.5–12.5%, at least 11.5%'],
    ] as const) {
      const text = `到2025年,全市公民具备科学素质的比例由2020年的10%提高${points}个百分点。`;
      expect(brief(text).filter((t) => t[0] !== 'other'), points).toEqual([
        ['baseline', 10, 2020, '='],
        ['headline', level, 2025, '>='],
      ]);
      expect(notes(text, 'target/change'), points).toEqual([`「提高${points}个百分点」 after 10% is read as the level ${note} (10 + ${points.replace(/[-至~]/u, '–')} points)`]);
    }
    // Without a value to add them to, still no level.
    expect(read('到2025年,全市公民具备科学素质的比例提高2-3个百分点。').codes).toContain('target/missing');
  });

  it('takes a figure before 的基础上 or 为基数 as the value reached, and 力争 before it as the increase’s', () => {
    const r = read('到2025年,全市公民具备科学素质的比例力争在2020年10%的基础上提高3个百分点。');
    expect(r.targets.filter((t) => t.role !== 'other').map((t) => [t.role, t.value, t.year, t.qualifiers, t.aspirational])).toEqual([
      ['baseline', 10, 2020, [], false],
      ['headline', 13, 2025, ['力争'], true],
    ]);
    expect(brief('到2025年,全市公民具备科学素质的比例以2020年的10.5%为基数,提高3个百分点。').filter((t) => t[0] !== 'other')).toEqual([
      ['baseline', 10.5, 2020, '='],
      ['headline', 13.5, 2025, '>='],
    ]);
    // A stated level after the base still wins, with its own words.
    expect(brief('到2025年,全市公民具备科学素质的比例在2020年10.56%的基础上,力争达到15%。')).toEqual([
      ['baseline', 10.56, 2020, '='],
      ['headline', 15, 2025, '>='],
    ]);
  });
});

describe('comparators and stretch goals', () => {
  const brief = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.comparator, t.qualifiers]);

  it('takes the comparator from the figure’s own clause, and 达到或超过 as at least', () => {
    expect(brief('到2025年,全市公民具备科学素质的比例超过全国平均水平,达到15%。')).toEqual([['headline', 15, '>=', ['达到']]]);
    expect(brief('到2025年,全市公民具备科学素质的比例不低于全省平均水平,力争达到15%。')).toEqual([['headline', 15, '>=', ['力争', '达到']]]);
    expect(brief('到2025年,全市公民具备科学素质的比例达到或超过15%。')).toEqual([['headline', 15, '>=', ['达到或超过']]]);
    expect(brief('到2025年,全市公民具备科学素质的比例超过15%。')).toEqual([['headline', 15, '>', ['超过']]]);
  });

  it('dates no value already reached by the deadline ahead, but keeps a review’s year', () => {
    const years = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year]);
    for (const text of ['到2025年,全市公民具备科学素质的比例由10.5%提高到16%。', '到2025年,全市公民具备科学素质的比例从目前的10.5%提高到16%。']) {
      expect(years(text), text).toEqual([
        ['baseline', 10.5, null],
        ['headline', 16, 2025],
      ]);
    }
    expect(years('到2020年底,全市公民具备科学素质的比例已达到10.5%。到2025年,全市公民具备科学素质的比例达到15%。')).toEqual([
      ['baseline', 10.5, 2020],
      ['headline', 15, 2025],
    ]);
  });

  it('gives a group named after 其中 its own figure, not a rival of the headline', () => {
    const r = read('到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民达到18%,农村居民达到10%。');
    expect(r.targets.map((t) => [t.role, t.metric, t.value])).toEqual([
      ['headline', '公民具备科学素质的比例', 15],
      ['other', '城镇居民具备科学素质的比例', 18],
    ]);
    expect(r.codes).toEqual([]);
  });

  it('dates a figure after a value reached by the deadline before that value (到2035年,…由2025年的12%提高到25%)', () => {
    const r = read('到2035年,全市公民具备科学素质的比例由2025年的12%提高到25%。');
    // The 2035 vision is no 2025 headline (it was: 25% by 2025, 10 points above the nation's).
    expect([r.targets.map((t) => [t.role, t.value, t.year]), r.codes]).toEqual([
      [
        ['baseline', 12, 2025],
        ['other', 25, 2035],
      ],
      ['target/missing'],
    ]);
  });

  it('reads no stretch when the figure striven for may be another year’s or another measure’s', () => {
    // 到2035年 may be the 25%'s year: two figures competing, as before.
    expect(read('到2035年,在2025年全区公民具备科学素质的比例达到15%的基础上,力争达到25%。').codes).toEqual(['target/ambiguous']);
    // A clause about another measure does not go on with the metric: the 100% is an indicator, not a target.
    const r = read('到2025年,全省具备科学素质的公民比例达到10%,力争乡镇科普站覆盖率达到100%。');
    expect([r.targets.map((t) => t.value), r.codes]).toEqual([[10], []]);
  });

  it('gives a stretch striven for right after one group to that group, not to the plan', () => {
    const r = read('到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民达到18%,力争达到19%。');
    expect(r.targets.map((t) => [t.role, t.metric, t.value])).toEqual([
      ['headline', '公民具备科学素质的比例', 15],
      ['other', '城镇居民具备科学素质的比例', 18],
      ['other', '城镇居民具备科学素质的比例', 19],
    ]);
    expect(r.codes).toEqual([]);
    // After two groups, or with a subject of its own, it is the plan's.
    for (const text of ['到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民和农村居民分别达到18%和10%,力争达到16%。', '到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民达到18%,全市力争达到16%。']) {
      expect(read(text).codes, text).toEqual(['target/stretch']);
    }
  });

  it('reads a firm level and a higher one striven for in one sentence as the headline and a stretch goal, in either order', () => {
    for (const text of ['到2025年,全市公民具备科学素质的比例达到15%以上,力争达到16%。', '到2025年,全市公民具备科学素质的比例力争达到16%,确保达到15%。']) {
      const r = read(text);
      expect(headline(r.targets).map((t) => t.value), text).toEqual([15]);
      expect(r.targets.find((t) => t.value === 16)?.role, text).toBe('other');
      expect(r.codes, text).toEqual(['target/stretch']);
      const d = r.diagnostics[0]!;
      expect(text.slice(d.span!.start, d.span!.end), text).toMatch(/^(?:全市公民具备科学素质的比例)?力争达到16%$/u);
      expect(d.message).toBe('16% (力争、达到) is read as a stretch goal beyond the headline 15%');
    }
    // In two sentences, or a lower figure striven for: still two figures competing.
    expect(read('到2025年,全市公民具备科学素质的比例达到15%。到2025年,全市公民具备科学素质的比例力争达到16%。').codes).toEqual(['target/ambiguous']);
    expect(read('到2025年,全市公民具备科学素质的比例达到15%以上,力争达到14%。').codes).toEqual(['target/ambiguous']);
  });
});

describe('review of d68e5fa: 至 after an increase, targets restated as a base', () => {
  const brief = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year]);

  it('reads 提高3%至15% as an increase and the level it reaches, not a range from 3%', () => {
    for (const text of [
      '到2025年,全市公民具备科学素质的比例提高3%至15%。',
      '到2025年,全市公民具备科学素质的比例比2020年提高4.44%至15%。',
      '到2025年,全市公民具备科学素质的比例增长3%到15%。',
    ]) {
      const r = read(text);
      expect(r.targets.filter((t) => t.role === 'headline').map((t) => [t.value, t.comparator]), text).toEqual([[15, '>=']]);
      expect(r.codes, text).not.toContain('target/range');
    }
    // An increase over 5 points is read as the level meant (提高到), and must not become a range of 5.2–16%.
    expect(read('到2025年,全市公民具备科学素质的比例比2020年提高5.2%至16%。').targets.find((t) => t.role === 'headline')?.value).toBe(16);
    // Ranges of increases stay ranges.
    expect(read('到2025年,全市公民具备科学素质的比例由2020年的10%提高2至3个百分点。').targets.find((t) => t.role === 'headline')?.value).toBe(12);
  });

  it('does not take a target restated before 的基础上 for a value reached', () => {
    expect(brief('全市公民具备科学素质的比例在2025年达到15%的基础上,2035年达到25%。')).toEqual([
      ['headline', 15, 2025],
      ['other', 25, 2035],
    ]);
    expect(brief('全市公民具备科学素质的比例2025年力争达到15%的基础上,2035年达到25%。')[0]).toEqual(['headline', 15, 2025]);
    expect(read('全市公民具备科学素质的比例2025年力争达到15%的基础上,2035年达到25%。').targets[0]!.aspirational).toBe(true);
    expect(brief('到2035年,在2025年全市公民具备科学素质的比例达到15%的基础上,力争达到25%。')[0]).toEqual(['headline', 15, 2025]);
    expect(brief('以全市公民具备科学素质的比例达到15%为基础,推动全民科学素质整体提升。')).toEqual([['headline', 15, 2025]]);
    // A national figure between the base and the increase does not take the base's 力争.
    expect(
      read('到2025年,全市公民具备科学素质的比例力争在2020年10%的基础上(全国为15%),提高3个百分点。').targets.find((t) => t.role === 'headline'),
    ).toMatchObject({ value: 13, aspirational: true });
    // A value said reached by a past year is still the base.
    expect(brief('到2025年,全市公民具备科学素质的比例在2020年底达到8.5%的基础上提高3个百分点。').filter((t) => t[0] !== 'other')).toEqual([
      ['baseline', 8.5, 2020],
      ['headline', 11.5, 2025],
    ]);
  });
});

describe('ranges written with spaces, and wide ones without a target word', () => {
  it('reads 12% 至 13% and 2 至 3个百分点 as ranges', () => {
    expect(read('到2025年,全市公民具备科学素质的比例达到12% 至 13%。').codes).toEqual(['target/range']);
    expect(headline(read('到2025年,全市公民具备科学素质的比例由2020年的10%提高2 至 3个百分点。').targets).map((t) => t.value)).toEqual([12]);
  });

  it('keeps a wide 至 range with no target word before it as two figures competing (from … to …)', () => {
    expect(read('到2025年,全市公民具备科学素质的比例10.56%至15%。').codes).toEqual(['target/ambiguous']);
    expect(read('到2025年,全市公民具备科学素质的比例12%至13%。').codes).toEqual(['target/range']);
    expect(read('到2025年,全市公民具备科学素质的比例达到10%至15%。').codes).toEqual(['target/range']);
  });
});

describe('targets of plans that review the last plan first', () => {
  const roles = (text: string, end: number | null = 2025) => read(text, end).targets.map((t) => [t.role, t.value, t.year]);
  const S = '全县公民具备科学素质的比例';

  it('reads a value at a deadline already reached as a baseline, and the plan’s own as the headline', () => {
    const text = `一、主要目标\n到2020年,${S}达到8%,已完成"十三五"目标。到2025年,${S}达到12%。`;
    const { targets } = read(text);
    expect(targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 8, 2020],
      ['headline', 12, 2025],
    ]);
    expect(targets.map((t) => text.slice(t.span.start, t.span.end))).toEqual([`${S}达到8%`, `${S}达到12%`]);
    expect(roles(`到2020年,${S}达到8%。到2025年,${S}达到12%。`)).toEqual([
      ['baseline', 8, 2020],
      ['headline', 12, 2025],
    ]);
  });

  it('reads an undated value followed in its sentence by a deadline reached as a value reached', () => {
    expect(roles(`“十三五”时期,${S}由2015年的5%提高到8%,到2020年已实现规划目标。到2025年,${S}达到12%。`)).toEqual([
      ['baseline', 5, 2015],
      ['baseline', 8, null],
      ['headline', 12, 2025],
    ]);
    // Not a target whose sentence goes on to a deadline ahead.
    expect(roles(`${S}力争达到12%,到2025年建成科普示范县。`)).toEqual([['headline', 12, 2025]]);
  });

  it('keeps a 2020 target of a 2016–2020 plan, and a figure dated across a full stop by a deadline reached', () => {
    expect(roles(`到2020年,${S}达到10%,如期完成目标任务。`, 2020)).toEqual([['headline', 10, 2020]]);
    expect(roles(`到2015年,${S}达到5%,已完成“十二五”目标。到2020年,${S}达到10%。`, 2020)).toEqual([
      ['baseline', 5, 2015],
      ['headline', 10, 2020],
    ]);
  });
});

describe('review of 00c0163: 确保 of another subject, bare floors, groups listed after 其中, reviews dated by 到', () => {
  it('does not read a rate or share after 确保 as the metric (确保科普场馆覆盖率达到90%, 确保80%的乡镇…)', () => {
    for (const text of [
      '到2025年,全市公民具备科学素质的比例达到15%,确保科普场馆覆盖率达到90%。',
      '到2025年,全市公民具备科学素质的比例达到15%,确保80%的乡镇建有科普活动站。',
      '到2025年,全市公民具备科学素质的比例达到15%,确保到2025年各县区乡镇达到100%。',
      '到2025年,全市公民具备科学素质的比例达到15%,确保科普经费投入增长10%。',
    ]) {
      const r = read(text);
      expect(r.targets.map((t) => [t.role, t.value]), text).toEqual([['headline', 15]]);
      expect(r.codes, text).toEqual([]);
    }
    // 确保 followed by the metric's own level still continues it.
    expect(read('到2025年,全市公民具备科学素质的比例力争达到16%,确保达到15%。').codes).toEqual(['target/stretch']);
    expect(read('到2025年,全市公民具备科学素质的比例力争达到16%,确保15%。').codes).toEqual(['target/stretch']);
  });

  it('gives no stretch note over a bare figure that may be the value reached (比例10.56%,力争达到15%)', () => {
    for (const text of [
      '到2025年,全市公民具备科学素质的比例10.56%,力争达到15%。',
      '到2025年,全市公民具备科学素质的比例在现有10.56%的水平上,力争达到15%。',
    ]) {
      expect(read(text).codes, text).toEqual(['target/ambiguous']);
    }
  });

  it('names each group of a 其中 list (其中城镇居民和农村居民分别达到18%和10%; …18%、农村居民达到10%)', () => {
    for (const text of [
      '到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民和农村居民分别达到18%和10%。',
      '到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民、农村居民分别达到18%、10%。',
      '到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民达到18%、农村居民达到10%。',
    ]) {
      const r = read(text);
      expect(r.targets.map((t) => [t.role, t.metric, t.value]), text).toEqual([
        ['headline', '公民具备科学素质的比例', 15],
        ['other', '城镇居民具备科学素质的比例', 18],
        ['other', '农村居民具备科学素质的比例', 10],
      ]);
      expect(r.codes, text).toEqual([]);
    }
    // One group, two figures of it.
    expect(read('到2025年,全市公民具备科学素质的比例达到15%,其中城镇居民由15%提高到18%。').targets.map((t) => t.metric)).toEqual([
      '公民具备科学素质的比例',
      '城镇居民具备科学素质的比例',
      '城镇居民具备科学素质的比例',
    ]);
  });

  it('keeps the year of a value said reached by 到2021年底 (a review in a 2022 plan), not of one a change starts from', () => {
    const r = read('到2021年底,全市公民具备科学素质的比例已达到11.2%。到2025年,全市公民具备科学素质的比例达到15%。');
    expect(r.targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 11.2, 2021],
      ['headline', 15, 2025],
    ]);
    expect(read('到2025年,全市公民具备科学素质的比例由10.5%提高到16%。').targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 10.5, null],
      ['headline', 16, 2025],
    ]);
    expect(read('到2025年,全市公民具备科学素质的比例在已达到10.5%的基础上,提高到16%。').targets[0]!.year).toBeNull();
  });
});

describe('targets by year after a semicolon', () => {
  it('reads the next deadline\'s figure of the metric after ；/; (到2023年…10%;到“十四五”末,达到12%: 12% was not read, 10% the headline)', () => {
    for (const text of [
      '到2023年,全市公民具备科学素质的比例达到10%；到“十四五”末,达到12%。',
      '到2023年,全市公民具备科学素质的比例达到10%;到2025年,达到12%。',
      '到2023年,全市公民具备科学素质的比例达到10%；到十四五末,达到12%。',
    ]) {
      const r = read(text);
      expect(r.targets.map((t) => [t.role, t.value, t.year]), text).toEqual([
        ['other', 10, 2023],
        ['headline', 12, 2025],
      ]);
      expect(text.slice(...([r.targets[1]!.span.start, r.targets[1]!.span.end] as const))).toContain('达到12%');
    }
    // A value reached, then the target: no headline was found.
    expect(read('2020年全市公民具备科学素质的比例为8.5%；到2025年,达到12%。').targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 8.5, 2020],
      ['headline', 12, 2025],
    ]);
    // The vision after the plan's target is read too, as another year's figure.
    const vision = read('到2025年,全市公民具备科学素质的比例达到15%；到2035年,力争达到25%。').targets;
    expect(vision.map((t) => [t.role, t.value, t.year, t.aspirational])).toEqual([
      ['headline', 15, 2025, false],
      ['other', 25, 2035, true],
    ]);
  });

  it('reads a five-year plan\'s end as the deadline without 到, after a semicolon or a comma (；“十四五”末达到12%: 12% was not read)', () => {
    for (const text of [
      '到2023年,全市公民具备科学素质的比例达到10%；“十四五”末达到12%。',
      '到2023年,全市公民具备科学素质的比例达到10%；“十四五”末,达到12%。',
      '到2023年,全市公民具备科学素质的比例达到10%,“十四五”末达到12%。',
      '到2023年,全市公民具备科学素质的比例达到10%,十四五期末力争达到12%。',
    ]) {
      expect(read(text).targets.map((t) => [t.role, t.value, t.year]), text).toEqual([
        ['other', 10, 2023],
        ['headline', 12, 2025],
      ]);
    }
    // Another measure after it is not the metric's.
    expect(read('到2023年,全市公民具备科学素质的比例达到10%,“十四五”末全市科普场馆达到12个。').targets.map((t) => [t.role, t.value, t.year])).toEqual([['headline', 10, 2023]]);
    // Nor a share of something else, as after a year (,2025年达到80%的乡镇…).
    for (const text of [
      '到2023年,全市公民具备科学素质的比例达到10%,“十四五”末达到80%的乡镇建有科普站。',
      '到2023年,全市公民具备科学素质的比例达到10%；“十四五”末达到80%以上的乡镇建有科普站。',
      '到2023年,全市公民具备科学素质的比例达到10%；到“十四五”末达到80%的乡镇建有科普站。',
    ]) {
      expect(read(text).targets.map((t) => [t.role, t.value, t.year]), text).toEqual([['headline', 10, 2023]]);
    }
  });

  it('takes a figure followed by 的 after a deadline for a share of something else, unless it is the metric\'s (的目标, 的水平)', () => {
    const rows = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year]);
    // 80% of the townships became the headline (to 2025 after a comma was not taken as a year).
    expect(rows('到2023年,全市公民具备科学素质的比例达到10%,到2025年达到80%的乡镇建有科普站。')).toEqual([['headline', 10, 2023]]);
    // 15% 的目标 was not read at all.
    expect(rows('到2023年,全市公民具备科学素质的比例达到10%,2025年达到15%的目标。')).toEqual([
      ['other', 10, 2023],
      ['headline', 15, 2025],
    ]);
    expect(rows('到2023年,全市公民具备科学素质的比例达到10%,到2025年达到15%的水平。')).toEqual([
      ['other', 10, 2023],
      ['headline', 15, 2025],
    ]);
  });

  it('keeps a figure after a deadline the metric\'s when 的 leads to a target or level word with words before it (的预期目标, 的全省平均水平)', () => {
    const rows = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year]);
    for (const tail of ['的预期目标', '的既定目标', '的奋斗目标', '的良好水平', '的全省平均水平', '的比例', '的“十四五”目标', '的约束性指标']) {
      const text = `到2023年,全市公民具备科学素质的比例达到10%,到2025年达到15%${tail}。`;
      expect(rows(text), text).toEqual([
        ['other', 10, 2023],
        ['headline', 15, 2025],
      ]);
    }
    // The 2025 figure was lost and its year given to the figure before it.
    expect(rows('全市公民具备科学素质的比例达到12%,到2025年达到15%的预期目标。')).toEqual([
      ['other', 12, null],
      ['headline', 15, 2025],
    ]);
    // A share of something else, even when a target or level word ends its clause, is still not the metric's.
    for (const text of [
      '到2023年,全市公民具备科学素质的比例达到10%,到2025年达到80%的社区达到标准化水平。',
      '到2023年,全市公民具备科学素质的比例达到10%,到2025年达到80%的乡镇建成科普站的目标。',
      '到2023年,全市公民具备科学素质的比例达到10%,到2025年达到90%的县区。',
    ]) {
      expect(rows(text), text).toEqual([['headline', 10, 2023]]);
    }
  });

  it('does not go on past a semicolon into another measure or without a deadline', () => {
    for (const text of [
      '全市公民具备科学素质的比例达到15%；到2025年,科普经费达到每人2元,覆盖率达到90%。',
      '全市公民具备科学素质的比例达到15%；全县建成科普基地10个,覆盖率达到90%。',
      '全市公民具备科学素质的比例达到15%；科普场馆覆盖率达到90%。',
      '全市公民具备科学素质的比例达到15%；2025年全县科普基地覆盖率达到90%。',
    ]) {
      expect(read(text).targets.map((t) => [t.role, t.value]), text).toEqual([['headline', 15]]);
    }
  });
});

describe('an increase range below the value it starts from', () => {
  it('reads 由2020年的10%提高4%至6% as a range of increases, not the level 6% (it was the headline)', () => {
    for (const text of [
      '到2025年,全市公民具备科学素质的比例由2020年的10%提高4%至6%。',
      '到2025年,全市公民具备科学素质的比例在2020年10%的基础上提高4%至6%。',
      '到“十四五”末,我县公民具备科学素质的比例由2020年的13.2%提高4% 至 6%。',
    ]) {
      const r = read(text);
      expect(headline(r.targets), text).toEqual([]);
      expect(r.codes, text).toEqual(['target/change', 'target/missing']);
      expect(r.targets.find((t) => t.role === 'other')?.value, text).toBe(4);
    }
    // Above the value reached, 至 still gives the level reached.
    expect(headline(read('到2025年,全市公民具备科学素质的比例由2020年的10%提高3%至15%。').targets).map((t) => [t.value, t.comparator])).toEqual([[15, '>=']]);
  });
});

describe('review of cd3be03: what a clause after a semicolon goes on with', () => {
  const roles = (text: string) => read(text).targets.map((t) => [t.role, t.value, t.year]);

  it('does not take a share of something else, or another place, after ；到2025年 as the metric\'s figure', () => {
    // 80% of schools, the province's 13%: neither is the city's headline (both were not read before cd3be03).
    expect(roles('到2023年,全市公民具备科学素质的比例达到10%；到2025年,力争80%的中小学建成科普特色学校。')).toEqual([['headline', 10, 2023]]);
    expect(roles('全市公民具备科学素质的比例达到15%；到2025年,力争85%以上的乡镇建成科普e站。')).toEqual([['headline', 15, 2025]]);
    expect(roles('到2023年,全市公民具备科学素质的比例达到10%；到2025年,全省达到13%。')).toEqual([['headline', 10, 2023]]);
    expect(roles('2020年全市公民具备科学素质的比例为8.5%；到2025年全市科普示范学校占比达到30%。')).toEqual([['baseline', 8.5, 2020]]);
    // The plan's own place, restated, goes on with it.
    expect(roles('到2023年,全市公民具备科学素质的比例达到10%；到2025年,全市达到12%。')).toEqual([
      ['other', 10, 2023],
      ['headline', 12, 2025],
    ]);
  });

  it('reads the next year\'s figure after ；力争到2025年, ；2025年 and ；到“十四五”期末 too', () => {
    for (const next of ['力争到2025年达到12%', '2025年达到12%', '到“十四五”期末,达到12%']) {
      const text = `到2023年,全市公民具备科学素质的比例达到10%；${next}。`;
      expect(roles(text), text).toEqual([
        ['other', 10, 2023],
        ['headline', 12, 2025],
      ]);
    }
  });
});

describe('review of cd3be03: a review\'s figure after a semicolon', () => {
  it('does not make the figure of an earlier plan\'s end (；到2020年,达到10.2%) the headline of a 2021–2025 plan', () => {
    for (const text of [
      '2015年,全市公民具备科学素质的比例为5.5%；到2020年,达到10.2%。',
      '2015年,全市公民具备科学素质的比例为5.5%,到2020年,达到10.2%。',
    ]) {
      const r = read(text);
      expect(r.targets.filter((t) => t.role === 'headline'), text).toEqual([]);
      expect(r.codes, text).toContain('target/missing');
    }
    // With the plan's own target, that figure is the baseline.
    const r = read('2015年,全市公民具备科学素质的比例为5.5%；到2020年底,提高到10.2%,圆满完成“十三五”目标。到2025年,全市公民具备科学素质的比例达到15%。');
    expect(r.targets.map((t) => [t.role, t.value, t.year])).toEqual([
      ['baseline', 5.5, 2015],
      ['baseline', 10.2, 2020],
      ['headline', 15, 2025],
    ]);
  });
});

describe('review of 6c40382: the value an increase starts from is the subject\'s own', () => {
  const at = (text: string, value: number) => read(text).targets.filter((t) => t.value === value).map((t) => [t.role, t.metric, t.comparator]);

  it('does not hold another subject\'s base against a group or the plan (its 9% lost 至\'s level)', () => {
    // The whole region's 12% is no floor for its rural residents (was 9% plain, '=').
    expect(at('到2025年,全市公民具备科学素质的比例由2020年的12%提高到16%,其中农村居民提高4%至9%。', 9)).toEqual([
      ['other', '农村居民具备科学素质的比例', '>='],
    ]);
    // Nor the nation's (was 9% plain; with 至6% the headline was lost to a range of increases).
    expect(headline(read('到2025年,全县公民具备科学素质的比例(全国已达10.56%)提高4%至9%。').targets).map((t) => [t.value, t.comparator])).toEqual([[9, '>=']]);
    expect(headline(read('到2025年,全县公民具备科学素质的比例(全国已达10.56%)提高4%至6%。').targets).map((t) => [t.value, t.comparator])).toEqual([[6, '>=']]);
  });

  it('reads a wide range below the base as increases too (由2020年的10%提高2%至8%: 8% was the headline)', () => {
    const r = read('到2025年,全县公民具备科学素质的比例由2020年的10%提高2%至8%。');
    expect(headline(r.targets)).toEqual([]);
    expect(r.codes).toEqual(['target/change', 'target/missing']);
    expect(r.targets.find((t) => t.role === 'other')).toMatchObject({ value: 2, comparator: '>=' });
  });

  it('holds a level reached before as the floor of a later increase (提高到12%,2035年提高4%至9%)', () => {
    const r = read('到2025年,全县公民具备科学素质的比例由2020年的8%提高到12%,2035年提高4%至9%。');
    expect(headline(r.targets).map((t) => t.value)).toEqual([12]);
    expect(r.targets.some((t) => t.value === 9)).toBe(false);
  });
});
