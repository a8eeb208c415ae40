/**
 * Large single inputs for the benchmark: the shapes that once made a step quadratic or cubic (a plan
 * read as 20,000 sections: 18 s, 3 GB for its assignment matrix; a template of 1,600 items: 11 s a
 * plan; thousands of cited plans, notices, targets or measures with notes: 8–18 s each; `--diff` of
 * two long, unlike sections: over a minute; an HTML page of 16,000 `<pre>` blocks: 37 s; a run of
 * a 1 MB run of `&nbsp;`: 53 s; a plan of one sentence repeated, compared with itself: 27 s (the probe helper's figure), 46 s here;
 * thousands of nested header-like elements: over a minute; 16,000 sections with one title: 16 s, 2.4 GB;
 * thousands of notes one after the other, the text between them mended note by note: 19 s at 30,000;
 * one plan of 40,000 sections read twice in one process: 13 s). Each is made here, deterministically, and run through the CLI as a whole process; the bound
 * (`LARGE_BOUND_MS`) is far above what a linear pipeline needs and far below what those steps took.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `--check` fails a large input whose run takes longer than this. */
export const LARGE_BOUND_MS = 5000;

const NUMERALS = '一二三四五六七八九十';
const GROUPS = ['青少年', '农民', '老年人', '产业工人', '领导干部和公务员'];

/** A plan of `n` numbered (一)…(十) headings, each with one sentence under it. */
export function manyHeadingsPlan(n: number): string {
  const out = ['某市全民科学素质行动规划纲要实施方案(2021-2025年)', '一、总体要求', '到2025年，全市公民具备科学素质的比例达到15%。', '二、重点任务'];
  for (let i = 0; i < n; i++) {
    out.push(`(${NUMERALS[i % 10]})实施第${i + 1}项${GROUPS[i % 5]}科学素质提升工作`);
    out.push(`推进科普基础设施建设，开展科普活动${i + 1}次。`);
  }
  return `${out.join('\n')}\n`;
}

/** A plan of `n` sections with one title (every section ties for every item of the template). */
export function sameSectionsPlan(n: number): string {
  const out = ['某市全民科学素质行动规划纲要实施方案(2021-2025年)', '一、总体要求', '到2025年，全市公民具备科学素质的比例达到15%。', '二、重点任务'];
  for (let i = 0; i < n; i++) out.push('(一)青少年科学素质提升行动', '1.开展活动。');
  return `${out.join('\n')}\n`;
}

/** A provincial plan of `n` actions with three measures each: given as `--template`, a template of 4·n items. */
export function manyItemsPlan(n: number): string {
  const out = ['某省全民科学素质行动规划纲要实施方案(2021-2025年)', '一、总体要求', '二、提升行动'];
  const measures = ['科普阵地', '科学教育', '人才队伍'];
  for (let i = 0; i < n; i++) {
    out.push(`(${NUMERALS[i % 10]})实施第${i + 1}项${GROUPS[i % 5]}科学素质提升行动`);
    out.push(`推进第${i + 1}项科普工作，开展科普活动${i + 1}次。`);
    measures.forEach((m, k) => out.push(`${k + 1}.加强第${i + 1}-${k + 1}项${m}建设。`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A plan dense with facts, each kind in the thousands: a top line citing 8,000 plans (2021-2025年) and
 * 8,000 notices (关于印发…的通知) by name, 10,000 group targets (第i类人群具备科学素质的比例达到…%),
 * 4,000 targets made of points (由2020年的8%提高3个百分点) each beside a stated one (目标值12%), and a
 * section of 30,000 unnumbered measures, each with a note of responsible units (half of them in brackets,
 * half a label after the sentence).
 */
export function manyFactsPlan(): string {
  const out = ['某某市全民科学素质行动实施方案', ''];
  let top = '根据';
  for (let i = 0; i < 8000; i++) top += `《第${i + 1}号方案(2021-2025年)》、《关于印发第${i + 1}号科普文件的通知》、`;
  out.push(`${top}制定本方案。`, '', '一、总体要求', '(一)主要目标。到2025年,我市公民具备基本科学素质的比例达到15%。');
  let targets = '';
  for (let i = 0; i < 10000; i++) targets += `到2025年,第${i + 1}类人群具备科学素质的比例达到${10 + (i % 9)}%。${i % 10 === 9 ? '\n' : ''}`;
  // And 4,000 headline targets made of points, each beside a stated one (a level made of points yields to it).
  let points = '';
  for (let i = 0; i < 4000; i++) points += `到2025年,全市公民具备科学素质的比例由2020年的${8 + (i % 5) / 10}%提高${1 + (i % 4)}个百分点。全市公民具备科学素质的比例目标值${11 + (i % 7)}%。\n`;
  out.push(targets, points, '二、提升行动', '(一)青少年科学素质提升行动。');
  for (let i = 0; i < 30000; i++) {
    // Half the notes in brackets, half a label after the sentence (。责任单位:…), read within the line.
    const note = i % 2 === 0 ? '(责任单位:市科协、市教育局)' : '责任单位:市科协、市教育局';
    out.push(`实施科普提升工作${String.fromCharCode(0x4e00 + 0x100 + (i % 5000))}。组织开展科普活动,每年培训科普人员。${note}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Two plans of one action each, its body 80,000 characters of one seed's sentences (numbering left
 * out) on one line: sections long and unlike, for `compare --diff`.
 */
export function longSectionPlan(region: string, seedText: string): string {
  const sentences = seedText
    .split('\n')
    .filter((l) => l.length > 30)
    .map((l) => l.replace(/^[\s一二三四五六七八九十()（）0-9.、①-⑩—]+/u, ''))
    .join('');
  let body = '';
  while (body.length < 80_000) body += sentences;
  return `${region}全民科学素质行动规划纲要实施方案(2022-2025年)\n\n一、提升行动\n\n(一)青少年科学素质提升行动。\n${body.slice(0, 80_000)}\n`;
}

/**
 * A page of a plan with `n` `<PRE>` blocks (upper case, as old sites write them), each a measure: the
 * parser lower-cased the whole page again at each (16,000: about 25 s).
 */
export function manyPreBlocksPage(n: number): string {
  const out = ['<HTML><HEAD><TITLE>某市全民科学素质行动实施方案</TITLE></HEAD><BODY>', '<H1>某市全民科学素质行动规划纲要实施方案(2021-2025年)</H1>', '<P>一、总体要求</P><P>到2025年，全市公民具备科学素质的比例达到15%。</P><P>二、重点任务</P><P>(一)青少年科学素质提升行动</P>'];
  for (let i = 0; i < n; i++) out.push(`<PRE>${i + 1}.开展第${i + 1}项<B>${GROUPS[i % 5]}</B>科普活动。</PRE>`);
  return `${out.join('\n')}\n</BODY></HTML>\n`;
}

/** A page of a plan with one paragraph holding a run of `n` `&nbsp;` (a line's ends were trimmed by a pattern tried at every space). */
export function longSpaceRunPage(n: number): string {
  return `<html><body><p>某市全民科学素质行动规划纲要实施方案(2021-2025年)</p><p>一、总体要求</p><p>到2025年，全市公民具备科学素质的比例达到15%。</p><p>二、重点任务</p><p>(一)青少年科学素质提升行动</p><p>开展${'&nbsp;'.repeat(n)}科普活动。</p></body></html>\n`;
}

/**
 * A plan whose measures are `n` repetitions of one sentence, and whose last section is `k` sentences
 * that open a bracket and never close it: in `compare` with itself, a phrase repeated m and n times was
 * matched m·n times; a bracket at a sentence's start was looked for to the end of the text; and
 * `[bookmark:` never closed was tried to the end of its line at every one.
 */
export function repetitivePlan(n: number, k: number, bookmarks: number): string {
  const out = ['某市全民科学素质行动规划纲要实施方案(2021-2025年)', '一、总体要求', '到2025年，全市公民具备科学素质的比例达到15%。', '二、重点任务', '(一)青少年科学素质提升行动'];
  out.push(`1.加强科学教育。${'加强科学教育推动科普工作开展科普活动'.repeat(n)}`);
  out.push(`2.开展科普活动。${'[bookmark: 开展科普活动'.repeat(bookmarks)}`);
  out.push('(二)农民科学素质提升行动', '(。'.repeat(k));
  return `${out.join('\n')}\n`;
}

/** A page of a plan followed by `depth` nested `<div class="header">`s, each with a heading and text (asked about their whole subtree at every depth). */
export function nestedHeadersPage(depth: number): string {
  const plan = ['某市全民科学素质行动规划纲要实施方案(2021-2025年)', '一、总体要求', '到2025年，全市公民具备科学素质的比例达到15%。', '二、重点任务', '(一)青少年科学素质提升行动', '1.开展科普活动。'];
  const open = Array.from({ length: depth }, () => `<div class="header"><h1>实施方案</h1>${'开展科普活动加强科学教育'.repeat(20)}`).join('');
  return `<html><body>${plan.map((l) => `<p>${l}</p>`).join('')}${open}${'</div>'.repeat(depth)}</body></html>\n`;
}

/**
 * A plan whose notes come one after the other: `n` measures with a lead note each and a line of units
 * and a lead line under it, and a line of `n` notes each followed by other parts of it and more notes
 * (the text without the notes was mended note by note on a string read at its end: 10,000 notes, 2 s).
 */
export function manyNotesPlan(n: number): string {
  const out = ['某市全民科学素质行动规划纲要实施方案(2021-2025年)', '一、总体要求', '到2025年，全市公民具备科学素质的比例达到15%。', '二、重点任务', '(一)青少年科学素质提升行动'];
  for (let i = 1; i <= n; i++) out.push(`${i}.开展科普活动。（牵头单位：市科协）`, '责任单位：市教育局', '牵头单位：市科技局');
  out.push('(二)农民科学素质提升行动', `1.开展活动。${'组织科技节（责任单位：市科协）【完成时限】2023年底（市教育局配合），完成时间：9月；'.repeat(n)}`);
  return `${out.join('\n')}\n`;
}

/**
 * A plan of `n` sections, each with one measure and a note written as a sentence (县科协、县教育局负责。):
 * analysed twice in one process, the second copy's every section compared the whole text with the
 * first's (a cache of the last text's marks, kept under the first copy's string: 40,000 sections, 13 s).
 */
export function twinSectionsPlan(n: number): string {
  const out = ['某县全民科学素质行动实施方案', '一、重点任务'];
  for (let i = 0; i < n; i++) out.push(`（${NUMERALS[i % 9]}）科普提升行动`, '1.开展培训。县科协、县教育局负责。');
  return `${out.join('\n')}\n`;
}

export interface LargeCase {
  name: string;
  /** CLI arguments after the command's name (the output options are added by the caller). */
  command: 'analyze' | 'compare';
  args: string[];
  bytes: number;
}

/** Writes the large inputs under `dir` and returns the runs to measure; `seedFiles`: the seed plans. */
export function largeCases(dir: string, seedFiles: readonly string[]): LargeCase[] {
  mkdirSync(dir, { recursive: true });
  const headings = path.join(dir, 'headings-20000.txt');
  const items = path.join(dir, 'items-1600.txt');
  const facts = path.join(dir, 'facts.txt');
  const pre = path.join(dir, 'pre-16000.html');
  const spaces = path.join(dir, 'nbsp-200000.html');
  const headers = path.join(dir, 'headers-3000.html');
  const same = path.join(dir, 'same-16000.txt');
  const noted = path.join(dir, 'notes-20000.txt');
  const [ra, rb] = [path.join(dir, 'repetitive-a.txt'), path.join(dir, 'repetitive-b.txt')];
  const [sa, sb] = [path.join(dir, 'long-a.txt'), path.join(dir, 'long-b.txt')];
  const la = longSectionPlan('兰州市', readFileSync(seedFiles[0]!, 'utf8'));
  const lb = longSectionPlan('中山市', readFileSync(seedFiles[Math.min(3, seedFiles.length - 1)]!, 'utf8'));
  writeFileSync(sa, la);
  writeFileSync(sb, lb);
  const h = manyHeadingsPlan(20000);
  const t = manyItemsPlan(1600);
  const f = manyFactsPlan();
  writeFileSync(headings, h);
  writeFileSync(items, t);
  writeFileSync(facts, f);
  const p = manyPreBlocksPage(16000);
  writeFileSync(pre, p);
  const sp = longSpaceRunPage(200_000);
  writeFileSync(spaces, sp);
  const nh = nestedHeadersPage(3000);
  writeFileSync(headers, nh);
  const ss = sameSectionsPlan(16000);
  writeFileSync(same, ss);
  const nn = manyNotesPlan(20000);
  writeFileSync(noted, nn);
  const [wa, wb] = [path.join(dir, 'twin-a.txt'), path.join(dir, 'twin-b.txt')];
  const w = twinSectionsPlan(40_000);
  writeFileSync(wa, w);
  writeFileSync(wb, w);
  const r = repetitivePlan(18_000, 200_000, 20_000);
  writeFileSync(ra, r);
  writeFileSync(rb, r);
  const size = (s: string) => Buffer.byteLength(s);
  return [
    { name: 'analyze one plan of 20,000 headings', command: 'analyze', args: [headings], bytes: size(h) },
    { name: 'compare it with the seeds', command: 'compare', args: [...seedFiles, headings], bytes: size(h) },
    { name: 'analyze one plan of 16,000 sections with one title', command: 'analyze', args: [same], bytes: size(ss) },
    { name: 'analyze the seeds with a template of 6,400 items (--template, a plan of 1,600 actions)', command: 'analyze', args: [...seedFiles, '--template', items], bytes: size(t) },
    { name: 'analyze one plan of 8,000 cited plans, 8,000 cited notices, 10,000 group targets, 4,000 targets made of points and 30,000 measures with notes (half after the sentence)', command: 'analyze', args: [facts], bytes: size(f) },
    { name: 'analyze one plan of 20,000 measures with a lead note and two note lines each, and a line of 20,000 notes with parts after them', command: 'analyze', args: [noted], bytes: size(nn) },
    { name: 'analyze two copies of one plan of 40,000 sections with a note sentence each', command: 'analyze', args: [wa, wb], bytes: 2 * size(w) },
    { name: 'analyze an HTML page of 16,000 <PRE> blocks', command: 'analyze', args: [pre], bytes: size(p) },
    { name: 'analyze an HTML page with a run of 200,000 &nbsp; in one paragraph', command: 'analyze', args: [spaces], bytes: size(sp) },
    { name: 'analyze an HTML page of 3,000 nested <div class="header"> with a heading each', command: 'analyze', args: [headers], bytes: size(nh) },
    { name: 'compare two copies of a plan of one sentence repeated 18,000 times, 20,000 [bookmark: and 200,000 brackets never closed', command: 'compare', args: [ra, rb], bytes: 2 * size(r) },
    { name: 'compare two plans of one 80,000-character section each, --diff of the two', command: 'compare', args: [sa, sb, '--diff', `${sa}#0,${sb}#0`], bytes: size(la) + size(lb) },
  ];
}
