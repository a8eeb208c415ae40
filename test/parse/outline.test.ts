import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readOutline } from '../../src/parse/outline.js';
import { findHeadingMarkers, chineseOrdinal } from '../../src/parse/headings.js';
import { normalizeText } from '../../src/text/normalize-text.js';
import { toOriginalSpan } from '../../src/text/mapped-text.js';
import { seed } from '../seeds.js';

function outlineOf(i: number) {
  const { text } = seed(i);
  const { mt } = normalizeText(text);
  const o = readOutline(mt.text);
  const str = (r: { start: number; end: number }) => mt.text.slice(r.start, r.end);
  const orig = (r: { start: number; end: number }) => {
    const s = toOriginalSpan(mt, r.start, r.end);
    return text.slice(s.start, s.end);
  };
  return { o, str, orig, mt, text };
}

describe('chineseOrdinal', () => {
  it('reads one to ninety-nine', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三'].map(chineseOrdinal)).toEqual([1, 9, 10, 11, 20, 23]);
    expect(chineseOrdinal('百')).toBe(0);
  });
});

describe('findHeadingMarkers', () => {
  it('finds markers at line starts and after sentence ends, not inside sentences', () => {
    const text = '一、总体要求\n(一)指导思想。1.突出引领。内容2.0版本。\n——加强建设。';
    const m = findHeadingMarkers(text).map((x) => `${x.level}:${x.label}`);
    expect(m).toEqual(['l1:一、', 'l2:(一)', 'l3:1.', 'dash:——']);
  });
  it('reads (1), ① and ⑴ at a line start as l4, numbered; inside a paragraph as nothing', () => {
    const text = '(1)甲。\n①乙。\n⑳丙。\n⑵丁。\n包括:(1)科技馆;(2)科普站。(123)戊。\n(2021)';
    const m = findHeadingMarkers(text).map((x) => `${x.level}:${x.label}:${x.ordinal}`);
    expect(m).toEqual(['l4:(1):1', 'l4:①:1', 'l4:⑳:20', 'l4:⑵:2']);
  });
  it('reads an OCR-damaged (A) between (七) and (九) as eight', () => {
    const text = '(七)甲工程。内容。(A)乙工程。内容。(九)丙工程。';
    const l2 = findHeadingMarkers(text).filter((x) => x.level === 'l2');
    expect(l2.map((x) => x.ordinal)).toEqual([7, 8, 9]);
    expect(l2[1]!.ocr).toBe(true);
  });
});

describe('readOutline on the seeds', () => {
  it('兰州 (numbered 一、(一)1.): ten sections, 26 measures, the glued heading after a responsibility note', () => {
    const { o, str } = outlineOf(0);
    expect(o.sections.map((s) => str(s.title))).toEqual([
      '青少年科学素质提升行动', '农民科学素质提升行动', '产业工人科学素质提升行动', '老年人科学素质提升行动',
      '领导干部和公务员科学素质提升行动', '服务机制重构工程', '媒体传播创新工程', '基础设施拓展工程', '科技资源转化工程', '科普覆盖扩面工程',
    ]);
    expect(o.sections.map((s) => s.kind).join(',')).toBe('action,action,action,action,action,project,project,project,project,project');
    expect(o.sections.flatMap((s) => s.measures).length).toBe(26);
    expect(str(o.sections[0]!.measures[2]!.title)).toBe('加强科学类教师队伍的建设');
    expect(o.parts.map((p) => p.kind)).toEqual(['preamble', 'goals', 'tasks', 'tasks', 'organisation']);
  });

  it('砀山 (任务:/措施: blocks, a title over two lines): the intro holds the task, measures follow 措施:', () => {
    const { o, str } = outlineOf(1);
    expect(str(o.title!)).toBe('砀山县全民科学素质行动规划纲要\n实施方案(2021-2025年)');
    expect(o.sections).toHaveLength(10);
    expect(str(o.sections[0]!.intro)).toMatch(/^任务:将科学家精神培育/u);
    expect(o.sections[0]!.measures.map((m) => str(m.title))[0]).toBe('利用科普资源助推“双减”工作');
    expect(o.sections.flatMap((s) => s.measures)).toHaveLength(27);
  });

  it('拉萨 (unnumbered group lines 提升行动 / 提升工程): eleven sections, the group line in neither', () => {
    const { o, str } = outlineOf(2);
    expect(o.sections).toHaveLength(11);
    expect(str(o.sections[4]!.title)).toBe('实施寺庙僧尼科学素质提升行动');
    const officials = o.sections[5]!;
    expect(str(officials.range)).not.toMatch(/提升工程\s*$/u);
    expect(o.sections.filter((s) => s.kind === 'project')).toHaveLength(5);
  });

  it('中山 (—— bullets, an annex table): eleven sections, 40 measures, the annex not read as sections', () => {
    const { o, str } = outlineOf(3);
    expect(str(o.title!).replace(/\s+/gu, '')).toBe('中山市全民科学素质行动规划纲要实施方案(2022-2025年)');
    expect(o.sections).toHaveLength(11);
    expect(o.sections.flatMap((s) => s.measures)).toHaveLength(40);
    expect(o.parts.at(-1)!.kind).toBe('annex');
    expect(str(o.sections[9]!.title)).toBe('实施科普产业繁荣工程');
  });

  it('上虞 (one run-on paragraph, inline sentence headings, (A) for (八), page markers): nine sections, 27 measures', () => {
    const { o, str, orig } = outlineOf(4);
    expect(o.sections).toHaveLength(9);
    expect(o.sections.every((s) => s.glued)).toBe(true);
    expect(o.sections.map((s) => s.measures.length)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(o.sections[7]!.ocr).toBe(true);
    expect(str(o.sections[7]!.title)).toBe('实施科普基础设施工程');
    expect(str(o.sections[0]!.measures[0]!.title)).toBe('实施全链条青少年科学教育');
    // a measure whose heading was cut by a page marker maps back to the original with the marker inside
    const cut = o.sections[4]!.measures[2]!;
    expect(str(cut.title)).toBe('落实科学素质基本要求');
    expect(orig(o.sections[4]!.range)).toContain('11、');
  });
});

describe('readOutline on arbitrary text', () => {
  it('never throws and keeps every range inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('一', '、', '(', ')', '1', '.', '。', '\n', '行', '动', '工', '程', '——', '实', '施', 'A', ' ') , maxLength: 300 }), (s) => {
        const { mt } = normalizeText(s);
        const o = readOutline(mt.text);
        const n = mt.text.length;
        for (const sec of o.sections) {
          for (const r of [sec.range, sec.title, sec.intro, ...sec.measures.flatMap((m) => [m.range, m.title])]) {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThanOrEqual(n);
            expect(r.end).toBeGreaterThanOrEqual(r.start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('readOutline on sections run together on one line', () => {
  it('reads 4,000 of them, each a section, the group line before none', () => {
    const text = `某某县全民科学素质行动实施方案\n一、重点任务${'。(一)科普基础设施建设内容很多'.repeat(4000)}\n`;
    const o = readOutline(text);
    expect(o.sections).toHaveLength(4000);
    expect(text.slice(o.sections[3999]!.title.start, o.sections[3999]!.title.end)).toBe('科普基础设施建设内容很多');
  });
});
