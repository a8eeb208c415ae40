import { describe, expect, it } from 'vitest';
import type { Agency } from '../../src/model/index.js';
import { extractAnnexAgencies } from '../../src/extract/extract-annex-agencies.js';
import { findAgencyNotes } from '../../src/extract/find-agency-notes.js';
import { parseAgencyList } from '../../src/extract/parse-agency-list.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { parsePlan } from '../../src/parse/parse-plan.js';
import { loadSeed } from './helpers.js';

const names = (xs: Agency[]) => xs.map((a) => `${a.role}:${a.name}`);
const notesOf = (text: string) => {
  const mt = mapIdentity(text);
  return findAgencyNotes(mt, 0, mt.text.length);
};
/** The units of the notes after a sentence and a line break (`开展科学探究活动。\n${note}`), note by note. */
const unitsAfter = (note: string) => notesOf(`开展科学探究活动。\n${note}\n`).map((n) => names(n.agencies));

describe('parseAgencyList', () => {
  it('splits outside brackets, trims verbs and drops generic words', () => {
    const mt = mapIdentity('县自然资源和规划局(林业局)、各镇(园区), 团县委；县科协按职责分工负责、其他成员单位、');
    expect(names(parseAgencyList(mt, 0, mt.text.length, '责任'))).toEqual([
      '责任:县自然资源和规划局(林业局)',
      '责任:各镇(园区)',
      '责任:团县委',
      '责任:县科协',
    ]);
  });

  it('maps spans to the original text', () => {
    const { mt, original } = loadSeed('001');
    const at = mt.text.indexOf('县教育局、县科协、各镇(园区)');
    const xs = parseAgencyList(mt, at, at + '县教育局、县科协、各镇(园区)'.length, '牵头');
    expect(xs.map((a) => original.slice(a.span.start, a.span.end))).toEqual(['县教育局', '县科协', '各镇（园区）']);
  });

  it('rejects a bad range', () => {
    expect(() => parseAgencyList(mapIdentity('abc'), 2, 1, '责任')).toThrow(RangeError);
  });
});

describe('findAgencyNotes', () => {
  it.each([
    ['开展活动。(责任单位:市教育局、市科协)', false, ['责任:市教育局', '责任:市科协']],
    ['[牵头单位:县教育局、县科协、各镇(园区)]', true, ['牵头:县教育局', '牵头:县科协', '牵头:各镇(园区)']],
    ['(县教育局、团县委、县科协按职责分工负责)', false, ['责任:县教育局', '责任:团县委', '责任:县科协']],
    ['(县委组织部负责)', false, ['责任:县委组织部']],
    ['(牵头部门:市教育局、团市委、科协 配合部门:科素领导小组其他成员单位)', true, ['牵头:市教育局', '牵头:团市委', '牵头:科协']],
    ['(牵头部门:市科协配合部门:市教育局)', true, ['牵头:市科协', '配合:市教育局']],
    ['(牵头单位:市教育体育局;责任单位:市委宣传部、团市委)', true, ['牵头:市教育体育局', '责任:市委宣传部', '责任:团市委']],
    ['(责任单位:教体局、团区委、科协牵头,其他成员单位按职责分工负责)', true, ['牵头:教体局', '牵头:团区委', '牵头:科协']],
    ['(市教育局牵头,市科协、团市委配合)', true, ['牵头:市教育局', '配合:市科协', '配合:团市委']],
    // 主要责任单位 is a label of its own (主要 was read as a unit).
    ['(主要责任单位:县教育局;协同单位:县科协)', false, ['责任:县教育局', '配合:县科协']],
    // Each unit with its own verb, 由 or 等: the note is still read (a damaged label before it too).
    ['(由县教育局牵头,县科协等部门配合)', true, ['牵头:县教育局', '配合:县科协']],
    ['(县教育局牵头,县科协等按职责分工负责)', true, ['牵头:县教育局', '责任:县科协']],
    ['(责职单位:组织部牵头,其他成员单位按职责分工负责)', true, ['牵头:组织部']],
    ['做好工作。(县全民科学素质工作领导小组办公室、各镇(园区))\n', false, ['责任:县全民科学素质工作领导小组办公室', '责任:各镇(园区)']],
  ])('%s', (text, hasLead, expected) => {
    const [note, ...rest] = notesOf(text);
    expect(rest).toEqual([]);
    expect(note?.hasLead).toBe(hasLead);
    expect(names(note!.agencies)).toEqual(expected);
    expect(text.slice(note!.start, note!.end)).toMatch(/^[([].*[)\]]$/u);
  });

  it('takes no aside that lists places with 等 for a note', () => {
    expect(notesOf('建设一批科普场馆(如县科技馆、县博物馆等)。\n')).toEqual([]);
    expect(notesOf('开展科普活动(由群众自愿参与)。\n')).toEqual([]);
  });

  it('reads a note whose clauses carry their own verb only when every clause names a unit', () => {
    // Asides: who takes part, or a unit as an example.
    expect(notesOf('开展亲子科普活动(学校牵头,家长配合)。\n')).toEqual([]);
    expect(notesOf('开展村级科普活动(村委会牵头,村民参与)。\n')).toEqual([]);
    expect(notesOf('组织研学活动(如县科技馆等参与)。\n')).toEqual([]);
    expect(notesOf('开展校园科普(主要由学校等负责)。\n')).toEqual([]);
    expect(notesOf('开展科技服务(企业、学会等参与)。\n')).toEqual([]);
    // Notes: a generic unit, or one named after its place, among them.
    expect(names(notesOf('开展科普活动(由县教育局牵头,各有关部门配合)。\n')[0]!.agencies)).toEqual(['牵头:县教育局']);
    expect(names(notesOf('开展健康科普(县卫健委牵头,县医疗机构配合)。\n')[0]!.agencies)).toEqual(['牵头:县卫健委', '配合:县医疗机构']);
    expect(names(notesOf('开展科普活动(如东县科协牵头,如东县教育局等配合)。\n')[0]!.agencies)).toEqual(['牵头:如东县科协', '配合:如东县教育局']);
  });

  it('reads a line that starts with a label', () => {
    const [note] = notesOf('一、任务\n牵头单位:市科协、市教育局\n');
    expect(names(note!.agencies)).toEqual(['牵头:市科协', '牵头:市教育局']);
    expect(notesOf('一、任务\n主要责任单位:市科协、市教育局\n').map((n) => names(n.agencies))).toEqual([['责任:市科协', '责任:市教育局']]);
  });

  it('ends a line that starts with a label before a list number glued after its last unit', () => {
    const text = '推进科学教育。\n责任单位:市教育局、市科协3.加强科学类教师队伍的建设。加大培训。\n';
    const notes = notesOf(text);
    expect(notes.map((n) => [text.slice(n.start, n.end), names(n.agencies)])).toEqual([['责任单位:市教育局、市科协', ['责任:市教育局', '责任:市科协']]]);
  });

  it('reads a label after a sentence within a line, to the line’s end, brackets in it included', () => {
    const text = '推进科学教育。责任单位:市教育局、各镇(园区)\n开展科普日。牵头单位:市科协;配合单位:团市委\n';
    const notes = notesOf(text);
    expect(notes.map((n) => names(n.agencies))).toEqual([
      ['责任:市教育局', '责任:各镇(园区)'],
      ['牵头:市科协', '配合:团市委'],
    ]);
    expect(notes.map((n) => text.slice(n.start, n.end))).toEqual(['责任单位:市教育局、各镇(园区)', '牵头单位:市科协;配合单位:团市委']);
    // A label inside a bracketed note is that note's; without a colon it is prose.
    expect(notesOf('树立科学观念。[牵头单位:市农业农村局;配合单位:市科协、市妇联]').map((n) => names(n.agencies))).toEqual([['牵头:市农业农村局', '配合:市科协', '配合:市妇联']]);
    expect(notesOf('加强督促检查。责任单位要切实履行职责。')).toEqual([]);
  });

  it.each([
    '根据《纲要》(国发〔2021〕9号,以下简称《科学素质纲要》)',
    '实施方案(2021-2025年)',
    '(征求意见稿)',
    '依托新时代文明实践中心(所、站)、老年大学(学校、学习点)等',
    '推进镇(园区)、社区(村)建设',
    '开展科技小论文(发明、制作)等活动',
  ])('finds no note in %s', (text) => {
    expect(notesOf(text)).toEqual([]);
  });

  it('reads every note of the seeds, with units whose spans point at them', () => {
    const expected: Record<string, number> = { '000': 26, '001': 43, '002': 11, '003': 11, '004': 8 };
    for (const [prefix, count] of Object.entries(expected)) {
      const { mt, original } = loadSeed(prefix);
      const notes = findAgencyNotes(mt, 0, mt.text.length);
      expect(notes, prefix).toHaveLength(count);
      for (const n of notes) {
        for (const a of n.agencies) {
          expect(original.slice(a.span.start, a.span.end).normalize('NFKC')).toBe(a.name);
          expect(a.name).not.toMatch(/成员单位|负责|牵头$/u);
        }
      }
    }
  });

  it('seed 004: the units before 牵头 lead', () => {
    const { mt } = loadSeed('004');
    const notes = findAgencyNotes(mt, 0, mt.text.length);
    expect(notes.every((n) => n.hasLead)).toBe(true);
    expect(names(notes[0]!.agencies)).toEqual(['牵头:教体局', '牵头:团区委', '牵头:科协']);
  });
});

describe('extractAnnexAgencies', () => {
  it('reads the 工作分工表 of seed 003', () => {
    const { mt, original } = loadSeed('003');
    const at = mt.text.lastIndexOf('工作分工表');
    const rows = extractAnnexAgencies(mt, at, mt.text.length);
    expect(rows.map((r) => r.title)).toEqual([
      '实施青少年科学素质提升行动',
      '实施农民科学素质提升行动',
      '实施产业工人科学素质提升行动',
      '实施老年人科学素质提升行动',
      '实施领导干部和公务员科学素质提升行动',
      '科普信息化提升工程',
      '实施科技资源科普化工程',
      '实施科普基础设施建设工程',
      '实施基层科普能力提升工程',
      '实施科普产业繁荣工程',
      '实施科学素质交流与合作工程',
    ]);
    expect(names(rows[3]!.lead)).toEqual(['牵头:市卫生健康局', '牵头:市科协']);
    expect(rows[0]!.responsible.map((a) => a.name)).toContain('市委网信办');
    expect(rows.every((r) => r.responsible.every((a) => a.role === '责任'))).toBe(true);
    const last = rows[10]!;
    expect(original.slice(last.span.start, last.span.end)).toMatch(/^11[\s\S]*团市委$/u);
  });

  it('reads tab-separated rows and 配合 columns', () => {
    const mt = mapIdentity('序号\t重点任务\t牵头部门\t配合部门\t完成时限\n1\t实施智慧助老行动\t市民政局\t市科协、市卫健委\t2025年\n');
    const rows = extractAnnexAgencies(mt, 0, mt.text.length);
    expect(rows.map((r) => [r.title, names(r.lead), names(r.responsible)])).toEqual([
      ['实施智慧助老行动', ['牵头:市民政局'], ['配合:市科协', '配合:市卫健委']],
    ]);
  });

  it('finds nothing without a header', () => {
    const mt = mapIdentity('附件\n1\n实施青少年科学素质提升行动\n市教育局\n');
    expect(extractAnnexAgencies(mt, 0, mt.text.length)).toEqual([]);
  });
});

describe('review of 3972bfc..aef1743: a label after a sentence within a line', () => {
  const slices = (text: string) => {
    const mt = mapIdentity(text);
    return findAgencyNotes(mt, 0, mt.text.length).map((n) => [mt.text.slice(n.start, n.end), names(n.agencies)]);
  };

  it('ends the note with its sentence, not at the line’s end (the words after are no units)', () => {
    expect(slices('推进科学教育。责任单位:市教育局、市科协。到2025年,建成一批科普基地。')).toEqual([
      ['责任单位:市教育局、市科协。', ['责任:市教育局', '责任:市科协']],
    ]);
    // Two notes in one run-on line are two notes.
    expect(slices('开展科普日。牵头单位:市科协;配合单位:团市委。推进科学教育。责任单位:市教育局、各镇(园区)。')).toEqual([
      ['牵头单位:市科协;配合单位:团市委。', ['牵头:市科协', '配合:团市委']],
      ['责任单位:市教育局、各镇(园区)。', ['责任:市教育局', '责任:各镇(园区)']],
    ]);
  });

  it('ends the note before a list number or heading glued after its last unit', () => {
    expect(slices('开展活动。责任单位:市教育局、市科协2.大力培育科技创新后备人才。鼓励学生动手动脑,探究科学。')).toEqual([
      ['责任单位:市教育局、市科协', ['责任:市教育局', '责任:市科协']],
    ]);
    expect(slices('开展活动。责任单位:市农业农村局(二)实施农民科学素质提升行动')[0]![1]).toEqual(['责任:市农业农村局']);
  });
});

describe('findAgencyNotes: bare role words as labels (牵头:, 配合:)', () => {
  const read = (text: string) => notesOf(text).map((n) => [text.slice(n.start, n.end), names(n.agencies)]);

  it('reads a note whose labels are bare role words, each unit with its role', () => {
    expect(read('推进科学课程改革(牵头:市教育局;配合:市科协、市科技局)。')).toEqual([['(牵头:市教育局;配合:市科协、市科技局)', ['牵头:市教育局', '配合:市科协', '配合:市科技局']]]);
    expect(read('开展农民技能培训。（牵头：市农业农村局；配合：市科协）')).toEqual([['（牵头：市农业农村局；配合：市科协）', ['牵头:市农业农村局', '配合:市科协']]]);
    expect(read('开展科普日(牵头: 市科协,参与:各县区政府;完成时限:2023年底)。')).toEqual([['(牵头: 市科协,参与:各县区政府;完成时限:2023年底)', ['牵头:市科协', '配合:各县区政府']]]);
    expect(read('开展科普日(配合:市科技局、市教育局)。')[0]![1]).toEqual(['配合:市科技局', '配合:市教育局']);
  });

  it('takes no role word for a label where none may start, nor 参与 first (who takes part), nor a figure', () => {
    expect(read('开展科普日(市科协牵头:负责统筹)。')).toEqual([]);
    expect(read('开展科普日(参与:全市中小学生)。')).toEqual([]);
    expect(read('开展科普日(参与:1000人次)。')).toEqual([]);
  });
});

describe('review of b9b09b8: a note of bare role words names a unit', () => {
  const read = (text: string) => notesOf(text).map((n) => [text.slice(n.start, n.end), names(n.agencies)]);

  it('leaves bracketed prose after a bare role word in the text (no unit follows it)', () => {
    expect(read('开展宣传活动(配合:做好宣传),营造氛围。')).toEqual([]);
    expect(read('建立工作机制(牵头:统筹协调;配合:具体落实),推进落实。')).toEqual([]);
    expect(read('加强教师队伍建设【配合:宣传、动员、组织】,推进落实。')).toEqual([]);
  });

  it('still reads a bare note when one of its labels names a unit', () => {
    expect(read('开展科普日(牵头:市科协,配合:各县区),推进落实。')).toEqual([['(牵头:市科协,配合:各县区)', ['牵头:市科协', '配合:各县区']]]);
  });
});

describe('bare role words parted by a space only, in a plan', () => {
  it('reads a bare label right after the units of another (the space is dropped in reading)', () => {
    const plan = parsePlan('某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织科技节（牵头：团市委 参与：县科协、市应急管理局）。\n', { source: 'x' });
    const s = plan.sections[0]!;
    // (The section's only measure: its lead note is both the section's and the measure's.)
    expect(names(s.measures[0]!.agencies)).toEqual(['牵头:团市委', '配合:县科协', '配合:市应急管理局']);
    expect(names(s.agencies)).toEqual(['牵头:团市委', '配合:县科协', '配合:市应急管理局']);
    // First in a note, a bare word still needs the note's start or a separator before it.
    expect(notesOf('开展科普日(市科协牵头:负责统筹)。')).toEqual([]);
  });
});

describe('a unit’s own role in brackets after its name (市教育局【牵头】)', () => {
  const measureUnits = (note: string) => {
    const plan = parsePlan(`某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织科技节。${note}\n2.推进科学教育。开展活动。\n`, { source: 'x' });
    const s = plan.sections[0]!;
    return { section: names(s.agencies), measure: names(s.measures[0]!.agencies), body: s.measures[0]!.body };
  };

  it('gives the unit that role and its name without it, and the note stays the measure’s', () => {
    expect(measureUnits('（责任单位：市教育局【牵头】、市科协）')).toEqual({ section: [], measure: ['牵头:市教育局', '责任:市科协'], body: '组织科技节。' });
    expect(measureUnits('(市教育局(牵头)、市科协、团市委)').measure).toEqual(['牵头:市教育局', '责任:市科协', '责任:团市委']);
    // A bare list of units closing the paragraph, the role after its first unit.
    expect(measureUnits('（市教育局【牵头】、市科协、团市委）')).toEqual({ section: [], measure: ['牵头:市教育局', '责任:市科协', '责任:团市委'], body: '组织科技节。' });
    expect(names(parseAgencyList(mapIdentity('市科协（配合）、市教育局'), 0, 12, '责任'))).toEqual(['配合:市科协', '责任:市教育局']);
  });
});

describe('another part of a note in 【】 after its units (【完成时限】2023年底)', () => {
  it('is the note’s: not a unit, and not left in the measure’s text', () => {
    const plan = parsePlan('某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织科技节。【责任单位】市教育局、市科协【完成时限】2023年底\n2.推进科学教育。开展活动。【专栏1】科普大篷车\n', { source: 'x' });
    const [m1, m2] = plan.sections[0]!.measures;
    expect(names(m1!.agencies)).toEqual(['责任:市教育局', '责任:市科协']);
    expect(m1!.body).toBe('组织科技节。');
    // A 【】 that is no label of the note's is the text's.
    expect(m2!.body).toContain('【专栏1】科普大篷车');
  });
});

describe('another part of a note after the note in brackets (【牵头单位：市科协】【完成时限】2023年底)', () => {
  const measure = (line: string) => {
    const plan = parsePlan(`某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织科技节${line}\n2.推进科学教育。\n`, { source: 'x' });
    const s = plan.sections[0]!;
    return { units: [...new Set(names([...s.agencies, ...s.measures[0]!.agencies]))], body: s.measures[0]!.body };
  };

  it('is the note’s, up to the 。 that ends the sentence: not left in the measure’s text', () => {
    expect(measure('【牵头单位：市科协】【完成时限】2023年底')).toEqual({ units: ['牵头:市科协'], body: '组织科技节' });
    expect(measure('（责任单位：市教育局、市科协）；完成时限：2023年底。开展青少年科技活动。')).toEqual({
      units: ['责任:市教育局', '责任:市科协'],
      body: '组织科技节。开展青少年科技活动。',
    });
    expect(measure('（市教育局负责）完成时间：长期坚持。').body).toBe('组织科技节。');
    expect(measure('（责任单位：市教育局），责任人：张三').body).toBe('组织科技节');
  });

  it('ends before a role label after the part: that label opens a note of its own', () => {
    expect(measure('（牵头单位：市科协）；完成时限：2023年底；责任单位：市教育局。')).toEqual({ units: ['牵头:市科协', '责任:市教育局'], body: '组织科技节。' });
  });

  it('is not taken after a bracket that is no note, nor for 工作要求: before prose, nor past a 【】 that labels no part', () => {
    expect(measure('（2021年）完成时间：长期坚持。').body).toBe('组织科技节(2021年)完成时间:长期坚持。');
    expect(measure('（责任单位：市教育局）工作要求：高度重视。').body).toBe('组织科技节工作要求:高度重视。');
    expect(measure('（责任单位：市教育局）【完成时限】2023年底【专栏1】科普大篷车').body).toBe('组织科技节【专栏1】科普大篷车');
  });
});

describe('notes from a table run together, with a 党校 and text after the units', () => {
  const read = (...lines: string[]) => {
    const plan = parsePlan(['某市全民科学素质行动实施方案', '一、提升行动', '（一）青少年科学素质提升行动', '1.开展科普日活动。组织活动。', ...lines, '2.推进科学教育。开展教学。'].join('\n'), { source: 'x' });
    const m = plan.sections[0]!.measures[0]!;
    return { units: names(m.agencies), body: m.body };
  };

  it('reads a unit named 市委党校(行政学院) (it was no unit: the list was left in the text, or 行政学院 read alone)', () => {
    expect(read('【责任单位】', '团市委、市委党校(行政学院)')).toEqual({ units: ['责任:团市委', '责任:市委党校(行政学院)'], body: '组织活动。' });
    expect(read('配合单位\t市委党校(行政学院)、市自然资源局').units).toEqual(['配合:市委党校(行政学院)', '配合:市自然资源局']);
  });

  it('reads a label that lost its colon when text follows the units in 【】 (【解读】…), which stays the measure’s', () => {
    expect(read('责任单位\t市教育局、市人社局【解读】本条为新增内容。')).toEqual({ units: ['责任:市教育局', '责任:市人社局'], body: '组织活动。\n【解读】本条为新增内容。' });
    // Not when what follows the label is no list of units.
    expect(read('责任单位\t做好宣传【解读】本条。').units).toEqual([]);
    // A label alone on its line, the units on the next before such text.
    expect(read('【责任单位】', '市总工会、市委党校(行政学院)(牵头)【链接】详见附件。')).toEqual({ units: ['责任:市总工会', '牵头:市委党校(行政学院)'], body: '组织活动。\n【链接】详见附件。' });
  });

  it('still reads a line whose units hold text in 【】 (各县【市、区】科协), as before reading up to the 【】', () => {
    expect(read('责任单位\t市科协、各县【市、区】科协').units).toEqual(['责任:市科协', '责任:各县']);
    expect(read('【责任单位】', '市科协、各县【市、区】科协').units).toEqual(['责任:市科协', '责任:各县']);
  });
});

describe('asides in brackets that name places or units', () => {
  it('are no notes: （含各级党校）, （主要依托市科技馆）, （包括各中小学校） (each was read as a unit of that name)', () => {
    for (const aside of ['（含各级党校）', '（主要依托市科技馆）', '（包括各中小学校）']) {
      const m = parsePlan(`某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织培训${aside}。\n2.推进科学教育。\n`, { source: 'x' }).sections[0]!.measures[0]!;
      expect(m.agencies, aside).toEqual([]);
    }
    // A bare list of units closing the sentence is still a note.
    const m = parsePlan('某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织培训（市委党校、市科协）。\n2.推进科学教育。\n', { source: 'x' }).sections[0]!.measures[0]!;
    expect(names(m.agencies)).toEqual(['责任:市委党校', '责任:市科协']);
  });
});

describe('a label damaged in reading', () => {
  it('is no part of the first unit’s name (技任单位:县委组织部 was a unit; the benchmark corpus has 7 such)', () => {
    const m = parsePlan('某市全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。组织培训。（技任单位：县委组织部、县文明办）\n2.推进科学教育。\n', { source: 'x' }).sections[0]!.measures[0]!;
    expect(names(m.agencies)).toEqual(['责任:县委组织部', '责任:县文明办']);
  });
});

describe('units of counties whose names start like an aside', () => {
  it('are units: 含山县, 比如县 (（含山县科协、含山县教育局）, （牵头:含山县科协）, （比如县科协、比如县教育局）)', () => {
    const read1 = (note: string) =>
      names(parsePlan(`某县全民科学素质行动实施方案\n一、提升行动\n（一）青少年科学素质提升行动\n1.开展科普日活动。${note}\n2.推进科学教育。\n`, { source: 'x' }).sections[0]!.measures[0]!.agencies);
    expect(read1('（含山县科协、含山县教育局）')).toEqual(['责任:含山县科协', '责任:含山县教育局']);
    expect(read1('（县科协、含山县教育局）')).toEqual(['责任:县科协', '责任:含山县教育局']);
    expect(read1('（含山县科协牵头）')).toEqual(['牵头:含山县科协']);
    // The bare label was read as part of the unit's name (责任:牵头:含山县科协).
    expect(read1('（牵头:含山县科协；配合:含山县教育局）')).toEqual(['牵头:含山县科协', '配合:含山县教育局']);
    expect(read1('（比如县科协、比如县教育局）')).toEqual(['责任:比如县科协', '责任:比如县教育局']);
    // Asides are still no notes.
    expect(read1('（含各级党校）')).toEqual([]);
  });
});

describe('a bracket with another label before a unit', () => {
  it('is no note: （培训地点：区委党校）, （地点：市科技馆） (each gave the unit 培训地点:区委党校 / 地点:市科技馆)', () => {
    const read1 = (text: string) =>
      parsePlan(`某区全民科学素质行动实施方案\n一、提升行动\n（一）领导干部和公务员科学素质提升行动\n1.加强科学素质培训。${text}\n2.开展科学大讲堂活动。\n`, { source: 'x' }).sections[0]!;
    const s = read1('将科学素质内容纳入培训课程（培训地点：区委党校）。（责任单位：区委组织部、区委党校）');
    expect(names(s.measures[0]!.agencies)).toEqual(['责任:区委组织部', '责任:区委党校']);
    expect(names(s.agencies)).not.toContain('责任:培训地点:区委党校');
    expect(s.measures[0]!.body).toContain('(培训地点:区委党校)');
    expect(read1('开展活动（地点：市科技馆）。').measures[0]!.agencies).toEqual([]);
    // A damaged role label is still cut from the first unit's name, its role word or its 单位 damaged.
    expect(names(read1('组织培训。（技任单位：县委组织部、县文明办）').measures[0]!.agencies)).toEqual(['责任:县委组织部', '责任:县文明办']);
    expect(names(read1('组织培训。（责任新位：县委组织部、县文明办）').measures[0]!.agencies)).toEqual(['责任:县委组织部', '责任:县文明办']);
  });
});

describe('notes written without brackets or colons after a sentence', () => {
  it('reads a bare label glued after a sentence when only units follow it (a table\'s cells run together)', () => {
    const text = '建设农村科普示范基地。建设示范基地5个。责任单位县科协、县农业农村局\n';
    const notes = notesOf(text);
    expect(notes.map((n) => [text.slice(n.start, n.end), names(n.agencies)])).toEqual([['责任单位县科协、县农业农村局', ['责任:县科协', '责任:县农业农村局']]]);
    // Prose after such a label is no list of units.
    expect(notesOf('加强督促检查。责任单位要切实履行职责。牵头单位各乡镇要加强领导。\n')).toEqual([]);
  });

  it('reads a sentence of units closed by their verbs (由县农业农村局牵头,县科协配合。)', () => {
    const text = '开展农民技能培训。开展农业实用技术培训。由县农业农村局牵头,县科协等部门配合。\n';
    const [note, ...rest] = notesOf(text);
    expect(rest).toEqual([]);
    expect(text.slice(note!.start, note!.end)).toBe('由县农业农村局牵头,县科协等部门配合。');
    expect(note!.hasLead).toBe(true);
    expect(names(note!.agencies)).toEqual(['牵头:县农业农村局', '配合:县科协']);
    expect(names(notesOf('举办讲座。县卫健委、县老龄办负责。')[0]!.agencies)).toEqual(['责任:县卫健委', '责任:县老龄办']);
    // Generic units alone, a task after the verb, and a clause within a sentence are no such note.
    expect(notesOf('各有关部门按职责分工负责。')).toEqual([]);
    expect(notesOf('由县科协牵头,组织开展科普日活动。')).toEqual([]);
    expect(notesOf('各成员单位要按照职责分工负责。')).toEqual([]);
    expect(notesOf('举办健康知识讲座,县卫健委负责。')).toEqual([]);
    // A topic before 由, two units joined, 各级党委和政府, or those who take part are no such note either.
    for (const t of ['所需经费由县财政局负责。', '日常工作由县科协负责。', '县教育局和县科协负责。', '县总工会与各镇(园区)负责。', '全县各级党委和政府负责。', '学校、科技馆等参与。', '科技志愿服务队参与。']) {
      expect(notesOf(`组织开展活动。${t}`)).toEqual([]);
    }
    expect(names(notesOf('组织开展活动。县科技馆、县委党校负责。')[0]!.agencies)).toEqual(['责任:县科技馆', '责任:县委党校']);
  });

  it('reads a bare label before a sentence of units and their verb in its role (…。牵头单位县科协负责。)', () => {
    const text = '开展科普活动。牵头单位县教育局负责,县科协配合。';
    const [note] = notesOf(text);
    expect(text.slice(note!.start, note!.end)).toBe('牵头单位县教育局负责,县科协配合。');
    expect(names(note!.agencies)).toEqual(['牵头:县教育局', '配合:县科协']);
    expect(note!.hasLead).toBe(true);
  });

  it('leaves the measure\'s body without the note', () => {
    const plan = parsePlan('某市全民科学素质行动实施方案\n一、提升行动\n（一）农民科学素质提升行动\n1.开展农民技能培训。开展培训。由市农业农村局牵头,市科协配合。\n2.建设基地。建设示范基地。责任单位市科协\n', { source: 'x' });
    const ms = plan.sections[0]!.measures;
    expect(ms.map((m) => [m.body, names(m.agencies)])).toEqual([
      ['开展培训。', ['牵头:市农业农村局', '配合:市科协']],
      ['建设示范基地。', ['责任:市科协']],
    ]);
  });
});

describe('a list of units closed by 等部门 or 等单位 where only units may stand', () => {
  it('reads it after a label alone, after a bare label, and as a bare list in brackets (each was lost)', () => {
    expect(unitsAfter('责任单位\n县教育局、县科协等部门')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(unitsAfter('责任单位:\n县教育局、县科协等单位')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(unitsAfter('责任单位县教育局、县科协等部门')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(notesOf('开展科学探究活动。(县教育局、县科协等部门)\n').map((n) => names(n.agencies))).toEqual([['责任:县教育局', '责任:县科协']]);
  });
  it('still takes no bare list closed by 等 alone, nor 等部门 after a task', () => {
    expect(notesOf('建设一批科普场馆。(县科技馆、县博物馆等)\n')).toEqual([]);
    expect(notesOf('开展活动。(组织科普讲座等部门)\n')).toEqual([]);
  });
});

describe('a deadline glued to the last unit (a table\'s cells run together)', () => {
  it('is no part of the unit\'s name, and the units before it are read', () => {
    expect(unitsAfter('责任单位:县教育局、县科协2025年')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(unitsAfter('责任单位:县教育局、县科协完成时限每年')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(unitsAfter('责任单位:县教育局、县科协等部门完成时限每年')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(unitsAfter('责任单位: 县教育局、县科协等部门\t2025年')).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(unitsAfter('(责任单位:县教育局、县科协2023—2025年)')).toEqual([['责任:县教育局', '责任:县科协']]);
    // The label and its cells lost their tabs: the units before the date are all units.
    expect(unitsAfter('责任单位\t县教育局、县科协\t2025年12月底前'.replaceAll('\t', ''))).toEqual([['责任:县教育局', '责任:县科协']]);
    expect(notesOf('开展活动。(责任单位:县科协2022年6月底前)')[0]!.agencies.map((a) => a.name)).toEqual(['县科协']);
  });
});

describe('the governments of every place below (各县(市、区)) where only units may stand', () => {
  it('count as a unit after a label alone, after a bare label and in a bare list', () => {
    expect(unitsAfter('责任单位\n市教育局、各县(市、区)')).toEqual([['责任:市教育局', '责任:各县(市、区)']]);
    expect(unitsAfter('责任单位市科协、各县区')).toEqual([['责任:市科协', '责任:各县区']]);
    expect(notesOf('开展科学探究活动。(市教育局、各县(市、区))\n').map((n) => names(n.agencies))).toEqual([['责任:市教育局', '责任:各县(市、区)']]);
  });
});

describe('a note written as a sentence of units with their roles in brackets', () => {
  it('reads 区科协【牵头】，区教育体育局、区文化和旅游局（配合） with the role for every unit of its clause', () => {
    const text = '推动科普教育基地向中小学生免费开放。区科协【牵头】，区教育体育局、区文化和旅游局（配合）\n';
    const [note, ...rest] = notesOf(text);
    expect(rest).toEqual([]);
    expect(note!.hasLead).toBe(true);
    expect(names(note!.agencies)).toEqual(['牵头:区科协', '配合:区教育体育局', '配合:区文化和旅游局']);
    expect(note!.agencies.map((a) => text.slice(a.span.start, a.span.end))).toEqual(['区科协', '区教育体育局', '区文化和旅游局']);
    // A role in brackets inside a sentence is no note.
    expect(notesOf('组织学校(牵头)开展活动。\n')).toEqual([]);
  });
});
