import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/index.js';
import fc from 'fast-check';
import { citedAt, citedAtFrom, extractPeriod } from '../../src/extract/extract-period.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { lineOf, loadGold, loadSeed } from './helpers.js';

const read = (text: string, titleEnd: number | null = null) => {
  const diagnostics: Diagnostic[] = [];
  const period = extractPeriod(mapIdentity(text), titleEnd === null ? null : { start: 0, end: titleEnd }, diagnostics);
  return { period, codes: diagnostics.map((d) => d.code) };
};

/** The years of the period read from `text` (null when none). */
const years = (text: string) => {
  const p = read(text).period;
  return p && [p.start, p.end];
};

describe('extractPeriod on the seeds', () => {
  const gold = loadGold();
  it.each([
    ['000', '兰州市全民科学素质行动规划纲要实施方案', 'stated'],
    ['001', '砀山县全民科学素质行动规划纲要', 'stated'],
    ['002', '拉萨市全民科学素质行动计划纲要实施方案', 'implied'],
    ['003', '中山市人民政府关于印发', 'stated'],
    ['004', null, 'stated'],
  ] as const)('seed %s', (prefix, title, basis) => {
    const { file, original, mt } = loadSeed(prefix);
    const g = gold.find((p) => p.file === file)!;
    for (const t of [title ? lineOf(mt, title) : null, null]) {
      const diagnostics: Diagnostic[] = [];
      const period = extractPeriod(mt, t, diagnostics);
      expect(period).toMatchObject({ start: g.period[0], end: g.period[1], basis });
      const evidence = original.slice(period!.span!.start, period!.span!.end).replace(/\s/gu, '');
      expect(evidence).toContain(String(g.period[1]));
      expect(diagnostics.map((d) => d.code)).toEqual(basis === 'implied' ? ['plan/period-implied'] : []);
    }
  });
});

describe('extractPeriod on other texts', () => {
  it.each([
    ['XX县全民科学素质行动规划纲要实施方案(2022-2025年)', [2022, 2025]],
    ['XX县全民科学素质行动规划纲要实施方案（2021—2025年）', [2021, 2025]],
    ['XX县全民科学素质行动规划纲要实施方案(20222025年)', [2022, 2025]],
    ['XX县全民科学素质行动计划纲要实施方案(2016—2020年)', [2016, 2020]],
    ['XX县全民科学素质行动实施方案(2021年至2025年)', [2021, 2025]],
  ])('%s', (title, [start, end]) => {
    expect(read(title, title.length).period).toMatchObject({ start, end, basis: 'stated' });
  });

  it('reads the line after the title', () => {
    expect(read('XX县全民科学素质行动规划纲要\n实施方案(2021-2025年)\n', 14).period).toMatchObject({ start: 2021, end: 2025, basis: 'stated' });
  });

  it('does not take the national outline or a cited plan as the plan’s own', () => {
    const text = 'XX市全民科学素质行动实施方案\n根据《全民科学素质行动规划纲要(2021—2035年)》和《XX省实施方案(2021—2025年)》,到2025年,全市…';
    expect(read(text, 14)).toEqual({
      period: expect.objectContaining({ start: 2021, end: 2025, basis: 'implied', raw: '到2025年' }),
      codes: ['plan/period-implied'],
    });
  });

  it('implies from 十三五 when no deadline is written', () => {
    expect(read('“十三五”时期,全面推进全民科学素质工作。').period).toMatchObject({ start: 2016, end: 2020, basis: 'implied' });
  });

  it('prefers the plan-end year among deadlines', () => {
    expect(read('到2023年,建成…;到2025年,全市…;到2035年,…').period).toMatchObject({ start: 2021, end: 2025 });
  });

  it('reports a text without any period', () => {
    expect(read('全民科学素质工作要点')).toEqual({ period: null, codes: ['plan/no-period'] });
  });
});

describe('implied periods of plans that review the last plan first', () => {
  const period = (text: string) => read(text).period;
  const S = '全县公民具备科学素质的比例';

  it('passes over a deadline said to be reached when the text goes on to the next plan', () => {
    const text = `某县全民科学素质行动实施方案\n一、主要目标\n到2020年,${S}达到8%,已完成"十三五"目标。到2025年,${S}达到12%。`;
    expect(read(text, 14)).toEqual({
      period: expect.objectContaining({ start: 2021, end: 2025, basis: 'implied', raw: '到2025年' }),
      codes: ['plan/period-implied'],
    });
    // The evidence is the deadline of the plan, not the one reviewed.
    const p = period(text)!;
    expect(text.slice(p.span!.start, p.span!.end)).toBe('到2025年');
  });

  it('reads the next plan from a 十X五 named, or from the reached deadline itself, when no deadline ends it', () => {
    expect(period(`到2020年,${S}达到了8%。“十四五”期间,${S}力争达到12%。`)).toMatchObject({ start: 2021, end: 2025, raw: '十四五' });
    // A local level of the metric for 2025 shows the plan was written after 2020, with or without 到.
    expect(period(`到2020年,${S}达到8%。到“十四五”末,${S}达到12%。到2035年,${S}达到25%。`)).toMatchObject({ start: 2021, end: 2025 });
    expect(period(`到2020年,${S}达到8%。${S}2025年力争达到12%。`)).toMatchObject({ start: 2021, end: 2025, raw: '到2020年' });
  });

  it('takes a later local level of the metric as showing the review, without words that say so', () => {
    expect(period(`到2020年,${S}达到8%。到2025年,${S}达到12%。`)).toMatchObject({ start: 2021, end: 2025, raw: '到2025年' });
    // 12% has no year of its own (2020 is the value's): the deadline of its sentence dates it.
    expect(period(`到2020年,${S}达到8%。到2025年,${S}由2020年的8%提高到12%。`)).toMatchObject({ start: 2021, end: 2025, raw: '到2025年' });
    // A review of 十二五 in a 2016–2020 plan: the deadline ahead is 2020.
    expect(period(`到2015年,${S}达到5%,已完成“十二五”目标。到2020年,${S}达到10%。`)).toMatchObject({ start: 2016, end: 2020, raw: '到2020年' });
  });

  it('takes a 截至 date as reached by its own words', () => {
    expect(period(`截至2020年底,${S}达到8%,超额完成目标任务。“十四五”期间,${S}力争达到12%。`)).toMatchObject({ start: 2021, end: 2025, raw: '十四五' });
    expect(period(`截至2020年底,${S}达到8%。到“十四五”末,${S}达到12%。到2035年,${S}达到25%。`)).toMatchObject({ start: 2021, end: 2025 });
    expect(period(`截止到2015年底,${S}达到5%。到2020年,${S}达到10%,实现“十三五”目标。`)).toMatchObject({ start: 2016, end: 2020, raw: '到2020年' });
    // Nothing names the next plan: read as before.
    expect(period(`截至2020年底,${S}达到8%。${S}力争达到12%。`)).toMatchObject({ start: 2016, end: 2020, raw: '截至2020年' });
  });

  it('keeps genuine 2016–2020 (and 2011–2015) plans as they are', () => {
    for (const text of [
      `到2020年,${S}达到10%。`,
      `到2020年,${S}力争达到10%以上,如期完成目标任务。到2030年,跻身创新型国家前列。`,
      `到2020年,${S}达到10%,确保圆满完成“十三五”目标任务,为“十四五”开好局奠定基础。`,
      `目前${S}已达到9.5%,确保到2020年达到10%,为“十四五”发展打下基础。`,
      `到2020年,在已实现“十二五”目标的基础上,${S}达到10%。“十四五”时期继续推进。`,
      `到2020年,${S}达到10%。到2030年,全国公民具备科学素质的比例达到20%。`,
      // Reached, but nothing names the next plan: nothing to read it from.
      `到2020年,${S}达到8%,已完成“十三五”目标。${S}力争达到12%。`,
    ]) {
      expect(period(text), text).toMatchObject({ start: 2016, end: 2020 });
    }
    expect(period(`到2015年,${S}达到5%;到2020年,${S}达到10%。`)).toMatchObject({ start: 2011, end: 2015 });
  });
});

describe('implied periods with a five-year plan named and deadlines that are not its end', () => {
  const period = (text: string) => {
    const p = read(text).period;
    return p && [p.start, p.end, text.slice(p.span!.start, p.span!.end)];
  };

  it('takes the 十四五 named over a milestone inside it or a vision beyond it', () => {
    expect(period('到2023年,科普基础设施不断完善。到“十四五”末,全县公民具备科学素质的比例达到12%。')).toEqual([2021, 2025, '十四五']);
    expect(period('到“十四五”末,全县公民具备科学素质的比例达到12%。到2035年,全县公民具备科学素质的比例达到25%。')).toEqual([2021, 2025, '十四五']);
  });

  it('keeps a deadline written for the plan’s end, and plans of the 2016 outline, as they were', () => {
    expect(period('到2025年,全县公民具备科学素质的比例达到12%。到2035年达到25%。为“十五五”奠定基础。')).toEqual([2021, 2025, '到2025年']);
    expect(period('“十三五”期间成效显著。到2018年,全县公民具备科学素质的比例达到8%。')).toEqual([2016, 2018, '到2018年']);
    expect(period('到2023年,全县公民具备科学素质的比例达到10%。')).toEqual([2021, 2023, '到2023年']);
  });

  it('keeps a later plan that dates a level, reviewing 十四五 (到2030年,…达到20%), as it was', () => {
    for (const review of ['“十四五”期间,全县公民具备科学素质的比例由2020年的8%提高到15%。', '截至2024年底,全县公民具备科学素质的比例达到14%。“十四五”时期科普能力不断增强。']) {
      expect(period(`${review}到2030年,全县公民具备科学素质的比例达到20%。`), review).toEqual([2026, 2030, '到2030年']);
      expect(period(`${review}到2027年,全县公民具备科学素质的比例达到17%;到2030年,达到20%。`), review).toEqual([2026, 2030, '到2030年']);
    }
    // 十四五 named as the end aimed at, or a later deadline that dates no level: 2021–2025 still.
    expect(period('“十四五”期间,全县公民具备科学素质的比例力争达到12%。到2030年,全县科普事业跻身全省前列。')).toEqual([2021, 2025, '十四五']);
  });

  it('takes the 十X五 aimed at (到“十四五”末) over a later one named before a vision', () => {
    expect(period('到“十四五”末,全县公民具备科学素质的比例达到12%,为“十五五”发展奠定基础。到2035年,全县公民具备科学素质的比例达到25%。')).toEqual([2021, 2025, '十四五']);
    expect(period('“十四五”期间成效显著。到“十五五”末,全县公民具备科学素质的比例达到20%。到2035年达到25%。')).toEqual([2026, 2030, '十五五']);
  });

  it('keeps the milestone of a shorter plan named in its title (三年行动方案)', () => {
    const text = '某县全民科学素质提升三年行动方案\n到2023年,全县公民具备科学素质的比例达到11%,为“十四五”目标实现打下坚实基础。';
    const diagnostics: Diagnostic[] = [];
    const p = extractPeriod(mapIdentity(text), { start: 0, end: text.indexOf('\n') }, diagnostics);
    expect(p && [p.start, p.end]).toEqual([2021, 2023]);
  });
});

describe('whether a year range is cited, carried forward', () => {
  it('answers as reading back to the sentence start does, for positions in order and out of order', () => {
    const piece = fc.constantFrom('根据', '依据', '落实', '深入实施', '关于印发', '《', '》', '(2021-2025年)', ',', '，', '。', ';', '\n', '本县', '方案', '科普', '发', '印');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (parts, picks, sorted) => {
        const text = parts.join('');
        const floor = Math.min(text.length, 3);
        const at = picks.map((p) => floor + (p % (text.length - floor + 1)));
        if (sorted) at.sort((a, b) => a - b);
        const cited = citedAtFrom(text, floor, text.length);
        for (const a of at) expect(cited(a)).toBe(citedAt(text, floor, a));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a plan named as the one prepared for', () => {
  const period = (text: string) => {
    const p = read(text).period;
    return p && [p.start, p.end, p.raw];
  };

  it('reads 为“十五五”发展奠定基础 as a 十四五 plan (it implied 2026–2030), the phrase its evidence', () => {
    expect(period('为“十五五”发展奠定坚实基础。到2035年,全县公民具备科学素质的比例达到25%。')).toEqual([2021, 2025, '为“十五五”发展奠定']);
    expect(period('“十四五”期间,全县公民具备科学素质的比例力争达到12%。为“十五五”发展奠定坚实基础。')).toEqual([2021, 2025, '十四五']);
    // A review of 十三五 before it: still the plan between them.
    expect(period('“十三五”以来,全县公民具备科学素质的比例稳步提升。全县公民具备科学素质的比例达到12%以上。为“十五五”发展奠定坚实基础。')).toEqual([2021, 2025, '为“十五五”发展奠定']);
    expect(period('到“十二五”末,全县公民具备科学素质的比例达到5%。为“十三五”奠定基础。')).toEqual([2011, 2015, '十二五']);
  });

  it('keeps a plan named otherwise (到“十五五”末, 实现“十五五”目标)', () => {
    expect(period('“十四五”期间成效显著。到“十五五”末,全县公民具备科学素质的比例达到20%。到2035年达到25%。')).toEqual([2026, 2030, '十五五']);
    expect(period('到2035年,全县公民具备科学素质的比例达到25%。为实现“十五五”目标,制定本方案。')).toEqual([2026, 2030, '十五五']);
  });
});

describe('review of a423d60: a plan prepared for, said in a review or as the plan\'s own end', () => {
  const period = years;

  it('keeps the plan a review says the past laid the foundation for (奠定了, 过去五年: was 2016–2020)', () => {
    expect(period('“十三五”期间,全县科普工作取得显著成效,为“十四五”时期全民科学素质工作奠定了坚实基础。全县公民具备科学素质的比例力争达到12%。')).toEqual([2021, 2025]);
    expect(period('过去五年,全县科普事业长足发展,为“十四五”全民科学素质工作打下坚实基础。')).toEqual([2021, 2025]);
  });

  it('keeps a plan whose own end the foundation is for (圆满收官, 目标任务圆满完成: was 2031–2035, 2016–2020)', () => {
    expect(period('到2035年,全县公民具备科学素质的比例达到25%。为“十四五”圆满收官奠定坚实基础。')).toEqual([2021, 2025]);
    expect(period('全县公民具备科学素质的比例达到12%,为“十四五”目标任务圆满完成打下坚实基础。')).toEqual([2021, 2025]);
  });

  it('reads a longer phrase and 打好基础 as the plan prepared for (was 2026–2030)', () => {
    expect(period('到2035年,全县公民具备科学素质的比例达到25%。为“十五五”全民科学素质工作高质量发展打下坚实基础。')).toEqual([2021, 2025]);
    expect(period('为“十五五”开好局打好基础。到2035年,全县公民具备科学素质的比例达到25%。')).toEqual([2021, 2025]);
  });
});

describe('review of the day\'s period changes: a review that says what was achieved', () => {
  const period = years;

  it('keeps the plan a review without 了 says was prepared for (…成效显著,为“十四五”发展奠定坚实基础: was 2016–2020, or 2031–2035 with a 2035 vision)', () => {
    expect(period('“十三五”时期,我县科普工作成效显著,为“十四五”发展奠定坚实基础。')).toEqual([2021, 2025]);
    expect(period('“十三五”时期,我县科普工作成效显著,为“十四五”发展奠定坚实基础。到2035年,全县公民具备科学素质的比例达到25%。')).toEqual([2021, 2025]);
    expect(period('“十四五”时期,全县科普工作成绩显著,为“十五五”发展奠定坚实基础。')).toEqual([2026, 2030]);
    // A plan prepared for, with no review before it in the sentence: still the plan before it.
    expect(period('到2035年,全县公民具备科学素质的比例达到25%。为“十五五”发展奠定坚实基础。')).toEqual([2021, 2025]);
  });
});

describe('a plan for one year named a 任务清单, or its year in brackets after its name', () => {
  const titled = (title: string) => {
    const p = read(`${title}\n一、工作目标\n到2025年,全市公民具备科学素质的比例达到15%。`, title.length).period;
    return p && [p.start, p.end];
  };

  it('reads the year of the title (both were read as the 十四五 the plan serves)', () => {
    expect(titled('某某市2022年全民科学素质工作任务清单')).toEqual([2022, 2022]);
    expect(titled('某某市全民科学素质提升三年行动方案(2022年)')).toEqual([2022, 2024]);
    expect(titled('某某市全民科学素质行动实施方案（2023年度）')).toEqual([2023, 2023]);
    // A revision's year is no period.
    expect(titled('某某市全民科学素质行动规划纲要实施方案(2022年修订)')).toEqual([2021, 2025]);
    // Nor is a year in brackets after the name of a 十四五 plan.
    expect(titled('某某市“十四五”全民科学素质行动实施方案(2022年)')).toEqual([2021, 2025]);
  });
});
