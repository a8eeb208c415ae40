import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlan } from '../../src/parse/parse-plan.js';
import { PlanSchema } from '../../src/model/plan.js';
import { seed, seedFiles } from '../seeds.js';

const under = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
/** A plan of made-up lines under one 提升行动 part. */
const planOf = (...lines: string[]) => parsePlan(['某某市全民科学素质行动实施方案(2021—2025年)', '一、提升行动', ...lines, ''].join('\n'));
/** The youth action of such a plan, its lines given. */
const youthOf = (...lines: string[]) => planOf('(一)青少年科学素质提升行动。', ...lines).sections[0]!;
/** The title read of a plan whose first lines are `head`, before a preamble and one action. */
const titleOf = (...head: string[]) =>
  parsePlan([...head, '为贯彻落实《全民科学素质行动规划纲要(2021—2035年)》,制定本方案。', '一、提升行动', '(一)青少年科学素质提升行动', '1.激发青少年好奇心和想象力。', ''].join('\n')).title;
/** A list of units as role:name. */
const unitsOf = (xs: readonly { name: string; role: string }[]) => xs.map((a) => `${a.role}:${a.name}`);

describe('parsePlan on the seeds', () => {
  it('gives a schema-valid plan for every seed, with every span inside the text', () => {
    for (const { file, text } of seedFiles()) {
      const plan = parsePlan(text, { source: file });
      expect(PlanSchema.safeParse(plan).success).toBe(true);
      const spans = [
        ...plan.sections.flatMap((s) => [s.span, s.titleSpan, ...s.measures.flatMap((m) => [m.span, m.titleSpan])]),
        ...plan.targets.map((t) => t.span),
        ...plan.indicators.map((i) => i.span),
        ...plan.basis.map((b) => b.span),
      ];
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(s.end).toBeGreaterThan(s.start);
      }
    }
  });

  it('兰州: region, period, target, and a measure title whose span is its heading', () => {
    const { text } = seed(0);
    const plan = parsePlan(text);
    expect(plan.region?.name).toBe('兰州市');
    expect(plan.level).toBe('city');
    expect(plan.period).toMatchObject({ start: 2022, end: 2025, basis: 'stated' });
    const t = plan.targets.find((x) => x.role === 'headline')!;
    expect(t).toMatchObject({ value: 15, year: 2025, comparator: '>=', qualifiers: ['达到'] });
    expect(under(text, t.span)).toContain('15');
    const m = plan.sections[0]!.measures[2]!;
    expect(m.title).toBe('加强科学类教师队伍的建设');
    expect(under(text, m.titleSpan)).toBe('加强科学类教师队伍的建设');
    expect(m.agencies.map((a) => `${a.role}:${a.name}`)).toEqual(['责任:市教育局', '责任:市科协']);
    expect(m.body).not.toContain('责任单位');
  });

  it('砀山: a draft with section-level 牵头 units and measure-level 责任 units', () => {
    const plan = parsePlan(seed(1).text);
    expect(plan.draft).toBe(true);
    expect(plan.title).toBe('砀山县全民科学素质行动规划纲要实施方案(2021-2025年)');
    const youth = plan.sections[0]!;
    expect(youth.agencies.filter((a) => a.role === '牵头').map((a) => a.name)).toContain('县教育局');
    expect(youth.measures[0]!.agencies.map((a) => a.name)).toContain('团县委');
    expect(youth.intro).toMatch(/^任务:/u);
  });

  it('拉萨: target 10% 左右, period implied, the 寺庙僧尼 action kept as an action', () => {
    const plan = parsePlan(seed(2).text);
    expect(plan.targets.find((x) => x.role === 'headline')).toMatchObject({ value: 10, comparator: '~' });
    expect(plan.period?.basis).toBe('implied');
    const monks = plan.sections.find((s) => s.title.includes('寺庙僧尼'))!;
    expect(monks.kind).toBe('action');
    expect(monks.measures).toHaveLength(3);
  });

  it('中山: lead units from the annex table, the baseline of 十三五, the document number', () => {
    const plan = parsePlan(seed(3).text);
    expect(plan.docNumber).toBe('中府函〔2022〕420号');
    expect(plan.targets.find((x) => x.role === 'baseline')).toMatchObject({ value: 10.8, year: 2020 });
    const industry = plan.sections.find((s) => s.title === '实施科普产业繁荣工程')!;
    expect(industry.agencies.filter((a) => a.role === '牵头').map((a) => a.name)).toEqual(
      expect.arrayContaining(['市科技局', '市工业和信息化局']),
    );
    expect(plan.sections.every((s) => s.agencies.some((a) => a.role === '牵头'))).toBe(true);
    expect(plan.truncated).toBe(false);
  });

  it('上虞: the region inferred from the body, truncated, (A) read as eight', () => {
    const plan = parsePlan(seed(4).text);
    expect(plan.region).toMatchObject({ name: '上虞区', level: 'district', source: 'inferred' });
    expect(plan.region?.parents).toEqual(['绍兴市', '浙江省']);
    expect(plan.period).toMatchObject({ start: 2022, end: 2025 });
    expect(plan.truncated).toBe(true);
    const codes = plan.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['plan/truncated', 'outline/ocr-numbering', 'noise/page-markers', 'noise/site-chrome']));
    expect(plan.targets.find((x) => x.role === 'headline')).toMatchObject({ value: 18.5, comparator: '>=', qualifiers: ['达到', '以上'] });
  });
});

describe('parsePlan on anything', () => {
  it('never throws and keeps spans inside the text (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const plan = parsePlan(s);
        for (const sec of plan.sections) {
          expect(sec.span.end).toBeLessThanOrEqual(s.length);
          expect(sec.span.start).toBeGreaterThanOrEqual(0);
        }
        for (const i of [...plan.indicators, ...plan.targets]) expect(i.span.end).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on plan-like fragments glued at random', () => {
    const pieces = ['一、', '(一)', '1.', '——', '实施青少年科学素质提升行动', '工程', '。', '\n', '到2025年,', '公民具备科学素质的比例达到', '15%', '左右', '(责任单位:市科协)', '万人', '〔2021〕9号', '（', '）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const s = parts.join('');
        const plan = parsePlan(s);
        expect(PlanSchema.safeParse(plan).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a long line of unclosed title and quotation marks, or of cited document numbers, without a search per mark (a hang before)', () => {
    // Each 《 searched to the line's end for a break: 200,000 of them took minutes; so did each document
    // number for the start of its line (64,000 on a line: 76 s). Catastrophic cost
    // would trip the test timeout; speed itself is the benchmark's business.
    for (const text of ['《'.repeat(200_000), '《“'.repeat(100_000), `${'《'.repeat(100_000)}\n${'“'.repeat(100_000)}`, `根据${'《通知》(国发〔2021〕9号)'.repeat(64_000)}`]) {
      const plan = parsePlan(text);
      expect(plan.diagnostics.map((d) => d.code)).toContain('plan/not-a-plan');
    }
  });

  it('says a news sentence is not a plan', () => {
    const plan = parsePlan('今天上午，市委书记主持召开常委会议，研究部署下一阶段经济工作。');
    expect(plan.diagnostics.map((d) => d.code)).toContain('plan/not-a-plan');
    expect(plan.sections).toHaveLength(0);
  });
});

describe('how a plan ends', () => {
  const body = seed(2).text;
  it('a sign-off with a date or the name of a body is not a truncation', () => {
    for (const end of ['\n\n拉萨市全民科学素质工作领导小组办公室\n2022年6月', '\n\n拉萨市科学技术协会', '\n\n拉萨市人民政府\n2022年6月8日']) {
      expect(parsePlan(body + end).truncated, end).toBe(false);
    }
  });
  it('a text that stops inside a sentence is', () => {
    const cut = body.slice(0, body.indexOf('搭建合作开放共享的平台') + 6);
    const plan = parsePlan(cut);
    expect(plan.truncated).toBe(true);
    expect(plan.diagnostics.map((d) => d.code)).toContain('plan/truncated');
  });
  it('the truncation\'s span does not split a character outside the BMP', () => {
    for (let pad = 0; pad < 3; pad++) {
      const text = `${body.trimEnd()}\n推进科普${'𠀀'.repeat(pad + 1)}${'工作的开展和落实'.repeat(2)}${'，'.repeat(pad)}并且`;
      const d = parsePlan(text).diagnostics.find((x) => x.code === 'plan/truncated');
      expect(d?.span).toBeDefined();
      const under = text.slice(d!.span!.start, d!.span!.end);
      // No lone surrogate at either end (a split pair).
      expect(under).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
      expect(text.slice(d!.span!.end).trim()).toBe('');
    }
  });

  it('a period written in fullwidth figures keeps its raw text as read', () => {
    const plan = parsePlan(seed(0).text.replace('(2022-2025年)', '（２０２２－２０２５年）'));
    expect(plan.period).toMatchObject({ start: 2022, end: 2025 });
    expect(plan.period!.raw).toContain('２０２２');
  });
});

describe('numbering', () => {
  it('a jump in section numbers is reported; the seeds have none', () => {
    for (const { text } of seedFiles()) expect(parsePlan(text).diagnostics.map((d) => d.code)).not.toContain('outline/numbering-gap');
    const { text } = seed(0);
    const gapped = text.replace('(二)农民科学素质提升行动', '(三)农民科学素质提升行动');
    const d = parsePlan(gapped).diagnostics.find((x) => x.code === 'outline/numbering-gap')!;
    expect(gapped.slice(d.span!.start, d.span!.end)).toBe('(三)农民科学素质提升行动');
  });
});

describe('agencies of measures', () => {
  const plan = (notes: [string, string]) =>
    parsePlan(
      [
        '某市全民科学素质行动实施方案(2021—2025年)',
        '一、重点任务',
        '(一)实施青少年科学素质提升行动',
        `1.将弘扬科学精神贯穿于育人全链条。激发青少年好奇心和想象力。${notes[0]}`,
        `2.提升基础教育阶段科学教育水平。推进科学教育。${notes[1]}`,
        '(二)实施农民科学素质提升行动',
        '1.树立相信科学、和谐理性的思想观念。破除迷信。',
      ].join('\n'),
    );
  const roles = (xs: { name: string; role: string }[]) => xs.map((a) => `${a.role}:${a.name}`);

  it('gives each measure its own lead unit when measures name theirs', () => {
    const youth = plan(['(牵头单位:市教育局;责任单位:市科协)', '(牵头单位:市科技局)']).sections[0]!;
    expect(youth.measures.map((m) => roles(m.agencies))).toEqual([['牵头:市教育局', '责任:市科协'], ['牵头:市科技局']]);
    // The section still lists them all.
    expect(roles(youth.agencies)).toEqual(['牵头:市教育局', '责任:市科协', '牵头:市科技局']);
  });

  it('keeps a lead note after the last measure only as the section’s', () => {
    const youth = plan(['', '(市教育局牵头,市科协、团市委按职责分工负责)']).sections[0]!;
    expect(youth.measures.map((m) => roles(m.agencies))).toEqual([[], []]);
    expect(roles(youth.agencies)).toEqual(['牵头:市教育局', '责任:市科协', '责任:团市委']);
  });
});

describe('review of 3972bfc..aef1743: inline notes in a plan', () => {
  it('does not let a note after a sentence swallow the next measure and its note', () => {
    const plan = parsePlan(
      [
        '某市全民科学素质行动实施方案(2021—2025年)',
        '一、重点任务',
        '(一)实施青少年科学素质提升行动',
        '1.将弘扬科学精神贯穿于育人全链条。激发青少年好奇心和想象力;牵头单位:市教育局、市科协。每年开展活动不少于10场次。2.提升基础教育阶段科学教育水平。推进科学教育。(市教育局、团市委按职责分工负责)',
        '3.实施教师科学素质提升工程。加强教师培训。(市教育局负责)',
      ].join('\n'),
    );
    const youth = plan.sections[0]!;
    const roles = (xs: { name: string; role: string }[]) => xs.map((a) => `${a.role}:${a.name}`);
    expect(roles(youth.agencies)).toEqual(['牵头:市教育局', '牵头:市科协']);
    // The lead note is in measure 1, which measure 2 follows: it is that measure's too.
    expect(youth.measures.map((m) => roles(m.agencies))).toEqual([['牵头:市教育局', '牵头:市科协'], ['责任:市教育局', '责任:团市委'], ['责任:市教育局']]);
    expect(youth.measures[1]!.body).toBe('推进科学教育。');
    expect(youth.measures[0]!.body).toContain('每年开展活动不少于10场次');
  });

  it('looks for inline labels within each section only (20,000 sections without one parse at once)', () => {
    const lines = ['某市全民科学素质行动实施方案(2021—2025年)', '一、重点任务'];
    for (let i = 0; i < 20000; i++) lines.push(`(${'一二三四五六七八九'[i % 9]})实施第${i}项提升行动`, `1.开展科普活动。推进科学教育,加强队伍建设;完善机制。${'开展活动。'.repeat(40)}`);
    const t0 = performance.now();
    const plan = parsePlan(lines.join('\n'));
    expect(plan.sections.length).toBeGreaterThan(1000);
    // (Each section’s search ran to the text’s end: 20,000 sections took 5 s and more.)
    expect(performance.now() - t0).toBeLessThan(3000);
  }, 60000);
});

describe('measures glued after a note', () => {
  const plan = [
    '某某市全民科学素质行动规划纲要实施方案(2021—2025年)',
    '一、提升行动',
    '(一)青少年科学素质提升行动。',
    '1.推进学校科学教育。深化基础教育改革,推进科学教育。责任单位:市教育局、市科技局2.提升教师科学素质。加强科学类教师培训。责任单位:市教育局3.开展课外科普活动。组织青少年参加科技竞赛。责任单位:市科协',
    '(二)农民科学素质提升行动。',
    '1.培育高素质农民。开展农民教育培训。(责任单位:市农业农村局)2.建设科普示范基地,每个乡镇不少于2个。',
    '',
  ].join('\n');

  it('splits a line at the next list number glued to a note (…市科技局2.提升…): each measure gets its own units', () => {
    const p = parsePlan(plan);
    const [youth, farmers] = p.sections;
    expect(youth!.measures.map((m) => [m.label, m.title, m.agencies.map((a) => a.name)])).toEqual([
      ['1.', '推进学校科学教育', ['市教育局', '市科技局']],
      ['2.', '提升教师科学素质', ['市教育局']],
      ['3.', '开展课外科普活动', ['市科协']],
    ]);
    expect(under(plan, youth!.measures[1]!.titleSpan)).toBe('提升教师科学素质');
    // After a bracketed note the number was already one; 2个 and 2.5 are no numbers of a list.
    expect(farmers!.measures.map((m) => m.title)).toEqual(['培育高素质农民', '建设科普示范基地,每个乡镇不少于2个']);
  });

  it('takes only the next number of the list, after a note, before words', () => {
    for (const line of [
      '1.推进学校科学教育。责任单位:市教育局3.提升教师科学素质。',
      '1.推进学校科学教育。推进科学教育2.提升教师科学素质。',
      '1.推进学校科学教育。责任单位:市教育局2.5万人参加培训。',
    ]) {
      const p = parsePlan(['某某市全民科学素质行动实施方案', '一、提升行动', '(一)青少年科学素质提升行动。', line, ''].join('\n'));
      expect(p.sections[0]!.measures.map((m) => m.label), line).toEqual(['1.']);
    }
  });
});

describe('plans for one year', () => {
  const body = [
    '为深入贯彻落实《全民科学素质行动规划纲要(2021—2035年)》和《甘肃省全民科学素质行动规划纲要实施方案(2021—2025年)》,推动“十四五”时期全民科学素质建设,制定本工作要点。',
    '一、工作目标',
    '到2023年底,全市公民具备科学素质的比例达到11%,为实现“十四五”目标奠定基础。',
    '二、重点任务',
    '(一)青少年科学素质提升行动。',
    '1.推进学校科学教育。',
    '',
  ].join('\n');

  it('reads the year of an annual 工作要点 or a one-year 方案 from its title (2023年…工作要点 was read as 2021–2025, implied by 十四五)', () => {
    for (const [title, year] of [
      ['兰州市2023年全民科学素质工作要点', 2023],
      ['兰州市2022年度全民科学素质提升行动方案', 2022],
      ['兰州市全民科学素质行动2023年工作计划', 2023],
    ] as const) {
      const text = `${title}\n${body}`;
      const p = parsePlan(text);
      expect(p.title, title).toBe(title);
      expect([p.period?.start, p.period?.end, p.period?.basis], title).toEqual([year, year, 'stated']);
      expect(under(text, p.period!.span!)).toBe(`${year}年`);
      expect(p.diagnostics.map((d) => d.code)).not.toContain('plan/period-implied');
    }
    // Its target of that year is the headline.
    const p = parsePlan(`兰州市2023年全民科学素质工作要点\n${body}`);
    expect(p.targets.filter((t) => t.role === 'headline').map((t) => [t.value, t.year])).toEqual([[11, 2023]]);
  });

  it('keeps a range or a title of several years as it was', () => {
    for (const [title, period] of [
      ['兰州市全民科学素质提升三年行动方案', [2021, 2023]],
      ['兰州市全民科学素质行动规划纲要(2021—2035年)实施方案', [2021, 2025]],
      ['兰州市2022—2025年全民科学素质行动实施方案', [2022, 2025]],
      ['兰州市2022年至2025年全民科学素质行动实施方案', [2022, 2025]],
    ] as const) {
      const p = parsePlan(`${title}\n${body}`);
      expect([p.period?.start, p.period?.end], title).toEqual(period);
    }
  });
});

describe('review of 6a39e4c: measures glued after a note, other notes', () => {
  const head = ['某某市全民科学素质行动规划纲要实施方案(2021—2025年)', '一、重点任务', '(一)青少年科学素质提升行动。'];
  const measures = (line: string) =>
    parsePlan([...head, line, '二、保障措施', '加强组织领导。', ''].join('\n')).sections[0]!.measures.map((m) => [m.label, m.title, m.agencies.map((a) => a.name)]);

  it('gives a 1) measure its units without the next item glued (市教育局2)提升… was one unit)', () => {
    expect(measures('1)推进学校科学教育。深化改革。责任单位:市教育局、市科技局2)提升教师科学素质。加强培训。责任单位:市教育局')).toEqual([
      ['1)', '推进学校科学教育', ['市教育局', '市科技局']],
      ['2)', '提升教师科学素质', ['市教育局']],
    ]);
  });

  it('splits after a note whose label part is followed by a deadline (责任单位:…;完成时限:2023年底2.…)', () => {
    const got = measures('1.推进学校科学教育。深化改革。责任单位:市教育局;完成时限:2023年底2.提升教师科学素质。加强培训。责任单位:市科协;完成时限:2024年底');
    expect(got.map(([label, title]) => [label, title])).toEqual([
      ['1.', '推进学校科学教育'],
      ['2.', '提升教师科学素质'],
    ]);
    expect(got[1]![2]).toContain('市科协');
    expect(got[0]![2]).not.toContain('市科协');
  });

  it('splits after a note of many units (over 120 characters)', () => {
    const units = '市委宣传部、市委组织部、市教育局、市科技局、市工业和信息化局、市民政局、市人力资源和社会保障局、市自然资源局、市生态环境局、市住房和城乡建设局、市农业农村局、市文化广电和旅游局、市卫生健康委、市应急管理局、市气象局、市科协、市妇联、团市委';
    const got = measures(`1.推进学校科学教育。深化改革。责任单位:${units}2.提升教师科学素质。加强培训。责任单位:市科协`);
    expect(got.map(([label]) => label)).toEqual(['1.', '2.']);
    expect(got[1]![2]).toEqual(['市科协']);
  });
});

describe('review of 933e5f4: titles naming a year that is not the plan\'s', () => {
  const body = ['为推动“十四五”时期全民科学素质建设,制定本方案。', '一、工作目标', '到2025年,全市公民具备科学素质的比例达到15%。', '二、重点任务', '(一)青少年科学素质提升行动。', '1.推进学校科学教育。', ''].join('\n');
  const period = (title: string) => {
    const p = parsePlan(`${title}\n${body}`);
    return [p.period?.start, p.period?.end, p.period?.basis];
  };

  it('does not read 面向2035年, 2035年远景目标 or 2025年前 as a plan for that year', () => {
    for (const title of ['某某市面向2035年全民科学素质提升行动方案', '某某市落实2035年远景目标全民科学素质行动方案', '某某市2025年前全民科学素质提升行动方案']) {
      expect(period(title), title).toEqual([2021, 2025, 'implied']);
    }
  });

  it('does not read a 三年行动方案 that names its first year as a plan for one year', () => {
    expect(period('某某市2023年全民科学素质提升三年行动方案')[1]).not.toBe(2023);
  });

  it('reads the year of an annual plan whose title ends with a draft mark', () => {
    expect(period('某某市2023年全民科学素质工作要点(征求意见稿)')).toEqual([2023, 2023, 'stated']);
  });
});

describe('notes with a part that names no unit', () => {
  it('stops a note\'s units at another label (;完成时限:2023年底 was read as a unit), not at a damaged role label', () => {
    const p = planOf(
      '(一)青少年科学素质提升行动。',
      '1.推进学校科学教育。深化基础教育改革。(责任单位:市教育局、市科技局;完成时限:2023年底)',
      '2.提升教师科学素质。加强培训。责任单位:市教育局;完成时限:2025年底',
      '3.开展课外科普活动。组织竞赛。(牵头单位:市科协;配合单位:市教育局;时间安排:长期坚持)',
      '(二)农民科学素质提升行动。',
      '1.培育高素质农民。开展培训。(牵头单位:市农业农村局;责科单位:市科技局、市科协)',
    );
    const [youth, farmers] = p.sections;
    expect(youth!.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市教育局', '责任:市科技局'], ['责任:市教育局'], []]);
    expect(unitsOf(youth!.agencies)).toEqual(['牵头:市科协', '配合:市教育局']);
    // A role label damaged in the text (责科单位) is still no other label: its units are kept.
    expect(unitsOf(farmers!.agencies).map((u) => u.split(':').at(-1))).toEqual(['市农业农村局', '市科技局', '市科协']);
  });
});

describe('role labels in 【】', () => {
  it('reads 【责任单位】 and 【牵头单位】 as labels, on their own line and after a sentence (both were not read; the units stayed in the body)', () => {
    const m = youthOf(
      '1.推进学校科学教育。深化基础教育改革。',
      '【配合单位】市科技局、市科协',
      '2.提升教师科学素质。加强培训。【责任单位】市教育局、市人社局',
      '3.开展课外科普活动。组织竞赛。',
      '【解读】本条是新增内容。',
    ).measures;
    expect(m.map((x) => unitsOf(x.agencies))).toEqual([['配合:市科技局', '配合:市科协'], ['责任:市教育局', '责任:市人社局'], []]);
    expect(m[1]!.body).not.toContain('市人社局');
    // Another bracketed word is no label.
    expect(m[2]!.body).toContain('【解读】本条是新增内容');
  });
});

describe('a lead note on two lines', () => {
  const plan = youthOf;
  const units = unitsOf;

  it('keeps 牵头单位 and 配合单位 on lines of their own together (the lead went to the section, the others to the measure)', () => {
    const s = plan('1.推进学校科学教育。深化改革。', '牵头单位:市教育局', '配合单位:市科技局、市科协', '2.提升教师科学素质。加强培训。');
    expect(units(s.agencies)).toEqual(['牵头:市教育局', '配合:市科技局', '配合:市科协']);
    // Under measure 1, which measure 2 follows: the note is measure 1's too.
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['牵头:市教育局', '配合:市科技局', '配合:市科协'], []]);
  });

  const lead = '(牵头单位:市教育局;配合单位:市科协)';

  it('gives a single lead note to its measure too when the next of its list follows, never after the last measure or before a list that starts again', () => {
    const measureUnits = (...lines: string[]) => plan(...lines).measures.map((m) => units(m.agencies));
    expect(measureUnits(`1.推进学校科学教育。深化改革。${lead}`, '2.提升教师科学素质。加强培训。')).toEqual([['牵头:市教育局', '配合:市科协'], []]);
    expect(measureUnits('(1)推进学校科学教育。深化改革。', `(2)提升教师科学素质。加强培训。${lead}`, '(3)开展课外科普活动。组织竞赛。')).toEqual([[], ['牵头:市教育局', '配合:市科协'], []]);
    // After the last measure (拉萨's way of writing a section's note): the section's only.
    expect(measureUnits('1.推进学校科学教育。深化改革。', `2.提升教师科学素质。加强培训。${lead}`)).toEqual([[], []]);
    // Before a list that starts again (a heading the outline did not see): the section's only.
    expect(measureUnits(`1.推进学校科学教育。深化改革。${lead}`, '1.提升教师科学素质。加强培训。')).toEqual([[], []]);
    expect(units(plan(`1.推进学校科学教育。深化改革。${lead}`, '2.提升教师科学素质。加强培训。').agencies)).toEqual(['牵头:市教育局', '配合:市科协']);
  });

  it('leaves a lead note on a line of its own after the last measure\'s own note to the section, also when measures carry lead notes', () => {
    const s = plan(`1.推进学校科学教育。深化改革。${lead}`, '2.提升教师科学素质。加强培训。', '责任单位:市人社局', '牵头单位:市科技局');
    expect(units(s.agencies)).toEqual(['牵头:市教育局', '配合:市科协', '牵头:市科技局']);
    // It went to the last measure as well (two measures held a lead note: each was also its measure's).
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['牵头:市教育局', '配合:市科协'], ['责任:市人社局']]);
  });

  it('keeps the last measure\'s own lead line when each measure has one on a line of its own after its note', () => {
    const s = plan('1.推进学校科学教育。深化改革。(责任单位:市教育局)', '牵头单位:市教育局', '2.提升教师科学素质。加强培训。(责任单位:市人社局)', '牵头单位:市人社局');
    // The last measure's was taken for the section's only.
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['责任:市教育局', '牵头:市教育局'], ['责任:市人社局', '牵头:市人社局']]);
    // A second lead line after it closes the section.
    const t = plan('1.推进学校科学教育。深化改革。(责任单位:市教育局)', '牵头单位:市教育局', '2.提升教师科学素质。加强培训。(责任单位:市人社局)', '牵头单位:市人社局', '牵头单位:市科协');
    expect(t.measures.map((m) => units(m.agencies))).toEqual([['责任:市教育局', '牵头:市教育局'], ['责任:市人社局', '牵头:市人社局']]);
    expect(units(t.agencies)).toEqual(['牵头:市教育局', '牵头:市人社局', '牵头:市科协']);
  });

  it('leaves a note at the end of a measure\'s line to the measure, with a lead line after it', () => {
    const s = plan('1.推进学校科学教育。深化改革。', '2.开展课外科普活动。组织竞赛。(责任单位:市科协)', '牵头单位:市文明办');
    expect(units(s.agencies)).toEqual(['牵头:市文明办']);
    expect(s.measures.map((m) => units(m.agencies))).toEqual([[], ['责任:市科协']]);
  });
});

describe('a section\'s only measure and its lead line', () => {
  it('gives a section\'s only measure its lead line also after the measure\'s own note', () => {
    const s = planOf(
      '(一)青少年科学素质提升行动',
      '激发青少年好奇心和想象力。开展科学教育活动,培养科学兴趣。',
      '推进课后服务。各学校开设科技类课后服务项目。',
      '(二)产业工人科学素质提升行动',
      '开展职工技能培训。深入开展群众性技术创新活动。(责任单位:县人社局)',
      '牵头单位:县总工会',
    ).sections[1]!;
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:县人社局', '牵头:县总工会']]);
  });
});

describe('a lead line after the last measure, where the measures carry lead notes in their text', () => {
  const lead = (u: string) => `(由${u}牵头,县科协等部门配合)`;
  it('is the section\'s only, after the last measure\'s own lead note too', () => {
    const s = youthOf(`1.推进学校科学教育。深化改革。${lead('市教育局')}`, `2.提升教师科学素质。加强培训。${lead('市人社局')}`, '牵头单位:市文明办');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([
      ['牵头:市教育局', '配合:县科协'],
      ['牵头:市人社局', '配合:县科协'],
    ]);
    expect(unitsOf(s.agencies)).toContain('牵头:市文明办');
  });
  it('is the section\'s only after a last measure without a note (it made the measures ones with lead notes)', () => {
    const s = youthOf(`激发青少年好奇心和想象力。开展活动,培养兴趣。${lead('市教育局')}`, '推进课后服务。开设科技类课后服务项目。', '(牵头单位:市文明办;配合单位:市科协)');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([[], []]);
    expect(unitsOf(s.agencies)).toEqual(['牵头:市教育局', '配合:县科协', '牵头:市文明办', '配合:市科协']);
  });
});

describe('lists numbered 1、2、3、 that are no page markers', () => {
  const plan = planOf;

  it('keeps the numbers of a list of short lines without stops (they were taken for a sharing site\'s page markers and the lines joined)', () => {
    const p = plan('(一)青少年科学素质提升行动', '1、开展科普活动', '2、建设科普基地', '3、培训科学教师', '4、举办科技节', '(二)农民科学素质提升行动', '1、培育高素质农民');
    expect(p.sections.map((s) => [s.title, s.measures.map((m) => m.title)])).toEqual([
      ['青少年科学素质提升行动', ['开展科普活动', '建设科普基地', '培训科学教师', '举办科技节']],
      ['农民科学素质提升行动', ['培育高素质农民']],
    ]);
    expect(p.diagnostics.map((d) => d.code)).not.toContain('noise/page-markers');
  });

  it('keeps the numbers of items after a line of units (责任单位:市教育局) or a heading', () => {
    const p = plan(
      '(一)青少年科学素质提升行动',
      `1、推进学校科学教育。${'深化基础教育改革,推进科学教育。'.repeat(6)}`,
      '责任单位:市教育局',
      `2、提升教师科学素质。${'加强科学类教师培训,提升教学能力。'.repeat(6)}`,
      '【责任单位】市人社局',
      `3、开展课外科普活动。${'组织青少年参加科技竞赛和研学活动'.repeat(6)}`,
      `4、建设科普基地。${'建成一批青少年科普教育基地'.repeat(6)}`,
    );
    expect(p.sections[0]!.measures.map((m) => [m.label, m.title, m.agencies.map((a) => a.name)])).toEqual([
      ['1、', '推进学校科学教育', ['市教育局']],
      ['2、', '提升教师科学素质', ['市人社局']],
      ['3、', '开展课外科普活动', []],
      ['4、', '建设科普基地', []],
    ]);
  });
});

describe('a note after a comma', () => {
  it('reads 责任单位: after a comma as a note, and splits a measure glued to it (the units stayed in the body, the next item in the first)', () => {
    const s = youthOf('1.推进学校科学教育。深化改革,推进科学教育,责任单位:市教育局、市科技局2.提升教师科学素质。加强培训,责任单位:市教育局');
    expect(s.measures.map((m) => [m.title, m.agencies.map((a) => a.name), m.body])).toEqual([
      ['推进学校科学教育', ['市教育局', '市科技局'], '深化改革,推进科学教育'],
      ['提升教师科学素质', ['市教育局'], '加强培训'],
    ]);
  });

  it('leaves no comma at the end of the text, nor a comma where the note ended a sentence or before another', () => {
    const body = (rest: string) => youthOf(`1.推进学校科学教育。组织科技节${rest}`).measures[0]!.body;
    // The note ended its sentence (its 。 removed with it): the comma before it becomes that 。.
    expect(body('，责任单位：市教育局。开展活动。')).toBe('组织科技节。开展活动。');
    expect(body('；（责任单位：市教育局）')).toBe('组织科技节');
    expect(body('，（责任单位：市教育局），开展活动')).toBe('组织科技节,开展活动');
    expect(body('，（责任单位：市教育局）。开展活动')).toBe('组织科技节。开展活动');
    // Text right after the note: the comma before it stays.
    expect(body('，（责任单位：市教育局）开展活动')).toBe('组织科技节,开展活动');
    // A comma before a bracket that is no note stays.
    expect(body('，（2021年）')).toBe('组织科技节,(2021年)');
  });
});

describe('review of 52426f0, 61a00f6, 6025a58: notes in 【】, other labels, notes on lines of their own', () => {
  const units = unitsOf;
  const section = youthOf;

  it('reads a whole note in 【】 on its own line to its 】 (【责任单位:市教育局】 gave the unit 市教育局】)', () => {
    const s = section('1.推进学校科学教育。深化改革。', '【责任单位:市教育局、市科技局】', '2.提升教师科学素质。加强培训。', '【牵头单位:市科协;配合单位:市人社局】【专栏1】科普示范项目。');
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['责任:市教育局', '责任:市科技局'], []]);
    expect(units(s.agencies)).toEqual(['牵头:市科协', '配合:市人社局']);
    expect(s.measures[1]!.body).toContain('【专栏1】科普示范项目');
  });

  it('ends a unit before the 【 of the next label (【牵头单位】市科协【配合单位】… gave 市科协【)', () => {
    const s = section('1.推进学校科学教育。深化改革。', '【牵头单位】市科协【配合单位】市教育局', '2.提升教师科学素质。加强培训。【牵头单位】市人社局 【配合单位】市总工会');
    expect(s.measures.map((m) => units(m.agencies))).toEqual([
      ['牵头:市科协', '配合:市教育局'],
      ['牵头:市人社局', '配合:市总工会'],
    ]);
  });

  it('ends a note at a 【】 that is no role label, and reads 【责任单位】 before another sentence on its line', () => {
    const s = section(
      '1.推进学校科学教育。深化改革。',
      '【责任单位】市教育局、市科技局【解读】本条为新增内容,强调协同推进。',
      '2.提升教师科学素质。加强培训。',
      '【责任单位】市人社局。【完成时限】2023年底',
    );
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['责任:市教育局', '责任:市科技局'], ['责任:市人社局']]);
    expect(s.measures[0]!.body).toContain('【解读】本条为新增内容,强调协同推进。');
    expect(s.measures[1]!.body).not.toContain('市人社局');
  });

  it('stops units at 责任人:, 【完成时限】, 参考指标: and a 完成时限: glued when its space was dropped (all were read as units)', () => {
    const s = section(
      '1.推进学校科学教育。深化改革。(责任单位:市教育局;责任人:张三)',
      '2.提升教师科学素质。加强培训。(责任单位:市人社局;【完成时限】2023年底)',
      '3.开展课外科普活动。组织竞赛。(责任单位:市科协 完成时限:2023年底)',
      '4.加强科普宣传。扩大覆盖。(责任单位:市委宣传部;参考指标:10%)',
    );
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['责任:市教育局'], ['责任:市人社局'], ['责任:市科协'], ['责任:市委宣传部']]);
  });

  it('leaves a measure\'s own 责任 line before the section\'s lead line to the measure; a 配合 line before a lead line goes with it', () => {
    const s = section('1.推进学校科学教育。深化改革。', '责任单位:市教育局', '2.提升教师科学素质。加强培训。', '责任单位:市人社局', '牵头单位:市科协', '配合单位:市科技局');
    expect(units(s.agencies)).toEqual(['牵头:市科协', '配合:市科技局']);
    expect(s.measures.map((m) => units(m.agencies))).toEqual([['责任:市教育局'], ['责任:市人社局']]);
    const r = section('1.推进学校科学教育。深化改革。', '2.提升教师科学素质。加强培训。', '配合单位:市科技局', '牵头单位:市科协');
    expect(units(r.agencies)).toEqual(['配合:市科技局', '牵头:市科协']);
    expect(r.measures.map((m) => units(m.agencies))).toEqual([[], []]);
  });
});

describe('review of the day\'s changes: titles and annual plans with the other rules', () => {
  const goal = ['一、工作目标', '到2025年,全市公民具备科学素质的比例达到15%。', '二、重点任务', '(一)青少年科学素质提升行动。', '1.推进学校科学教育。', ''];
  const read = (...lines: string[]) => {
    const p = parsePlan(lines.join('\n'));
    return { title: p.title, period: p.period && [p.period.start, p.period.end], headline: p.targets.filter((t) => t.role === 'headline').map((t) => [t.value, t.year]) };
  };

  it('takes no breadcrumb naming a 工作计划 for the title (its year made the plan an annual one, the headline lost)', () => {
    for (const crumb of ['首页 > 政务公开 > 2023年工作计划', '首页>政务公开>工作计划']) {
      expect(read(crumb, '某某市全民科学素质行动实施方案', ...goal), crumb).toEqual({ title: '某某市全民科学素质行动实施方案', period: [2021, 2025], headline: [[15, 2025]] });
    }
  });

  it('takes no clause or sentence naming a 工作计划 or 工作要点 for the title when the plan has none', () => {
    for (const line of ['各县区要结合实际制定2023年度工作计划,报市科协备案。', '各县区要结合实际制定2023年度工作计划，报市科协备案。', '2023年是关键一年,各地要结合《2023年全民科学素质工作要点》抓好落实。']) {
      expect(read(line, ...goal), line).toEqual({ title: null, period: [2021, 2025], headline: [[15, 2025]] });
    }
  });

  it('reads a year in Chinese digits in an annual title (二〇二三年: the 十四五 end after a semicolon became the headline)', () => {
    const text = ['某某市二〇二三年全民科学素质工作要点', '一、工作目标', '2023年,全市公民具备科学素质的比例达到11%；到“十四五”末,达到15%。', '二、重点任务', '(一)青少年科学素质提升行动。', '1.推进学校科学教育。', ''].join('\n');
    const p = parsePlan(text);
    expect([p.period?.start, p.period?.end, p.period?.basis]).toEqual([2023, 2023, 'stated']);
    expect(under(text, p.period!.span!)).toBe('二〇二三年');
    expect(p.targets.filter((t) => t.role === 'headline').map((t) => [t.value, t.year])).toEqual([[11, 2023]]);
    // A range or several years in Chinese digits stay as they were.
    expect(parsePlan('某某市二〇二三年全民科学素质提升三年行动方案\n' + goal.join('\n')).period?.end).not.toBe(2023);
  });
});

describe('notes from a table run together', () => {
  it('reads a label whose cell lost its colon (责任单位\t市教育局) and a label alone on its line with its units on the next (both were not read)', () => {
    const m = planOf(
      '(一)青少年科学素质提升行动',
      '1.推进学校科学教育。深化改革。',
      '责任单位\t市教育局、市科技局',
      '2.提升教师科学素质。加强培训。',
      '【责任单位】',
      '市人社局、市教育局',
      '3.开展课外科普活动。组织竞赛。',
      '责任单位要加强协作,形成合力。',
    ).sections[0]!.measures;
    expect(m.map((x) => x.agencies.map((a) => a.name))).toEqual([['市教育局', '市科技局'], ['市人社局', '市教育局'], []]);
    // A sentence that starts with 责任单位 is no note.
    expect(m[2]!.body).toContain('责任单位要加强协作');
  });
});

describe('a plan of several years from a year named', () => {
  it('reads 2023年…三年行动方案 as 2023–2025 (was 2021–2023, implied by its milestone)', () => {
    const p = parsePlan('兰州市2023年全民科学素质提升三年行动方案\n一、工作目标\n到2025年,全市公民具备科学素质的比例达到13%。到2023年,达到11%。\n');
    expect([p.period?.start, p.period?.end, p.period?.basis]).toEqual([2023, 2025, 'stated']);
    expect(p.targets.filter((t) => t.role === 'headline').map((t) => [t.value, t.year])).toEqual([[13, 2025]]);
    // Without a year in its title it is read as before, from its deadlines.
    expect(parsePlan('兰州市全民科学素质提升三年行动方案\n到2023年,全市公民具备科学素质的比例达到11%。\n').period?.end).toBe(2023);
  });
});

describe('a title broken before its plan name', () => {
  const read = (head: string) => {
    const plan = parsePlan(`${head}\n为推动全民科学素质建设，今年全市公民具备科学素质的比例达到13%，到2025年达到15%。\n一、重点任务\n（一）青少年科学素质提升行动\n1.开展科技活动周。\n`, { source: 'x' });
    return { title: plan.title, period: plan.period && [plan.period.start, plan.period.end] };
  };

  it('takes the line before as its head: a place, a year, or any short line before the plan name alone', () => {
    // The year on the first line: an annual plan (it was read as the 十四五's 2021–2025, titled 全民科学素质工作要点).
    expect(read('某某市2023年\n全民科学素质工作要点')).toEqual({ title: '某某市2023年全民科学素质工作要点', period: [2023, 2023] });
    expect(read('某某市\n2023年全民科学素质工作要点').title).toBe('某某市2023年全民科学素质工作要点');
    expect(read('2023年\n某某市全民科学素质工作要点').title).toBe('2023年某某市全民科学素质工作要点');
    expect(read('2023年某某市全民科学素质\n工作要点')).toEqual({ title: '2023年某某市全民科学素质工作要点', period: [2023, 2023] });
  });

  it('not a place before a title naming its own, an issuer, a notice, nor across a blank line', () => {
    expect(read('某某县\n某某县全民科学素质行动实施方案').title).toBe('某某县全民科学素质行动实施方案');
    expect(read('某某市科学技术协会\n全民科学素质工作要点').title).toBe('全民科学素质工作要点');
    expect(read('某某市2023年\n\n全民科学素质工作要点').title).toBe('全民科学素质工作要点');
    expect(read('关于印发2023年\n全民科学素质工作要点').title).toBe('全民科学素质工作要点');
  });
});

describe('review of 191b106 and 2940cd7: a part after a note stops at the text after it; a date is no title head', () => {
  const measure = (line: string) => {
    const plan = parsePlan(`某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。${line}\n2.推进科学教育。（责任单位：市教育局）\n`, { source: 'x' });
    const s = plan.sections[0]!;
    return { units: [...new Set(unitsOf([...s.agencies, ...s.measures[0]!.agencies]))], body: s.measures[0]!.body };
  };

  it('keeps the notes and the text after a part: 二是…, another note, a label after a comma', () => {
    // The part ran to the 。, taking the second and third notes (and their units) with it.
    expect(measure('一是开展科普日（责任单位：市科协），完成时间：9月；二是组织科技节（责任单位：市教育局），完成时间：5月；三是开展科技周（责任单位：市科技局）。')).toEqual({
      units: ['责任:市科协', '责任:市教育局', '责任:市科技局'],
      body: '一是开展科普日;二是组织科技节;三是开展科技周。',
    });
    expect(measure('组织活动（责任单位：市科协）完成时间：9月，配合单位：市教育局。').units).toEqual(['责任:市科协', '配合:市教育局']);
    expect(measure('组织活动（责任单位：市科协）完成时间：2023年底（市教育局、市科技局配合）').units).toEqual(['责任:市科协', '配合:市教育局', '配合:市科技局']);
    expect(measure('组织活动（责任单位：市科协），时间节点：9月，通过线上线下相结合的方式开展。').body).toBe('组织活动,通过线上线下相结合的方式开展。');
    // Parts after parts are the note's still, and no comma is left at a sentence's start.
    expect(measure('组织活动（责任单位：市科协；完成时限：2023年底）；责任人：张三；联系人：李四。持续推进。').body).toBe('组织活动。持续推进。');
    expect(measure('组织活动。【牵头单位：市科协】【完成时限】2023年底前，持续推进。').body).toBe('组织活动。持续推进。');
  });

  it('takes no date, document number, page or address for a title’s head', () => {
    const read = (head: string) => {
      const plan = parsePlan(`${head}\n一、重点任务\n（一）青少年科学素质提升行动\n1.开展科技活动周。\n`, { source: 'x' });
      return { title: plan.title, period: plan.period && [plan.period.start, plan.period.end] };
    };
    expect(read('2023年5月12日\n工作要点')).toEqual({ title: '工作要点', period: null });
    expect(read('某科协发〔2023〕5号\n工作要点').title).toBe('工作要点');
    expect(read('第1页共5页\n工作要点').title).toBe('工作要点');
    expect(read('www.anyang.gov.cn\n工作要点').title).toBe('工作要点');
    expect(read('2023年某某市全民科学素质\n工作要点').title).toBe('2023年某某市全民科学素质工作要点');
  });

  it('takes no issuer for a head, nor a year alone before a title with its own period or a plan for several years', () => {
    const title = (head: string) => parsePlan(`${head}\n一、重点任务\n（一）青少年科学素质提升行动\n1.开展科技活动周。\n`, { source: 'x' }).title;
    expect(title('中共某某县委办公室\n实施方案(2021—2025年)')).toBe('实施方案(2021—2025年)');
    expect(title('2021年\n某某市全民科学素质行动实施方案(2021—2025年)')).toBe('某某市全民科学素质行动实施方案(2021—2025年)');
    expect(title('2022年\n全民科学素质行动实施方案')).toBe('全民科学素质行动实施方案');
    expect(title('2022年\n全民科学素质工作要点')).toBe('2022年全民科学素质工作要点');
  });
});

describe('review of c795d81: the labels ① and 一是, which the outline leaves in the titles', () => {
  it('reads a single lead note followed by the next ② or 二是 as also its measure’s', () => {
    for (const [a, b] of [['①', '②'], ['一是', '二是']]) {
      const s = youthOf(`${a}开展科普日活动。组织活动。（牵头单位：市科协；配合单位：市教育局）`, `${b}组织科技节。开展竞赛。`);
      expect(unitsOf(s.agencies)).toEqual(['牵头:市科协', '配合:市教育局']);
      expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['牵头:市科协', '配合:市教育局'], []]);
    }
  });
});

describe('measures numbered (1) or ①', () => {
  const sections = (mark: (k: number) => string) =>
    planOf(
      '(一)青少年科学素质提升行动',
      `${mark(1)}激发青少年好奇心和想象力。开展科学家精神进校园活动。(责任单位:市教育局、市科协)`,
      `${mark(2)}实施教师科学素质提升工程。加强科学教师培训。(责任单位:市教育局)`,
      '(二)农民科学素质提升行动',
      `${mark(1)}树立相信科学、和谐理性的思想观念。开展移风易俗宣传。(责任单位:市农业农村局)`,
      `${mark(2)}实施高素质农民培育计划。培养农村实用人才。(责任单位:市农业农村局)`,
      '(三)老年人科学素质提升行动',
      `${mark(1)}实施银龄科普行动。普及智能技术知识。(责任单位:市卫健委)`,
    ).sections;
  it('reads them as the measures of every section that has no other list (the first section was read by its sentences, the others lost theirs)', () => {
    for (const mark of [(k: number) => `(${k})`, (k: number) => `（${k}）`, (k: number) => String.fromCharCode(0x2460 + k - 1), (k: number) => String.fromCharCode(0x2474 + k - 1)]) {
      const s = sections(mark);
      expect(s.map((x) => x.measures.map((m) => m.title))).toEqual([
        ['激发青少年好奇心和想象力', '实施教师科学素质提升工程'],
        ['树立相信科学、和谐理性的思想观念', '实施高素质农民培育计划'],
        ['实施银龄科普行动'],
      ]);
      expect(s.map((x) => x.measures.map((m) => m.label))).toEqual([
        [mark(1), mark(2)],
        [mark(1), mark(2)],
        [mark(1)],
      ].map((ls) => ls.map((l) => l.replace('（', '(').replace('）', ')'))));
      expect(s[1]!.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市农业农村局'], ['责任:市农业农村局']]);
    }
  });
  it('leaves (1) and ① under 1. measures to their measure', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。', '(1)开展科学家精神进校园活动。', '(2)组织科技节。', '2.实施教师科学素质提升工程。', '①加强科学教师培训。');
    expect(s.measures.map((m) => m.title)).toEqual(['激发青少年好奇心和想象力', '实施教师科学素质提升工程']);
  });
});

describe('review of 6bcd159: a (1) / ① list inside a measure', () => {
  it('leaves a (1) list in a section of sentence-heading measures to its measure (the list was read as the measures, the measures lost)', () => {
    const s = youthOf(
      '激发青少年好奇心和想象力。开展科学家精神进校园活动,重点开展以下工作:',
      '(1)举办青少年科技节,组织学生参观科技馆。',
      '(2)开展科普讲座进校园,邀请科学家走进课堂。',
      '加强科学教师队伍建设。实施教师科学素质提升工程,开展教师培训。(责任单位:市教育局)',
    );
    expect(s.measures.map((m) => m.title)).toEqual(['激发青少年好奇心和想象力', '加强科学教师队伍建设']);
    expect(unitsOf(s.measures[1]!.agencies)).toEqual(['责任:市教育局']);
  });
  it('leaves a ① list under (1) measures to its measure (it was read as measures between them)', () => {
    const s = youthOf('(1)激发青少年好奇心和想象力。开展科学家精神进校园活动。', '①举办科技节。', '②开展科普讲座。', '(2)加强科学教师队伍建设。实施教师科学素质提升工程。');
    expect(s.measures.map((m) => `${m.label}${m.title}`)).toEqual(['(1)激发青少年好奇心和想象力', '(2)加强科学教师队伍建设']);
  });
  it('reads 200,000 sentence-heading measures, each with a (1) list, without overflowing the stack', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? `(${(i % 9) + 1})举办科技节。` : '激发青少年好奇心和想象力。开展科学家精神进校园活动。'));
    const text = ['某某市全民科学素质行动实施方案(2021—2025年)', '一、提升行动', '(一)青少年科学素质提升行动'].concat(lines, '').join('\n');
    expect(parsePlan(text).sections[0]!.measures.length).toBeGreaterThanOrEqual(100_000);
  });
});

describe('parts of sections not named 提升行动 / 重点工程', () => {
  const plan = (tasks: string, projects: string) =>
    parsePlan(
      [
        '某某市全民科学素质行动实施方案(2021—2025年)',
        '一、总体要求',
        '到2025年,全市公民具备科学素质的比例达到15%。',
        `二、${tasks}`,
        '(一)提升青少年科学素质',
        '1.激发青少年好奇心和想象力。开展科学家精神进校园活动。',
        '(二)提高农民科学素质',
        '1.实施高素质农民培育计划。培养农村实用人才。',
        `三、${projects}`,
        '(一)推进科技资源科普化',
        '1.建立完善科技资源科普化机制。鼓励科研机构开放科技设施。',
        '(二)加强基层科普能力建设',
        '1.建立健全应急科普协调联动机制。',
        '四、保障措施',
        '(一)加强组织领导',
        '各部门要加强组织领导。',
        '',
      ].join('\n'),
    );
  it('reads the sections of a 重点项目 part as projects (they were dropped with their measures), of a 重点工作 part too', () => {
    const p = plan('重点工作', '重点项目');
    expect(p.sections.map((s) => `${s.kind}:${s.title}:${s.measures.length}`)).toEqual([
      'other:提升青少年科学素质:1',
      'other:提高农民科学素质:1',
      'project:推进科技资源科普化:1',
      'project:加强基层科普能力建设:1',
    ]);
  });
  it('still reads no sections in a 保障措施 part', () => {
    expect(plan('重点任务', '重点工程').sections.map((s) => s.title)).not.toContain('加强组织领导');
  });
});

describe('review of db99e37: parts named 重点项目 / 主要工作', () => {
  const plan = (goals: string, tasks: string, projects: string, other: string) =>
    parsePlan(
      [
        '某某市全民科学素质行动实施方案(2021—2025年)',
        `一、${goals}`,
        '(一)总体目标',
        '到2025年,全市公民具备科学素质的比例达到15%。',
        '(二)具体目标',
        '科普基础设施更加完善。',
        `二、${tasks}`,
        '(一)青少年科学素质提升行动',
        '1.激发青少年好奇心和想象力。开展科学家精神进校园活动。',
        '(二)农民科学素质提升行动',
        '1.实施高素质农民培育计划。培养农村实用人才。',
        `三、${projects}`,
        '(一)科技馆建设项目',
        '1.建设县科技馆。完善展教功能。',
        `四、${other}`,
        '(一)加强资金统筹',
        '各部门要统筹资金。',
        '',
      ].join('\n'),
    ).sections.map((s) => `${s.kind}:${s.title}:${s.measures.length}`);
  it('keeps the actions of a part named otherwise (主要措施) beside a 重点项目 part (they were lost)', () => {
    expect(plan('总体要求', '主要措施', '重点项目', '保障措施')).toEqual([
      'action:青少年科学素质提升行动:1',
      'action:农民科学素质提升行动:1',
      'project:科技馆建设项目:1',
    ]);
  });
  it('reads no sections in 主要工作目标, 项目资金保障 or 重点工作保障 parts (their headings were read as sections)', () => {
    for (const [goals, other] of [['主要工作目标', '项目资金保障'], ['总体要求', '重点工作保障'], ['项目背景', '项目管理']]) {
      expect(plan(goals!, '重点任务', '重点项目', other!)).toEqual([
        'action:青少年科学素质提升行动:1',
        'action:农民科学素质提升行动:1',
        'project:科技馆建设项目:1',
      ]);
    }
  });
});

describe('titles broken over lines, and plans sent as attachments', () => {
  it('joins a line that stops inside the plan\'s name to the rest (it gave 行动实施方案 or 科学素质行动实施方案)', () => {
    expect(titleOf('砀山县全民科学素质', '行动实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
    expect(titleOf('砀山县全民', '科学素质行动实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
  });
  it('does not join an issuer, a date or a title that names its place', () => {
    expect(titleOf('砀山县人民政府办公室', '全民科学素质行动实施方案(2021—2025年)')).toBe('全民科学素质行动实施方案(2021—2025年)');
    expect(titleOf('2021年10月全民科学', '素质行动实施方案')).toBe('素质行动实施方案');
    expect(titleOf('关于加强全民科学', '砀山县全民科学素质行动实施方案')).toBe('砀山县全民科学素质行动实施方案');
  });
  it('reads the title after 附件 at the top (there was none)', () => {
    expect(titleOf('附件', '', '砀山县全民科学素质行动实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
    expect(titleOf('附件1:', '砀山县全民科学素质行动实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
  });
});

describe('review of f86d891: a deadline\'s label without a colon is the note\'s only before a date alone', () => {
  it('keeps the text after a note that opens with a deadline\'s word and goes on (完成时间2023年底前建成10个科普站)', () => {
    const s = youthOf(
      '1.激发青少年好奇心和想象力。开展科普活动(责任单位:市科协)，完成时间2023年底前建成10个科普站。',
      '2.实施教师科学素质提升工程。加强培训。',
      '责任单位:市教育局。时间节点2023年前完成建设任务，并组织验收。',
    );
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市科协'], ['责任:市教育局']]);
    expect(s.measures[0]!.body).toContain('建成10个科普站');
    expect(s.measures[1]!.body).toContain('完成建设任务');
  });
  it('still takes a date alone after the units as the note\'s (市科协完成时限2025年, (…)，完成时限长期坚持)', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展活动(责任单位:市科协)，完成时限长期坚持。', '2.实施教师科学素质提升工程。加强培训。', '责任单位市教育局、市科协完成时限2021—2025年');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市科协'], ['责任:市教育局', '责任:市科协']]);
    expect(s.measures.map((m) => m.body)).toEqual(['开展活动。', '加强培训。']);
  });
});

describe('notes laid out as a table\'s cells', () => {
  it('reads a bare 责任单位 line with its units on the next line (the units were lost and the lines left in the text)', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展科学家精神进校园活动。', '责任单位', '市教育局、市科协', '2.实施教师科学素质提升工程。加强科学教师培训。');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市教育局', '责任:市科协'], []]);
    expect(s.measures[0]!.body).toBe('开展科学家精神进校园活动。');
  });
  it('does not take a bare label line without units after it, nor a line that only starts with one', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。', '责任单位', '开展科学家精神进校园活动。', '2.实施教师科学素质提升工程。');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([[], []]);
    expect(s.measures[0]!.body).toContain('开展科学家精神进校园活动');
  });
  it('ends the units before a deadline glued to them (cells run together: 责任单位市教育局、市科协完成时限2025年), the deadline the note\'s', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展科学家精神进校园活动。', '\t责任单位\t市教育局、市科协\t完成时限\t2025年', '2.实施教师科学素质提升工程。', '责任单位市教育局完成时限长期坚持');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市教育局', '责任:市科协'], ['责任:市教育局']]);
    expect(s.measures.map((m) => m.body)).toEqual(['开展科学家精神进校园活动。', '']);
  });
});

describe('review of f86d891: a bare label alone takes only units from the next line', () => {
  it('does not take a task cell that ends like a unit (工作任务 / 责任单位 / 建设县科技馆 / 县科协) as units', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展活动。', '工作任务', '责任单位', '建设县科技馆', '县科协', '2.实施教师科学素质提升工程。加强培训。');
    expect(unitsOf(s.measures[0]!.agencies)).not.toContain('责任:建设县科技馆');
    expect(s.measures[0]!.body).toContain('建设县科技馆');
    const t = youthOf('1.激发青少年好奇心和想象力。开展活动。', '牵头单位', '组建科技志愿服务队', '2.实施教师科学素质提升工程。加强培训。');
    expect([...t.agencies, ...t.measures.flatMap((m) => m.agencies)]).toEqual([]);
    expect(t.measures[0]!.body).toContain('组建科技志愿服务队');
  });
  it('still takes units that start with a place (市卫健委), a list of them (教育局、科技局) or an office (洛阳市科协)', () => {
    const s = youthOf(
      '1.激发青少年好奇心和想象力。开展活动。', '责任单位', '市卫健委',
      '2.实施教师科学素质提升工程。加强培训。', '责任部门', '教育局、科技局',
      '3.推进科普基地建设。建设科普基地。', '牵头单位', '洛阳市科协',
      '4.加强科普队伍建设。组建队伍。',
    );
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市卫健委'], ['责任:教育局', '责任:科技局'], ['牵头:洛阳市科协'], []]);
    expect(s.measures.map((m) => m.body)).toEqual(['开展活动。', '加强培训。', '建设科普基地。', '组建队伍。']);
  });
});

describe('a deadline glued after an inline note', () => {
  it('is the note\'s, as after a note on its own line (完成时限2025年 stayed in the measure\'s text)', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展活动。责任单位:市科协完成时限2025年', '2.实施教师科学素质提升工程。加强培训,责任单位:市教育局完成时间2023年底前建成10个站。');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市科协'], ['责任:市教育局']]);
    expect(s.measures.map((m) => m.body)).toEqual(['开展活动。', '加强培训,完成时间2023年底前建成10个站。']);
  });
});

describe('review of af297ad: a text that opens with 附件', () => {
  it('takes no row of an annex\'s list or table for a title (1.制定…工作要点 / 1 制定年度工作计划 were)', () => {
    expect(parsePlan(['附件2', '某某县全民科学素质行动任务分工', '1.制定全民科学素质年度工作要点。牵头单位:县科协', '2.实施青少年科学素质提升行动。牵头单位:县教育局', ''].join('\n')).title).toBeNull();
    expect(parsePlan(['附件', '重点任务分工表', '序号 重点任务 牵头单位', '1 制定年度工作计划 县科协', ''].join('\n')).title).toBeNull();
  });
  it('reads the title after 附件1: on its line without the 附件1: (it was 附件1:某某县…)', () => {
    const p = parsePlan(['附件1:某某县全民科学素质行动实施方案(2021—2025年)', '一、重点任务', '(一)青少年科学素质提升行动', '1.激发青少年好奇心和想象力。', ''].join('\n'));
    expect(p.title).toBe('某某县全民科学素质行动实施方案(2021—2025年)');
  });
});

describe('titles over three lines', () => {
  it('takes a place alone before a title broken over two lines (it was 全民科学素质行动实施方案), and 规划纲要实施方案 as a name alone', () => {
    expect(titleOf('砀山县', '全民科学素质行动', '实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
    expect(titleOf('砀山县全民科学素质行动', '规划纲要实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动规划纲要实施方案(2021—2025年)');
  });
  it('takes no issuer before them', () => {
    expect(titleOf('砀山县人民政府', '全民科学素质行动', '实施方案')).toBe('全民科学素质行动实施方案');
  });
});

describe('review of 4814d1c: a (1) list after a sentence heading whose body starts on the next line', () => {
  it('stays the measure\'s own list (the list was read as the measures, both measures lost)', () => {
    const s = youthOf(
      '激发青少年好奇心和想象力。',
      '增强科学兴趣,重点开展以下工作:',
      '(1)开展科学兴趣小组活动;',
      '(2)举办青少年科技节。',
      '推进课后服务科学教育。利用课后服务时间开展科普活动。(责任单位:县教育局)',
    );
    expect(s.measures.map((m) => m.title)).toEqual(['激发青少年好奇心和想象力', '推进课后服务科学教育']);
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([[], ['责任:县教育局']]);
  });
  it('still reads a (1) list as the measures after an intro with no heading after the list', () => {
    const s = youthOf('坚持立德树人。', '以中小学生为重点,开展以下工作:', '(1)开展科学兴趣小组活动。', '(2)举办青少年科技节。');
    expect(s.measures.map((m) => `${m.label}${m.title}`)).toEqual(['(1)开展科学兴趣小组活动', '(2)举办青少年科技节']);
  });
});

describe('a plan sent with its notice, and other title lines', () => {
  it('reads the title after the notice\'s 附件, not the plan cited in its sentence (it was 《某某县…(2021—2025年))', () => {
    expect(titleOf('各乡镇人民政府,县直各单位:', '《砀山县全民科学素质行动实施方案(2021—2025年)》已经县人民政府同意,现印发给你们,请认真贯彻执行。', '附件', '砀山县全民科学素质行动实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
    expect(titleOf('关于印发砀山县全民科学素质行动实施方案的通知', '各乡镇:', '现将方案印发给你们。', '附件:砀山县全民科学素质行动实施方案')).toBe('砀山县全民科学素质行动实施方案');
  });
  it('takes no title from a 附件 line naming another document when no notice sends it', () => {
    expect(titleOf('为贯彻落实纲要,制定本方案。', '附件:某某市2022年全民科学素质重点任务清单', '')).toBeNull();
  });
  it('joins a line naming the topic before a year\'s list (某某区全民科学素质行动 / 2022年任务清单)', () => {
    expect(titleOf('砀山县全民科学素质行动', '2022年任务清单')).toBe('砀山县全民科学素质行动2022年任务清单');
  });
  it('reads the kind of a section from its own part\'s group line, not the end of the section before (科普基础设施项目 was an action)', () => {
    const p = parsePlan(['砀山县全民科学素质行动实施方案', '一、提升行动', '(一)青少年科学素质提升行动', '1.激发青少年好奇心和想象力。开展活动。', '二、重点项目', '(一)科普基础设施项目', '1.建设县科技馆。完善展教功能。', ''].join('\n'));
    expect(p.sections.map((s) => `${s.kind}:${s.title}`)).toEqual(['action:青少年科学素质提升行动', 'project:科普基础设施项目']);
  });
});

describe('a table row of two labels run together', () => {
  it('splits 牵头单位县科协配合单位县农业农村局 at the second label (it was one unit: 县科协配合单位县农业农村局)', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展活动。', '牵头单位\t县科协\t配合单位\t县农业农村局', '2.实施教师科学素质提升工程。加强培训。', '(牵头单位:县教育局配合单位县科协)');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['牵头:县科协', '配合:县农业农村局'], ['牵头:县教育局', '配合:县科协']]);
  });
});

describe('measures written as a paragraph\'s points (一是…二是…)', () => {
  it('reads them in a section with no other list or sentence headings (it had no measures)', () => {
    const s = planOf(
      '(一)青少年科学素质提升行动。一是激发青少年好奇心和想象力,开展科学家精神进校园活动。二是建立校内外科学教育资源有效衔接机制,实施馆校合作行动。三是实施教师科学素质提升工程,加强科学教师培训。(责任单位:市教育局)',
      '(二)农民科学素质提升行动',
      '通过多种方式提升农民科学素质。一是树立相信科学的观念;二是实施高素质农民培育计划,培养实用人才。',
    ).sections;
    expect(s.map((x) => x.measures.map((m) => `${m.label}${m.title}`))).toEqual([
      ['一是激发青少年好奇心和想象力', '二是建立校内外科学教育资源有效衔接机制', '三是实施教师科学素质提升工程'],
      ['一是树立相信科学的观念', '二是实施高素质农民培育计划'],
    ]);
    expect(unitsOf(s[0]!.measures[2]!.agencies)).toEqual(['责任:市教育局']);
  });
  it('starts each point\'s body after its first clause, not at the comma or colon (it was ,开展…)', () => {
    const s = youthOf('一是激发青少年好奇心和想象力,开展科学家精神进校园活动。二是建立校内外科学教育资源有效衔接机制:实施馆校合作行动。');
    expect(s.measures.map((m) => m.body)).toEqual(['开展科学家精神进校园活动。', '实施馆校合作行动。']);
  });
  it('leaves a single 一是, or 一是 inside a sentence, to the text', () => {
    const s = planOf('(一)青少年科学素质提升行动', '通过多种方式,一是开展活动,二是组织竞赛,提升青少年科学素质。', '(二)农民科学素质提升行动', '开展培训。一是树立相信科学的观念。').sections;
    expect(s.map((x) => x.measures.length)).toEqual([0, 0]);
  });
  it('reads none when the numbering starts again (it took 一是, 二是 and the next paragraph\'s 三是, 二是 holding 一是…二是…)', () => {
    const s = planOf(
      '(一)青少年科学素质提升行动',
      '一是加强科学教育,开展活动;二是完善机制,建立制度。',
      '一是健全网络,推进工作;二是强化队伍,做好服务;三是开展评估,总结经验。',
      '(二)农民科学素质提升行动',
      '到2025年,实现以下目标:一是科普资源更加丰富;二是服务能力明显提升。',
      '一是开展培训,提高技能。二是建设基地,推进工作。三是培育人才,做好服务。',
    ).sections;
    expect(s.map((x) => x.measures.length)).toEqual([0, 0]);
  });
  it('passes a note in brackets in a point\'s first clause whole (its title was 培育科普队伍(牵头单位)', () => {
    const s = youthOf('一是培育科普队伍(牵头单位:市教育局)。二是建设科普阵地,推进共享(责任单位:市科协)。');
    expect(s.measures.map((m) => m.title)).toEqual(['培育科普队伍(牵头单位:市教育局)', '建设科普阵地']);
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['牵头:市教育局'], ['责任:市科协']]);
  });
});

describe('review of 802931e: the notice that sends a plan, and ①/⑴ lists after a sentence heading', () => {
  it('takes no title from a 附件 line when the text before only cites or names a notice (it took 某某县科普工作任务清单)', () => {
    expect(titleOf('根据上级通知要求,结合实际制定本方案。', '附件1:砀山县科普工作任务清单')).toBeNull();
    expect(titleOf('为贯彻落实《国务院关于印发全民科学素质行动规划纲要(2021—2035年)的通知》精神,制定本方案。', '附件:砀山县科普工作任务清单')).toBeNull();
    expect(titleOf('关于印发砀山县全民科学素质行动实施方案的通知', '现将《砀山县全民科学素质行动实施方案》印发,请认真贯彻执行。', '附件:砀山县全民科学素质行动实施方案')).toBe('砀山县全民科学素质行动实施方案');
  });
  it('reads the title after 附件1 when the notice lists its attachments first (it was none)', () => {
    expect(
      titleOf('各乡镇人民政府:', '《砀山县全民科学素质行动实施方案(2021—2025年)》已经县人民政府同意,现印发给你们。', '附件:1.砀山县全民科学素质行动实施方案(2021—2025年)', '2.砀山县全民科学素质重点任务分工表', '砀山县人民政府办公室', '2023年3月5日', '附件1', '砀山县全民科学素质行动实施方案(2021—2025年)'),
    ).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
  });
  it('keeps a ① or ⑴ list after a heading whose body starts on the next line the measure\'s (②举办青少年科技节 was a measure)', () => {
    for (const [a, b] of [['①', '②'], ['⑴', '⑵']]) {
      const s = youthOf('激发青少年好奇心和想象力。', '增强科学兴趣,重点开展以下工作:', `${a}开展科学兴趣小组活动;`, `${b}举办青少年科技节。`, '推进课后服务科学教育。利用课后服务时间开展科普活动。(责任单位:县教育局)');
      expect(s.measures.map((m) => m.title)).toEqual(['激发青少年好奇心和想象力', '推进课后服务科学教育']);
    }
  });
});

describe('a (1) list whose items are measures themselves', () => {
  it('reads them as the section\'s measures after an intro with a heading (both were lost: 坚持需求导向 / (1)加强科学教育。开展活动。)', () => {
    const s = youthOf('坚持需求导向。一是建设科普阵地,推动资源共享。', '(1)加强科学教育。开展活动。', '(2)完善工作机制。建立制度。');
    expect(s.measures.map((m) => m.title)).toEqual(['加强科学教育', '完善工作机制']);
  });
});

describe('tasks under a part named by its measures', () => {
  const plan = (tasks: string, org: string) =>
    parsePlan(['某某县全民科学素质行动实施方案', '一、总体要求', '到2025年,全县公民具备科学素质的比例达到12%。', `二、${tasks}`, '(一)提升青少年科学素质', '1.激发青少年好奇心和想象力。开展活动。', '(二)提高农民科学素质', '1.实施高素质农民培育计划。培养人才。', `三、${org}`, '(一)加强组织领导', '各部门要加强领导。', ''].join('\n'));
  it('reads the sections of a 主要措施, 工作措施 or 工作重点 part when no part is named by tasks or actions (they were lost)', () => {
    for (const name of ['主要措施', '工作措施', '工作重点']) expect(plan(name, '保障措施').sections.map((s) => s.title)).toEqual(['提升青少年科学素质', '提高农民科学素质']);
  });
  it('leaves a 主要措施 part after a 重点任务 part to the text', () => {
    expect(plan('重点任务', '主要措施').sections.map((s) => s.title)).toEqual(['提升青少年科学素质', '提高农民科学素质']);
  });
});

describe('a title\'s head across one blank line', () => {
  it('joins a place alone, or a line that stops inside the name (中山市 / blank / 2023年全民科学素质工作要点 kept the second line only)', () => {
    expect(titleOf('中山市', '', '2023年全民科学素质工作要点')).toBe('中山市2023年全民科学素质工作要点');
    expect(titleOf('砀山县全民科学素质', '', '行动实施方案(2021—2025年)')).toBe('砀山县全民科学素质行动实施方案(2021—2025年)');
  });
  it('joins nothing else across it, nor anything across two', () => {
    expect(titleOf('砀山县人民政府', '', '全民科学素质行动实施方案')).toBe('全民科学素质行动实施方案');
    expect(titleOf('2023年', '', '全民科学素质工作要点')).toBe('全民科学素质工作要点');
    expect(titleOf('砀山县', '', '', '全民科学素质行动实施方案')).toBe('全民科学素质行动实施方案');
  });
});

describe('a 措施 part that holds organisation, or follows the plan\'s tasks, stays text; a slogan is no title head', () => {
  const plan = (tasks: string, ...sec: string[]) =>
    parsePlan(['某某县全民科学素质行动实施方案', '一、总体要求', '到2025年,达到12%。', `二、${tasks}`, '(一)提升青少年科学素质', '1.激发青少年好奇心和想象力。开展活动。', '(二)青少年科学素质提升行动', '1.实施高素质农民培育计划。培养人才。', '三、工作措施', ...sec, ''].join('\n'));
  const org = ['(一)加强组织领导', '各部门要加强领导。', '(二)加强经费保障', '落实经费。'];
  it('reads no 加强组织领导 section', () => {
    expect(plan('重点工作', ...org).sections.map((s) => s.title)).toEqual(['提升青少年科学素质', '青少年科学素质提升行动']);
    expect(plan('重点内容', ...org).sections.map((s) => s.title)).toEqual(['青少年科学素质提升行动']);
    expect(plan('总体安排', ...org).sections.map((s) => s.title)).toEqual(['青少年科学素质提升行动']);
  });
  it('still reads a 工作措施 part holding the sections', () => {
    const p = parsePlan(['某某县全民科学素质行动实施方案', '一、总体要求', '到2025年,达到12%。', '二、工作措施', '(一)提升青少年科学素质', '1.激发青少年好奇心和想象力。开展活动。', '(二)提高农民科学素质', '1.实施高素质农民培育计划。培养人才。', '三、保障措施', ...org, ''].join('\n'));
    expect(p.sections.map((s) => s.title)).toEqual(['提升青少年科学素质', '提高农民科学素质']);
  });
  it('joins no slogan across a blank line (人人学科学 / blank / title)', () => {
    const t = parsePlan(['人人学科学', '', '全民科学素质行动实施方案', '一、重点任务', '(一)青少年科学素质提升行动', '1.激发青少年好奇心和想象力。', ''].join('\n')).title;
    expect(t).toBe('全民科学素质行动实施方案');
  });
});

describe('a slogan above the title', () => {
  it('is no head of it, on the line right before as across a blank line (人人学科学 was joined)', () => {
    for (const slogan of ['人人学科学', '崇尚科学', '全民学科普']) expect(titleOf(slogan, '全民科学素质行动实施方案')).toBe('全民科学素质行动实施方案');
    expect(titleOf('砀山县全民科学', '素质行动实施方案')).toBe('砀山县全民科学素质行动实施方案');
  });
});

describe('—— bullets under (1) items, and units a blank line after their label', () => {
  it('reads (1) items as the measures when —— bullets stand under them (the bullets were the measures), —— measures after an intro list as before', () => {
    const s = planOf(
      '(一)青少年科学素质提升行动',
      '(1)激发青少年好奇心和想象力。开展活动。', '——组织科技节。', '——开展科学营。', '(2)实施教师科学素质提升工程。加强培训。', '——开展教师培训。',
      '(二)老年人科学素质提升行动', '主要目标:', '(1)普及智能技术;', '(2)提升健康素养。', '——实施银龄科普行动。开展活动。', '——加强老年人健康教育。开展讲座。',
    ).sections;
    expect(s.map((x) => x.measures.map((m) => m.title))).toEqual([
      ['激发青少年好奇心和想象力', '实施教师科学素质提升工程'],
      ['实施银龄科普行动', '加强老年人健康教育'],
    ]);
  });
  it('takes the units a blank line after a label alone (they were lost), not two', () => {
    const s = youthOf('1.激发青少年好奇心和想象力。开展活动。', '责任单位', '', '市教育局、市科协', '2.实施教师科学素质提升工程。加强培训。', '责任单位:', '', '', '市教育局');
    expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([['责任:市教育局', '责任:市科协'], []]);
  });
  it('keeps —— measures after an intro (1) list when each has its own (1) list (the measures were lost)', () => {
    const s = planOf(
      '(一)青少年科学素质提升行动', '主要目标:', '(1)普及科学知识;', '(2)提升创新能力。',
      '——实施科普行动。开展活动。', '(1)建设科技馆;', '(2)组建志愿队。', '——加强科学教育。开展讲座。', '(1)开展科学营;', '(2)组织科技节。',
    ).sections;
    expect(s.map((x) => x.measures.map((m) => m.title))).toEqual([['实施科普行动', '加强科学教育']]);
  });
});

describe('a labelled label alone, then a task cell', () => {
  it('takes no task cell for its units, with its colon or in 【】 too (责任单位: / 建设县科技馆 was a unit)', () => {
    for (const label of ['责任单位:', '【责任单位】']) {
      const s = youthOf('1.激发青少年好奇心和想象力。开展活动。', label, '建设县科技馆', '2.实施教师科学素质提升工程。加强培训。', label, '县教育局、县科协');
      expect(s.measures.map((m) => unitsOf(m.agencies))).toEqual([[], ['责任:县教育局', '责任:县科协']]);
    }
  });
});

describe('a section of one paragraph opened by a sentence heading, in a plan that writes its measures so', () => {
  const plan = () =>
    planOf(
      '(一)青少年科学素质提升行动',
      '激发青少年好奇心和想象力。增强科学兴趣、创新意识和创新能力。',
      '牵头单位:县教育局',
      '配合单位:县科协、团县委',
      '推进课后服务科学教育。利用课后服务时间开展科普活动。',
      '牵头单位:县教育局',
      '(二)产业工人科学素质提升行动',
      '开展职工技能培训。深入开展群众性技术创新活动,每年组织职工技能竞赛不少于2次。',
      '牵头单位:县总工会',
      '配合单位:县人社局',
    ).sections;
  it('reads that paragraph as the section\'s measure (it had none)', () => {
    expect(plan().map((s) => s.measures.map((m) => m.title))).toEqual([['激发青少年好奇心和想象力', '推进课后服务科学教育'], ['开展职工技能培训']]);
  });
  it('gives the lead note of a section\'s only measure to that measure too', () => {
    const s = plan()[1]!;
    expect(unitsOf(s.measures[0]!.agencies)).toEqual(['牵头:县总工会', '配合:县人社局']);
    expect(unitsOf(s.agencies)).toEqual(['牵头:县总工会', '配合:县人社局']);
    const one = youthOf('1.激发青少年好奇心和想象力。开展活动。(牵头单位:市教育局;配合单位:市科协)');
    expect(one.measures.map((m) => unitsOf(m.agencies))).toEqual([['牵头:市教育局', '配合:市科协']]);
  });
  it('leaves a one-paragraph section to its intro where no section is written so', () => {
    const s = planOf(
      '(一)青少年科学素质提升行动',
      '坚持立德树人。实施青少年科学素质提升工程,培育科学兴趣。',
      '(二)产业工人科学素质提升行动',
      '开展职工技能培训。深入开展群众性技术创新活动。',
    ).sections;
    expect(s.map((x) => x.measures.length)).toEqual([0, 0]);
  });
  it('reads no measure in a section of one sentence and its note', () => {
    const head = ['(一)青少年科学素质提升行动', '激发青少年好奇心和想象力。开展科学教育活动,培养科学兴趣。', '推进课后服务。各学校开设科技类课后服务项目。', '(二)科普信息化提升工程'];
    const bracket = planOf(...head, '推进科普信息化建设。(责任单位:县科技局、县融媒体中心)').sections[1]!;
    expect(bracket.measures).toEqual([]);
    expect(unitsOf(bracket.agencies)).toEqual(['责任:县科技局', '责任:县融媒体中心']);
    const lines = planOf(...head, '推进科普信息化建设。', '牵头单位:县科协', '配合单位:县融媒体中心').sections[1]!;
    expect(lines.measures).toEqual([]);
    expect(unitsOf(lines.agencies)).toEqual(['牵头:县科协', '配合:县融媒体中心']);
  });
});

describe('a task table whose rows stand under the sections (任务清单: 序号 / 具体任务 / 牵头单位 / 配合单位 / 完成时限)', () => {
  const header = ['序号', '具体任务', '牵头单位', '配合单位', '完成时限'];
  const sections: [string, string[][]][] = [
    ['一、青少年科学素质提升行动', [['激发青少年好奇心和想象力,开展科学家精神进校园活动', '县教育局', '县科协、团县委', '2022年12月'], ['实施教师科学素质提升工程', '县教育局', '县科协', '2022年10月']]],
    ['二、农民科学素质提升行动', [['实施高素质农民培育计划,培训农民500人次', '县农业农村局', '县科协', '2022年12月']]],
    ['三、老年人科学素质提升行动', [['实施银龄科普行动', '县卫健委', '县老龄办', '2022年12月']]],
  ];
  /** The table's cells one per line, as the .docx and HTML readers write them. */
  const tableText = (rows = sections, head = header) => {
    let n = 0;
    const lines = ['某某县2022年全民科学素质行动重点任务清单', ...head];
    for (const [title, cells] of rows) {
      lines.push(title);
      for (const row of cells) lines.push(String(++n), ...row);
    }
    return `${lines.join('\n')}\n`;
  };

  it('reads each row as a measure with its units, titled by its task\'s first clause (the unit cells were read as sentence headings)', () => {
    const text = tableText();
    const plan = parsePlan(text);
    expect(plan.sections.map((s) => s.measures.map((m) => `${m.label} ${m.title}`))).toEqual([
      ['1 激发青少年好奇心和想象力', '2 实施教师科学素质提升工程'],
      ['3 实施高素质农民培育计划'],
      ['4 实施银龄科普行动'],
    ]);
    const first = plan.sections[0]!.measures[0]!;
    expect(unitsOf(first.agencies)).toEqual(['牵头:县教育局', '配合:县科协', '配合:团县委']);
    expect(first.agencies.map((a) => under(text, a.span))).toEqual(['县教育局', '县科协', '团县委']);
    expect(first.body).toBe('开展科学家精神进校园活动');
    expect(under(text, first.span)).toBe('1\n激发青少年好奇心和想象力,开展科学家精神进校园活动\n县教育局\n县科协、团县委\n2022年12月\n');
  });

  it('reads no rows without a table header, or when the numbering skips', () => {
    const noHeader = parsePlan(tableText(sections, []));
    expect(noHeader.sections.flatMap((s) => s.measures.map((m) => m.label))).not.toContain('1');
    const skipped = tableText().replace('\n2\n实施教师', '\n5\n实施教师');
    expect(parsePlan(skipped).sections[0]!.measures.filter((m) => m.label === '1')).toEqual([]);
  });
});

describe('a task table with no headings, its groups in a column of their first rows (重点任务 / 具体措施 / …)', () => {
  /** Rows as cells one per line; a group's name only in its first row (a merged cell). */
  const text = [
    '某某县2022年全民科学素质行动重点任务清单',
    ...['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'],
    ...['1', '青少年科学素质提升行动', '激发青少年好奇心和想象力,开展科学家精神进校园活动', '县教育局', '县科协、团县委', '2022年12月'],
    ...['2', '实施教师科学素质提升工程', '县教育局', '县科协', '2022年10月'],
    // No 配合单位 here: an empty cell is no line.
    ...['3', '农民科学素质提升行动', '实施高素质农民培育计划', '县农业农村局', '2022年12月'],
    // A task named as an action (实施银龄科普行动) is no group: a unit follows it.
    ...['4', '老年人科学素质提升行动', '实施银龄科普行动', '县卫健委', '县老龄办', '2022年12月'],
    ...['5', '实施银龄科普行动', '县卫健委', '县老龄办', '2022年12月'],
    '某某县全民科学素质工作领导小组办公室',
    '2022年3月1日',
    '',
  ].join('\n');

  it('reads each group as a section and its rows as measures, with their units (it had no sections)', () => {
    const plan = parsePlan(text);
    expect(plan.sections.map((s) => [s.title, s.kind, s.measures.map((m) => [m.label, m.title, unitsOf(m.agencies)])])).toEqual([
      ['青少年科学素质提升行动', 'action', [
        ['1', '激发青少年好奇心和想象力', ['牵头:县教育局', '配合:县科协', '配合:团县委']],
        ['2', '实施教师科学素质提升工程', ['牵头:县教育局', '配合:县科协']],
      ]],
      ['农民科学素质提升行动', 'action', [['3', '实施高素质农民培育计划', ['牵头:县农业农村局']]]],
      ['老年人科学素质提升行动', 'action', [
        ['4', '实施银龄科普行动', ['牵头:县卫健委', '配合:县老龄办']],
        ['5', '实施银龄科普行动', ['牵头:县卫健委', '配合:县老龄办']],
      ]],
    ]);
    expect(under(text, plan.sections[1]!.titleSpan)).toBe('农民科学素质提升行动');
    expect(plan.diagnostics.map((d) => d.code)).not.toContain('outline/no-sections');
  });
});

describe('a task table in an HTML page, read end to end', () => {
  it('gives the rows under each heading row as its measures, with their units', async () => {
    const { loadPlanFromBytes } = await import('../../src/load/load-plan.js');
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const html = `<html><head><meta charset="utf-8"></head><body><h1>某某县2022年全民科学素质行动重点任务清单</h1><table>
      ${row(['序号', '具体任务', '牵头单位', '配合单位', '完成时限'])}
      <tr><td colspan="5">一、青少年科学素质提升行动</td></tr>${row(['1', '激发青少年好奇心和想象力,开展科学家精神进校园活动', '县教育局', '县科协、团县委', '2022年12月'])}
      <tr><td colspan="5">二、农民科学素质提升行动</td></tr>${row(['2', '实施高素质农民培育计划', '县农业农村局', '县科协', '2022年12月'])}
      <tr><td colspan="5">三、基层科普能力提升工程</td></tr>${row(['3', '建设科普e站10个', '县科协', '各乡镇人民政府', '2022年11月'])}
    </table></body></html>`;
    const r = loadPlanFromBytes(new TextEncoder().encode(html), 'list.html');
    expect(r.plan!.sections.map((s) => [s.title, s.measures.map((m) => [m.title, unitsOf(m.agencies)])])).toEqual([
      ['青少年科学素质提升行动', [['激发青少年好奇心和想象力', ['牵头:县教育局', '配合:县科协', '配合:团县委']]]],
      ['农民科学素质提升行动', [['实施高素质农民培育计划', ['牵头:县农业农村局', '配合:县科协']]]],
      ['基层科普能力提升工程', [['建设科普e站10个', ['牵头:县科协', '配合:各乡镇人民政府']]]],
    ]);
  });
});

describe('a note written as a sentence in a section of sentence-heading measures', () => {
  it('is no heading (由县教育局牵头负责。 was a measure, and the heading after it its body)', () => {
    const s = youthOf('激发青少年好奇心。开展科学探究活动。由县教育局牵头负责。', '推进课后服务。开展科普活动。县科协负责。', '加强科学教师培训。组织专题培训。');
    expect(s.measures.map((m) => m.title)).toEqual(['激发青少年好奇心', '推进课后服务', '加强科学教师培训']);
    expect(unitsOf(s.measures[1]!.agencies)).toEqual(['责任:县科协']);
  });
});

describe('task tables as written in the wild (review of the task-table reading)', () => {
  const read = (lines: string[]) =>
    parsePlan(`${lines.join('\n')}\n`).sections.map((s) => [s.title, s.measures.map((m) => [m.title, unitsOf(m.agencies)])]);

  it('reads groups under 类别, a task that ends like a unit (…建设县科技馆), a group written in each row, and numbers from 1 in each group', () => {
    expect(
      read([
        '某某县2022年全民科学素质行动重点任务清单',
        ...['序号', '类别', '具体措施', '牵头单位', '配合单位'],
        ...['1', '科普基础设施工程', '加强科普基础设施建设,建设县科技馆', '县科协', '县发改局'],
        ...['2', '科普基础设施工程', '建设科普e站10个', '县科协', '各乡镇人民政府'],
        ...['1', '青少年科学素质提升行动', '激发青少年好奇心和想象力', '县教育局', '县科协、团县委'],
      ]),
    ).toEqual([
      ['科普基础设施工程', [['加强科普基础设施建设', ['牵头:县科协', '配合:县发改局']], ['建设科普e站10个', ['牵头:县科协', '配合:各乡镇人民政府']]]],
      ['青少年科学素质提升行动', [['激发青少年好奇心和想象力', ['牵头:县教育局', '配合:县科协', '配合:团县委']]]],
    ]);
  });

  it('reads rows numbered 1. under the headings, a header of two rows (责任单位 over 牵头单位 / 配合单位) and a page number in a row', () => {
    const sections = ['青少年科学素质提升行动', '农民科学素质提升行动', '老年人科学素质提升行动'];
    expect(
      read([
        '某某县2022年全民科学素质行动工作要点',
        ...['序号', '具体任务', '责任单位', '完成时限', '牵头单位', '配合单位'],
        ...sections.flatMap((s, i) => [`${'一二三'[i]}、${s}`, `${i + 1}.`, `实施第${i + 1}项任务,开展活动`, ...(i === 1 ? ['- 2 -'] : []), '县科协', '县教育局', '2022年12月']),
      ]),
    ).toEqual(sections.map((s, i) => [s, [[`实施第${i + 1}项任务`, ['牵头:县科协', '配合:县教育局']]]]));
  });

  it('reads no row from a page number before a section\'s paragraph, nor a signature as a unit', () => {
    const plan = parsePlan(
      [
        '某某县全民科学素质行动实施方案',
        ...['序号', '重点任务', '牵头单位', '配合单位'],
        '二、重点任务',
        ...['(一)青少年科学素质提升行动。', '3', '以激发青少年好奇心为重点,扎实推进各项工作。'],
        ...['(二)农民科学素质提升行动。', '以实施高素质农民培育计划为重点,扎实推进各项工作。'],
        ...['(三)老年人科学素质提升行动。', '以实施银龄科普行动为重点,扎实推进各项工作。'],
      ].join('\n'),
    );
    expect(plan.sections[0]!.measures.map((m) => m.label)).not.toContain('3');
    const signed = read([
      '某某县2022年全民科学素质行动重点任务清单',
      ...['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'],
      ...['1', '青少年科学素质提升行动', '激发青少年好奇心和想象力', '县教育局', '县科协', '2022年12月'],
      ...['2', '实施教师科学素质提升工程', '县教育局', '2022年12月'],
      '某某县全民科学素质工作领导小组办公室',
      '2022年3月1日',
    ]);
    expect(signed).toEqual([['青少年科学素质提升行动', [['激发青少年好奇心和想象力', ['牵头:县教育局', '配合:县科协']], ['实施教师科学素质提升工程', ['牵头:县教育局']]]]]);
  });
});

describe('a task table header over sections with no rows', () => {
  it('reads the sections without measures and never throws (an empty body under a header threw)', () => {
    const p = parsePlan(['某县2022年全民科学素质任务清单', '序号', '具体任务', '牵头单位', '一、青少年科学素质提升行动', '二、农民科学素质提升行动', '三、老年人科学素质提升行动', ''].join('\n'));
    expect(p.sections.map((s) => [s.title, s.measures.length])).toEqual([
      ['青少年科学素质提升行动', 0],
      ['农民科学素质提升行动', 0],
      ['老年人科学素质提升行动', 0],
    ]);
  });
});

describe('task tables: rows numbered 一、二, and a group cell written with its ordinal', () => {
  const cells = (rows: string[][]) => rows.flat();
  const tasks = [
    ['激发青少年好奇心和想象力', '县教育局', '县科协、团县委', '2022年12月'],
    ['实施教师科学素质提升工程', '县教育局', '县科协', '2022年10月'],
    ['实施高素质农民培育计划', '县农业农村局', '县科协', '2022年12月'],
    ['实施银龄科普行动', '县卫健委', '县老龄办', '2022年12月'],
  ];
  const read = (lines: string[]) => parsePlan(['某某县2022年全民科学素质行动重点任务清单', ...lines, ''].join('\n')).sections.map((s) => [s.title, s.measures.map((m) => [m.label, m.title, unitsOf(m.agencies)])]);
  const want = [
    ['青少年科学素质提升行动', [['1', '激发青少年好奇心和想象力', ['牵头:县教育局', '配合:县科协', '配合:团县委']], ['2', '实施教师科学素质提升工程', ['牵头:县教育局', '配合:县科协']]]],
    ['农民科学素质提升行动', [['3', '实施高素质农民培育计划', ['牵头:县农业农村局', '配合:县科协']]]],
    ['老年人科学素质提升行动', [['4', '实施银龄科普行动', ['牵头:县卫健委', '配合:县老龄办']]]],
  ];

  it('reads rows numbered 一, 二 … in the 序号 column (the unit cells were read as sentence headings)', () => {
    const got = read(['序号', '具体任务', '牵头单位', '配合单位', '完成时限', '一、青少年科学素质提升行动', ...cells([['一', ...tasks[0]!], ['二', ...tasks[1]!]]), '二、农民科学素质提升行动', '三', ...tasks[2]!, '三、老年人科学素质提升行动', '四', ...tasks[3]!]);
    expect(got).toEqual(want.map(([t, ms]) => [t, (ms as [string, string, string[]][]).map(([l, ...rest]) => ['一二三四'[Number(l) - 1], ...rest])]));
  });

  it('reads a group cell written with its ordinal (1 / 一、青少年科学素质提升行动 / 激发…): the number before the heading is its first row\'s', () => {
    const got = read(['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限', '1', '一、青少年科学素质提升行动', ...tasks[0]!, '2', ...tasks[1]!, '3', '二、农民科学素质提升行动', ...tasks[2]!, '4', '三、老年人科学素质提升行动', ...tasks[3]!]);
    expect(got).toEqual(want);
  });
});

describe('a task table of two groups written with their ordinals', () => {
  it('gives each group as a section titled without its ordinal', () => {
    const lines = ['某某县2022年全民科学素质行动重点任务清单', '序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'];
    lines.push('1', '一、青少年科学素质提升行动', '激发青少年好奇心和想象力', '县教育局', '县科协', '2022年12月');
    lines.push('2', '实施教师科学素质提升工程', '县教育局', '县科协', '2022年10月');
    lines.push('3', '二、农民科学素质提升行动', '实施高素质农民培育计划', '县农业农村局', '县科协', '2022年12月', '');
    const text = lines.join('\n');
    const p = parsePlan(text);
    expect(p.sections.map((s) => [s.title, under(text, s.titleSpan), s.measures.length])).toEqual([
      ['青少年科学素质提升行动', '青少年科学素质提升行动', 2],
      ['农民科学素质提升行动', '农民科学素质提升行动', 1],
    ]);
  });
});

describe('a task table under each section heading, with its own header', () => {
  it('reads each section\'s rows (the header cells were read as measures)', () => {
    const header = ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'];
    const text = [
      '某某区全民科学素质行动任务清单',
      '一、青少年科学素质提升行动', ...header,
      '1', '加强学校科学教育', '推进科学课程教学改革,每所学校至少配备1名专职科学教师', '区教育体育局', '区科协', '2025年',
      '2', '开展科技实践活动', '每年举办青少年科技创新大赛', '区科协', '区教育体育局、团区委', '持续推进',
      '二、农民科学素质提升行动', ...header,
      '3', '培育高素质农民', '每年培训高素质农民300人', '区农业农村局', '区人力资源社会保障局', '2025年',
      '三、基层科普能力提升工程', ...header,
      '4', '加强应急科普', '建立应急科普宣传机制', '区应急管理局', '区科协、区卫生健康局', '2024年',
      // 具体措施 ending like a unit's name (总队) is still the row's text, not a unit.
      '5', '发展科普志愿者队伍', '组建区级科普志愿服务总队', '区科协', '团区委、区民政局', '2024年',
      '',
    ].join('\n');
    const p = parsePlan(text);
    expect(p.sections.map((s) => [s.title, s.measures.map((m) => [m.label, m.title, unitsOf(m.agencies)])])).toEqual([
      ['青少年科学素质提升行动', [['1', '加强学校科学教育', ['牵头:区教育体育局', '配合:区科协']], ['2', '开展科技实践活动', ['牵头:区科协', '配合:区教育体育局', '配合:团区委']]]],
      ['农民科学素质提升行动', [['3', '培育高素质农民', ['牵头:区农业农村局', '配合:区人力资源社会保障局']]]],
      ['基层科普能力提升工程', [
        ['4', '加强应急科普', ['牵头:区应急管理局', '配合:区科协', '配合:区卫生健康局']],
        ['5', '发展科普志愿者队伍', ['牵头:区科协', '配合:团区委', '配合:区民政局']],
      ]],
    ]);
    // 具体措施 is the row's text.
    expect(p.sections[0]!.measures[0]!.body).toBe('推进科学课程教学改革,每所学校至少配备1名专职科学教师');
  });
});

describe('a task table whose groups stand on rows of their own', () => {
  it('reads a 类别 column before 序号, and a group row across the table, as sections (there were none)', () => {
    const rows = [
      '青少年科学素质提升行动', '1', '推进中小学科学教育改革,开足开齐科学课程', '市教育局', '市科协', '2025年底',
      '2', '开展青少年科技创新大赛', '市科协', '市教育局、团市委', '每年',
      '农民科学素质提升行动', '3', '实施高素质农民培育计划', '市农业农村局', '市科协、市人社局', '每年',
    ];
    const p = parsePlan(['吴忠市全民科学素质行动重点任务清单', '类别', '序号', '重点任务', '牵头单位', '配合单位', '完成时限', ...rows, ''].join('\n'));
    expect(p.sections.map((s) => [s.title, s.measures.map((m) => [m.label, m.title, unitsOf(m.agencies)])])).toEqual([
      ['青少年科学素质提升行动', [['1', '推进中小学科学教育改革', ['牵头:市教育局', '配合:市科协']], ['2', '开展青少年科技创新大赛', ['牵头:市科协', '配合:市教育局', '配合:团市委']]]],
      ['农民科学素质提升行动', [['3', '实施高素质农民培育计划', ['牵头:市农业农村局', '配合:市科协', '配合:市人社局']]]],
    ]);
  });
});
