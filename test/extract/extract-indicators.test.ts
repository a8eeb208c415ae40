import { describe, expect, it } from 'vitest';
import type { Diagnostic, Indicator } from '../../src/model/index.js';
import { extractIndicators } from '../../src/extract/extract-indicators.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { loadGold, loadSeed, normTitle } from './helpers.js';

const read = (text: string) => extractIndicators(mapIdentity(text), []);
const brief = (xs: Indicator[]) => xs.map((i) => [i.name, i.value, i.unit, i.comparator]);
const briefOf = (text: string) => brief(read(text));

describe('extractIndicators on the seeds', () => {
  const gold = loadGold();
  it.each(['000', '001', '002', '003', '004'])('seed %s: finds the gold indicators with their evidence', (prefix) => {
    const { file, original, mt } = loadSeed(prefix);
    const g = gold.find((p) => p.file === file)!;
    const indicators = extractIndicators(mt, []);
    let found = 0;
    for (const gi of g.indicators ?? []) {
      const hit = indicators.find(
        (i) =>
          i.value === gi.value &&
          i.unit === gi.unit &&
          (normTitle(i.name).includes(normTitle(gi.name)) || normTitle(gi.name).includes(normTitle(i.name)) || normTitle(i.raw).includes(normTitle(gi.name))),
      );
      if (!hit) continue;
      found++;
      if (gi.comparator) expect(hit.comparator, gi.name).toBe(gi.comparator);
    }
    expect(found).toBe(g.indicators?.length ?? 0);
    for (const i of indicators) {
      const evidence = original.slice(i.span.start, i.span.end).replace(/\s/gu, '');
      expect(evidence.length).toBeGreaterThan(0);
      expect(normTitle(evidence)).toContain(normTitle(i.raw));
    }
  });

  it('seed 000: names, scaling, years and both copies of a repeated figure', () => {
    const { mt } = loadSeed('000');
    const xs = extractIndicators(mt, []);
    expect(xs.find((i) => i.name === '开展各类补贴性职业技能培训')).toMatchObject({ value: 100000, unit: '人次', comparator: '=', year: null });
    expect(xs.filter((i) => i.name === '市级科普基地').map((i) => i.year)).toEqual([null, 2025]);
    expect(xs.find((i) => i.name === '科普宣传员队伍')).toMatchObject({ value: 1000, unit: '名', comparator: '~' });
    expect(xs.find((i) => i.name === '居民健康素养水平')).toMatchObject({ value: 25, unit: '%', comparator: '>=', year: 2025 });
    expect(xs.some((i) => i.unit === '%' && i.value === 15)).toBe(false);
  });

  it('seed 001: per-year rates, ranges and counts of the plan itself', () => {
    const { mt } = loadSeed('001');
    const xs = extractIndicators(mt, []);
    expect(xs.find((i) => i.name === '开展科普大篷车巡展活动')).toMatchObject({ value: 10, unit: '场次', comparator: '>=', perYear: true });
    expect(xs.find((i) => i.name === '市级科普教育基地')).toMatchObject({ value: 1, comparator: '>=', perYear: true });
    expect(xs.find((i) => i.name === '技能人才')).toMatchObject({ value: 70000, unit: '人', comparator: '>=', year: 2025 });
    expect(xs.some((i) => i.unit === '项')).toBe(false);
  });

  it('seeds 002 and 003: only minimums stated in words, not the plan counting its own parts', () => {
    expect(brief(extractIndicators(loadSeed('003').mt, []))).toEqual([]);
    expect(brief(extractIndicators(loadSeed('002').mt, []))).toEqual([
      ['科技辅导教师', 1, '名', '>='],
      ['科技辅导员培训', 1, '期', '>='],
    ]);
  });
});

describe('extractIndicators on other phrasings', () => {
  it('splits a list joined by 、 between figures, keeping the year of the sentence', () => {
    const xs = read('到2025年,创建50个市级科普基地、20个省级科普教育基地。');
    expect(xs.map((i) => [i.name, i.value, i.year, i.raw])).toEqual([
      ['市级科普基地', 50, 2025, '创建50个市级科普基地'],
      ['省级科普教育基地', 20, 2025, '20个省级科普教育基地'],
    ]);
  });

  it.each([
    ['培训科学类教师1000人(次)', ['培训科学类教师', 1000, '人次', '=']],
    ['完成农民培训2万人次以上', ['完成农民培训', 20000, '人次', '>=']],
    ['全市科普经费投入1.5亿元', ['科普经费投入', 150000000, '元', '=']],
    ['建成三个科普示范社区', ['科普示范社区', 3, '个', '=']],
    ['组建十二支科技志愿服务队', ['科技志愿服务队', 12, '支', '=']],
    ['每年举办科普讲座不少于二十场', ['举办科普讲座', 20, '场', '>=']],
    ['注册科技志愿者超过1,000人', ['注册科技志愿者', 1000, '人', '>']],
    ['培育乡土人才1000余人', ['培育乡土人才', 1000, '人', '>']],
    ['组建约50人的专家库', ['专家库', 50, '人', '~']],
    ['至少配备一名科技辅导员', ['科技辅导员', 1, '名', '>=']],
    ['科普场馆免费开放率提高2个百分点', ['科普场馆免费开放率提高', 2, '百分点', '=']],
  ])('%s', (text, expected) => {
    expect(brief(read(text))).toEqual([expected]);
  });

  it('marks a yearly rate', () => {
    expect(read('每年开展科普活动不少于10场次')[0]).toMatchObject({ perYear: true, comparator: '>=' });
  });

  it.each([
    '根据《国务院关于印发全民科学素质行动规划纲要(2021-2035年)的通知》(国发〔2021〕9号)',
    '2022年12月28日,深入开展教师信息技术能力提升工程2.0。',
    '在“十四五”时期实施5项提升行动和6项重点工程。',
    '“十四五”期间,统筹推进“五位一体”总体布局,协调推进“四个全面”战略布局。',
    '组织召开第十次党代会,读一本科普书籍、听一次科普讲座,打造一支高素质队伍,培育一批科技小院。',
    '到2025年,全市公民具备科学素质的比例达到15%。',
  ])('finds nothing in %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('reports a comparator with a figure whose unit is unknown', () => {
    const diagnostics: Diagnostic[] = [];
    extractIndicators(mapIdentity('科普图书不少于500册,科普挂图达到300张。'), diagnostics);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['indicator/unit-unknown', 'figure 300 followed by unknown unit 张']]);
  });
});

describe('the year of an indicator measured from another year', () => {
  it('dates 比2020年增加10个 and 在2020年基础上新增 by the plan year, not the year it is measured from', () => {
    for (const v of ['科普基地比2020年增加10个', '科普基地在2020年基础上新增10个', '科普基地较2020年增加10个']) {
      const [i] = read(`到2025年,全市${v}。`).filter((x) => x.value === 10);
      expect(i?.year, v).toBe(2025);
    }
    // The year's own figure keeps it, and a sentence without another year dates nothing.
    expect(read('全市科普基地由2020年的10个增加到2025年的20个。').map((i) => [i.value, i.year])).toEqual([
      [10, 2020],
      [20, 2025],
    ]);
    expect(read('全市科普基地比2020年增加10个。').find((x) => x.value === 10)?.year).toBeNull();
    // 与 and 同 are no reference words (参与2023年…, 2024年与2025年…), nor the 比 of 占比.
    expect(read('到2025年,组织青少年参与2023年全国科普日活动1000人次。').find((x) => x.value === 1000)?.year).toBe(2023);
    expect(read('2024年与2025年每年各建设科普基地5个。').find((x) => x.value === 5)?.year).toBe(2025);
    // 基础上 and 相比 not right after a year (在现有基础上) make no year a reference.
    expect(read('到2025年,在现有基础上,全市新增科普场馆5个,每万人拥有科普人员达到20人。').map((i) => i.year)).toEqual([2025, 2025]);
    expect(read('到2025年,全市科普场馆在现有基础上新增5个,科普经费在2020年基础上增加20%,科普人员数比2020年增长10%。').map((i) => i.year)).toEqual([2025, 2025, 2025]);
  });
});

describe('indicators around a target stated in points', () => {
  it('does not count the target’s own increase in points as an indicator, and dates the next one by the plan year', () => {
    const xs = read('到2025年,全市公民具备科学素质的比例由2020年的8.5%提高一点五个百分点,科普经费占比提高2个百分点。');
    expect(xs.map((i) => [i.value, i.unit, i.year])).toEqual([[2, '百分点', 2025]]);
  });

  it('dates figures after 由2020年的… by the plan year, the value after 由…的 by its own', () => {
    const xs = read('到2025年,科普基地由2020年的20个增加到30个,比2020年增加10个。');
    expect(xs.map((i) => [i.value, i.year])).toEqual([
      [20, 2020],
      [30, 2025],
      [10, 2025],
    ]);
  });
});

describe('reference years, as the third review found them', () => {
  it('reads a value of any unit between a year and 基础上 as that year’s own, and 由2022年起 as a start', () => {
    expect(read('到2025年,全市科普基地在2020年20个的基础上增加10个。').map((i) => [i.value, i.year])).toEqual([
      [20, 2020],
      [10, 2025],
    ]);
    expect(read('由2022年起,全市每年新增科普基地2个。').map((i) => [i.value, i.year])).toEqual([[2, 2022]]);
  });
});

describe('indicators measured from a value reached, and ranges with a unit on each figure', () => {

  it('names both figures of 由…N个增加到M个 by what is counted, not by each other', () => {
    expect(briefOf('全市科普基地由2020年的20个增加到30个。')).toEqual([
      ['科普基地', 20, '个', '='],
      ['科普基地', 30, '个', '>='],
    ]);
    expect(briefOf('科普场馆从10个增至15个。')).toEqual([
      ['科普场馆', 10, '个', '='],
      ['科普场馆', 15, '个', '>='],
    ]);
    expect(briefOf('科普e站由现有的50个增加到100个以上。')).toEqual([
      ['科普e站', 50, '个', '='],
      ['科普e站', 100, '个', '>='],
    ]);
    // The value reached is not dated by the deadline ahead (it is no 2025 commitment); the level is.
    expect(read('到2025年,科普基地由20个增加到30个。').map((i) => [i.value, i.year])).toEqual([
      [20, null],
      [30, 2025],
    ]);
    // 从2022年起 is a start, not a value reached: the figure keeps its name.
    expect(read('从2022年起每年新增科普基地5个。').map((i) => i.value)).toEqual([5]);
  });

  it('reads 80%至90% and 10个—15个 as one figure, at least its lower bound', () => {
    expect(briefOf('科普覆盖率达到80%至90%。')).toEqual([['科普覆盖率', 80, '%', '>=']]);
    expect(briefOf('新建科普基地10个—15个。')).toEqual([['新建科普基地', 10, '个', '>=']]);
    expect(briefOf('科普基地20个到30个之间。')).toEqual([['科普基地', 20, '个', '>=']]);
    // Two figures of a list stay two.
    expect(read('建设科普站10个、20个。').map((i) => i.value)).toEqual([10]);
  });
});

describe('review of d68e5fa: the lower figure of a target range', () => {
  it('is neither an indicator nor a figure of unknown unit (达到12至13%)', () => {
    for (const text of ['到2025年,全市公民具备科学素质的比例达到12至13%。', '到2025年,青少年具备科学素质的比例达到17到18%。']) {
      const diagnostics: Diagnostic[] = [];
      expect(extractIndicators(mapIdentity(text), diagnostics), text).toEqual([]);
      expect(diagnostics, text).toEqual([]);
    }
  });
});

describe('review of 00c0163: a value reached and its level, an increase and its level, names cut to nothing', () => {

  it('keeps 由60%到80% and 从10座至20座 as a value reached and a level, not a range of at least the base', () => {
    expect(briefOf('乡镇科普站覆盖率由60%到80%。')).toEqual([
      ['乡镇科普站覆盖率', 60, '%', '='],
      ['乡镇科普站覆盖率', 80, '%', '>='],
    ]);
    expect(briefOf('科技馆从10座至20座。').map((i) => i[1])).toEqual([10, 20]);
    expect(briefOf('科普示范社区由2020年底的10个到20个左右。').map((i) => i[1])).toEqual([10, 20]);
    expect(briefOf('科技馆由“十三五”末的20座至40座。')).toEqual([
      ['科技馆', 20, '座', '='],
      ['科技馆', 40, '座', '>='],
    ]);
  });

  it('keeps 提高20%至80% and 增加5个至20个 as an increase and the level reached (增长10%至15% stays a range)', () => {
    expect(read('科普场馆覆盖率提高20%至80%。').map((i) => i.value)).toEqual([20, 80]);
    expect(read('科普示范社区增加5个至20个。').map((i) => i.value)).toEqual([5, 20]);
    expect(briefOf('科普经费投入增长10%至15%。')).toEqual([['科普经费投入增长', 10, '%', '>=']]);
  });

  it('does not drop a figure whose name the value reached would cut to nothing', () => {
    expect(briefOf('全市从10个科普e站增至20个。').map((i) => i[1])).toEqual([10, 20]);
    expect(briefOf('全市从10个科普e站增至20个。')[1]).toEqual(['科普e站', 20, '个', '>=']);
    expect(read('从3个方面建设科普基地30个。').map((i) => i.value)).toContain(30);
  });
});

describe('review of 3972bfc..aef1743: the level a change reaches', () => {
  const brief = (text: string) => read(text).map((i) => [i.name, i.value, i.unit, i.comparator, i.year]);

  it('is not dated by the year of the base it grows from (由2020年底的5个到10个), only by a deadline before it', () => {
    expect(brief('到2025年,科普示范社区由2020年底的5个到10个。')).toEqual([
      ['科普示范社区', 5, '个', '=', 2020],
      ['科普示范社区', 10, '个', '>=', 2025],
    ]);
    expect(brief('科普示范社区由2020年底的5个到10个。')[1]).toEqual(['科普示范社区', 10, '个', '>=', null]);
    expect(brief('到2025年,全市科技馆从2020年的10座增长到20座。')[1]).toEqual(['科技馆', 20, '座', '>=', 2025]);
    expect(brief('全市由2020年的10个科普e站到20个。')[1]).toEqual(['科普e站', 20, '个', '>=', null]);
    // A decrease's level is no floor.
    expect(brief('科普基地数量从2020年的30个减少到20个。')[1]).toEqual(['科普基地数量', 20, '个', '=', null]);
  });

  it('is named by what is counted, not by the increase before it (提升10%至90%, 增长5辆至20辆)', () => {
    expect(brief('社区科普活动室建设率提升10%至90%。')[1]).toEqual(['社区科普活动室建设率', 90, '%', '>=', null]);
    expect(brief('科普大篷车增长5辆至20辆。')[1]).toEqual(['科普大篷车', 20, '辆', '>=', null]);
    expect(brief('全市从10所社区科普大学到20所。')[1]).toEqual(['社区科普大学', 20, '所', '>=', null]);
  });
});

describe('the aspects a text is laid out in', () => {
  it('reads 从五个方面/从3个维度 as no indicator and no part of the next one\'s name', () => {
    expect(briefOf('从五个方面推进科普工作。')).toEqual([]);
    expect(briefOf('从3个方面入手,建成科普基地5个。')).toEqual([['建成科普基地', 5, '个', '=']]);
    // Was 维度建设科普大篷车30个 (5 个) and 维度建设科普大篷车 (30 个).
    expect(briefOf('到2025年,从5个维度建设科普大篷车30个。')).toEqual([['建设科普大篷车', 30, '个', '=']]);
    expect(briefOf('重点从三个层面推进建设科普示范社区30个。')).toEqual([['重点推进建设科普示范社区', 30, '个', '=']]);
  });

  it('keeps a value a change starts from (从10个科普e站增至20个)', () => {
    expect(briefOf('从10个科普e站增至20个。')).toEqual([
      ['科普e站', 10, '个', '='],
      ['科普e站', 20, '个', '>='],
    ]);
  });
});

describe('a value reached and its level, named by what is counted', () => {
  it('leaves the rise out of both names (从10个科普e站增至20个: the base was named 科普e站增至20个, 增加至 left 增加 on the level)', () => {
    expect(briefOf('全市由2020年的10个科普教育基地增加至20个。')).toEqual([
      ['科普教育基地', 10, '个', '='],
      ['科普教育基地', 20, '个', '>='],
    ]);
    expect(briefOf('全市从现有的10所社区科普大学提高到20所。')).toEqual([
      ['社区科普大学', 10, '所', '='],
      ['社区科普大学', 20, '所', '>='],
    ]);
  });
});

describe('review of 5f810e6: aspects and rises', () => {
  it('reads 从以下五个方面, 从这三个层面, 从5 个方面 as aspects too', () => {
    expect(briefOf('从以下五个方面推进科普工作。')).toEqual([]);
    expect(briefOf('主要从这三个层面推进,建设科普示范社区30个。')).toEqual([['建设科普示范社区', 30, '个', '=']]);
    expect(briefOf('从5 个方面建设科普大篷车30个。')).toEqual([['建设科普大篷车', 30, '个', '=']]);
  });

  it('keeps a count of fields a change starts from (从3个领域拓展到8个: the 3 was dropped)', () => {
    expect(briefOf('科普资源从3个领域拓展到8个。')).toEqual([
      ['领域', 3, '个', '='],
      ['科普资源', 8, '个', '>='],
    ]);
  });

  it('leaves 发展到, 扩大到, 上升至 and a bare 到 out of the names too', () => {
    for (const [text, name] of [
      ['全市从10个科普e站发展到20个。', '科普e站'],
      ['全市由10个科普e站到20个。', '科普e站'],
      ['全市由2020年的10个科普教育基地上升至20个。', '科普教育基地'],
    ] as const) {
      expect(briefOf(text).map((x) => x[0]), text).toEqual([name, name]);
    }
    expect(briefOf('从1000名科技志愿者扩大到2000名。')).toEqual([
      ['科技志愿者', 1000, '名', '='],
      ['科技志愿者', 2000, '名', '>='],
    ]);
  });

  it('names a value reached by its level when the name follows the level (由10个增加到20个科普e站: was 由)', () => {
    expect(briefOf('全市由10个增加到20个科普e站。')).toEqual([
      ['科普e站', 10, '个', '='],
      ['科普e站', 20, '个', '>='],
    ]);
  });

  it('keeps a rise word that is part of a name, not followed by a figure (提升到户服务站: was 打造)', () => {
    expect(briefOf('打造10个提升到户服务站。')).toEqual([['提升到户服务站', 10, '个', '=']]);
  });
});
