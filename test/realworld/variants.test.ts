import { describe, expect, it } from 'vitest';
import { readOutline, type Range } from '../../src/parse/outline.js';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { toOriginalSpan, type MappedText } from '../../src/text/mapped-text.js';
import { normalizeText, type TextPass } from '../../src/text/normalize-text.js';
import { simplify, simplifyIfTraditional, toSimplified } from '../../src/text/passes/to-simplified.js';
import { stripPinyin } from '../../src/text/passes/strip-pinyin.js';
import { detectMojibake } from '../../src/text/passes/detect-mojibake.js';
import { declaredCharset, readDocx, readHtml, readHtmlBytes } from '../../src/load/formats/index.js';
import { declaredSize } from '../../src/load/formats/read-docx.js';
import { seedFiles } from '../seeds.js';
import { buildDocx, buildHtml, crlfWithBom, encodeBig5, encodeGb18030, insertPinyin, toTraditional, toTraditionalHk } from './variants.js';

/** What every real-world input is read with. */
const PASSES: readonly TextPass[] = [simplifyIfTraditional, stripPinyin];

interface View {
  mt: MappedText;
  sections: string[];
  measures: string[][];
  ranges: Range[];
}

function view(text: string, passes: readonly TextPass[] = PASSES): View {
  const { mt } = normalizeText(text, { passes });
  const o = readOutline(mt.text);
  const str = (r: Range) => mt.text.slice(r.start, r.end);
  return {
    mt,
    sections: o.sections.map((s) => str(s.title)),
    measures: o.sections.map((s) => s.measures.map((m) => str(m.title))),
    ranges: o.sections.flatMap((s) => [s.title, ...s.measures.map((m) => m.title)]),
  };
}

/** Every section and measure title's span, in the text as read, normalises back to that title. */
function checkSpans(asRead: string, v: View): void {
  for (const r of v.ranges) {
    const title = v.mt.text.slice(r.start, r.end);
    const span = toOriginalSpan(v.mt, r.start, r.end);
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(asRead.length);
    const evidence = normalizeText(asRead.slice(span.start, span.end), { passes: [toSimplified, stripPinyin] }).mt.text;
    // A title cut by a document-sharing site's page marker (`鼓励加大\n\n13、科普创作` in the seed
    // itself) spans the marker; the normaliser only removes markers seen as a numbered run in the whole text.
    const withoutMarkers = evidence.replace(/\n+\d{1,3}、/gu, '');
    expect(evidence === title ? evidence : withoutMarkers, `span ${span.start}-${span.end}`).toBe(title);
  }
}

const seeds = seedFiles();
const originals = new Map(seeds.map((s) => [s.file, view(s.text, [])]));
const lines = (t: string) => t.split(/\r?\n/u);

describe('the seeds themselves', () => {
  it.each(seeds.map((s) => [s.file, s.text] as const))('%s reads the same with the real-world passes as without', (file, text) => {
    const o = originals.get(file)!;
    expect(o.sections.length).toBeGreaterThan(0);
    const v = view(text);
    expect(v.mt.text).toBe(o.mt.text);
    expect(detectMojibake(v.mt)).toEqual([]);
  });
});

describe('(a) traditional script with inserted pinyin', () => {
  const cases = seeds.flatMap((s) => [
    [s.file, 'Taiwan, pinyin after every 40th character', insertPinyin(toTraditional(s.text), 40)] as const,
    [s.file, 'Hong Kong, pinyin after every 3rd character', insertPinyin(toTraditionalHk(s.text), 3)] as const,
  ]);
  it.each(cases)('%s (%s)', (file, _how, variant) => {
    const o = originals.get(file)!;
    expect(variant).toMatch(/\((?:kē|xué|ke1)\)/u);
    const v = view(variant);
    // OpenCC's round trip is not lossless in general (想象 → 想像), but it is for every title of the seeds.
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    // and no inserted pinyin is left in the normalised text
    expect(v.mt.text).not.toMatch(/\((?:kē|xué|sù|zhì|ke1|xue2|zhong1 guo2)\)/u);
    checkSpans(variant, v);
  });
});

describe('(b) GB18030 bytes', () => {
  it.each(seeds.map((s) => [s.file, s.text] as const))('%s', (file, text) => {
    const o = originals.get(file)!;
    const decoded = decodeBytes(encodeGb18030(text), file);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(text);
    const v = view(decoded.text!);
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    checkSpans(decoded.text!, v);
  });
});

describe('(b2) UTF-16 without a BOM, little- and big-endian', () => {
  const utf16 = (text: string, be: boolean) => {
    const b = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      b[2 * i + (be ? 1 : 0)] = u & 0xff;
      b[2 * i + (be ? 0 : 1)] = u >> 8;
    }
    return b;
  };
  it.each(seeds.flatMap((s) => [false, true].map((be) => [s.file, be ? 'BE' : 'LE', s.text, be] as const)))('%s (%s)', (file, _how, text, be) => {
    // Chinese UTF-16 has a NUL byte only in its ASCII and line breaks: far fewer than the NUL rule needs.
    const decoded = decodeBytes(utf16(text, be), file);
    expect(decoded.encoding).toBe(be ? 'utf-16be' : 'utf-16le');
    expect(decoded.text).toBe(text);
    const v = view(decoded.text!);
    expect(v.sections).toEqual(originals.get(file)!.sections);
  });
});

describe('(c) CRLF line ends with a UTF-8 BOM', () => {
  it.each(seeds.map((s) => [s.file, s.text] as const))('%s', (file, text) => {
    const o = originals.get(file)!;
    const decoded = decodeBytes(crlfWithBom(text), file);
    expect(decoded.encoding).toBe('utf-8');
    const asRead = decoded.text!;
    expect(asRead.startsWith('\ufeff')).toBe(true);
    expect(asRead).toContain('\r\n');
    const v = view(asRead);
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    checkSpans(asRead, v);
  });
});

describe('(c2) other line breaks: CR alone (old Mac files), vertical tab (Word), LS; a form feed opening each page (pdftotext)', () => {
  const cases = seeds.flatMap((s) => {
    let k = 0;
    return [
      [s.file, 'CR', s.text.replace(/\r?\n/gu, '\r')] as const,
      [s.file, 'U+2028', s.text.replace(/\r?\n/gu, '\u2028')] as const,
      [s.file, 'vertical tab', s.text.replace(/\r?\n/gu, '\v')] as const,
      [s.file, 'form feeds', s.text.replace(/\r?\n/gu, () => (++k % 3 === 0 ? '\n\f' : '\n'))] as const,
    ];
  });
  it.each(cases)('%s (%s)', (file, _how, variant) => {
    const o = originals.get(file)!;
    const v = view(variant);
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    checkSpans(variant, v);
  });
});

describe('(d) .docx', () => {
  it.each(seeds.map((s) => [s.file, s.text] as const))('%s', async (file, text) => {
    const o = originals.get(file)!;
    const r = await readDocx(buildDocx(lines(text)), file);
    expect(r.diagnostics).toEqual([]);
    const asRead = r.text!;
    const v = view(asRead);
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    checkSpans(asRead, v);
  });

  it('puts paragraphs, soft line breaks and table cells on their own lines', async () => {
    const docx = buildDocx(['一、总体要求', '(一)指导思想。\v以习近平新时代中国特色社会主义思想为指导', '序号\t行动'], [
      ['1', '实施青少年科学素质提升行动', '市教育局'],
      ['2', '实施农民科学素质提升行动', '市农业农村局'],
    ]);
    const r = await readDocx(docx);
    expect(r.text).toBe(
      '一、总体要求\n(一)指导思想。\n以习近平新时代中国特色社会主义思想为指导\n序号 行动\n1\n实施青少年科学素质提升行动\n市教育局\n2\n实施农民科学素质提升行动\n市农业农村局',
    );
  });

  it('reports a corrupt, legacy or empty file instead of throwing', async () => {
    const good = buildDocx(['一、总体要求']);
    const corrupt = good.slice(0, good.length - 30);
    const noDocument = (await import('./variants.js')).zipStored({ 'hello.txt': 'hi' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    for (const bytes of [corrupt, noDocument, ole, new TextEncoder().encode('plain text'), new Uint8Array(0)]) {
      const r = await readDocx(bytes, 'x.docx');
      expect(r.text).toBeNull();
      expect(r.diagnostics).toHaveLength(1);
      expect(['input/unreadable', 'input/empty']).toContain(r.diagnostics[0]!.code);
      expect(r.diagnostics[0]!.source).toBe('x.docx');
    }
    expect((await readDocx(buildDocx(['', '  '])))?.diagnostics[0]?.code).toBe('input/empty');
  });

  it('refuses a .docx whose XML says it expands past 50 MB before decompressing anything (images aside)', async () => {
    const good = buildDocx(['一、总体要求', '(一)指导思想。']);
    // The central directory's sizes, as stored: the parts' lengths.
    const parts = (await import('./variants.js')).zipStored({ 'a.xml': 'x'.repeat(1000), '_rels/.rels': 'y'.repeat(234), 'word/media/image1.emf': 'z'.repeat(5000) });
    // Media are not counted: the text is read without them.
    expect(declaredSize(parts)).toBe(1234);
    expect(declaredSize(new TextEncoder().encode('PK not a zip'))).toBeNull();
    // The same file with its document's uncompressed size said to be 60 MB (what a bomb of repeated text says).
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    let cd = bomb.length - 22;
    cd = view.getUint32(cd + 16, true);
    for (let k = 0; k < 3; k++) {
      const nameLength = view.getUint16(cd + 28, true);
      const name = new TextDecoder().decode(bomb.subarray(cd + 46, cd + 46 + nameLength));
      if (name === 'word/document.xml') view.setUint32(cd + 24, 60 * 1024 * 1024, true);
      cd += 46 + nameLength;
    }
    const r = await readDocx(bomb, 'bomb.docx');
    expect(r.text).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['input/too-large', "the .docx expands to 60 MB, more than a plan's 50 MB"]]);
    expect((await readDocx(good)).text).toBe('一、总体要求\n(一)指导思想。');
  });
});

describe('(e) .html', () => {
  it.each(seeds.map((s) => [s.file, s.text] as const))('%s', (file, text) => {
    const o = originals.get(file)!;
    const r = readHtml(buildHtml(lines(text)), file);
    const asRead = r.text;
    expect(asRead).not.toMatch(/互动交流|分享到|不是正文|_hmt|网站标识码|p \{ margin/u);
    const v = view(asRead);
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    checkSpans(asRead, v);
  });

  it.each(seeds.map((s) => [s.file, s.text] as const))('%s as a Big5 page in Taiwan traditional script', (file, text) => {
    const o = originals.get(file)!;
    const page = buildHtml(lines(toTraditional(text))).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=big5">');
    const bytes = encodeBig5(page);
    expect(declaredCharset(bytes)).toBe('big5');
    const r = readHtmlBytes(bytes, file);
    expect(r.encoding).toBe('big5');
    expect(r.diagnostics.map((d) => d.code)).toContain('input/decoded-legacy-encoding');
    const v = view(r.text);
    expect(v.sections).toEqual(o.sections);
    expect(v.measures).toEqual(o.measures);
    checkSpans(r.text, v);
  });

  it('flags characters that Big5 lost as mojibake, without guessing them', () => {
    // Hong Kong forms such as 羣 are not in plain Big5: an encoder writes `?`.
    const page = buildHtml(['加強重點羣體職業技能培訓', '到2025年']).replace('charset="utf-8"', 'charset="big5"');
    const r = readHtmlBytes(encodeBig5(page));
    expect(r.text).toContain('重點?體');
    const v = view(r.text);
    const runs = detectMojibake(v.mt);
    expect(runs.map((x) => [x.kind, r.text.slice(x.start, x.end)])).toEqual([['lost-character', '?']]);
  });

  it('reads UTF-8 and GBK pages by their bytes', () => {
    const page = buildHtml(['某市全民科学素质行动规划纲要实施方案', '一、总体要求']);
    const utf8 = readHtmlBytes(new TextEncoder().encode(page));
    expect(utf8.encoding).toBe('utf-8');
    const gbk = readHtmlBytes(encodeGb18030(page.replace('charset="utf-8"', 'charset="gb2312"')));
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.text).toBe(utf8.text);
    expect(utf8.text).toBe('某市全民科学素质行动规划纲要实施方案\n一、总体要求');
    expect(readHtmlBytes(new Uint8Array(0)).diagnostics[0]?.code).toBe('input/empty');
  });

  it('says a page nested too deeply to read is unreadable, without throwing', () => {
    for (const n of [8_000, 100_000]) {
      for (const page of [`<html><body>${'<div>'.repeat(n)}一、总体要求${'</div>'.repeat(n)}</body></html>`, `${'<div>'.repeat(n)}一、总体要求${'</div>'.repeat(n)}`]) {
        const r = readHtmlBytes(new TextEncoder().encode(page), 'deep.html');
        expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['input/unreadable', 'the HTML is nested too deeply to read']]);
      }
    }
  });

  it('reads a page with tags left open, and one with thousands left open is unreadable, not minutes of work', () => {
    // Options without their end tags are valid HTML, and the plan after them is read.
    const select = readHtmlBytes(new TextEncoder().encode('<html><body><select><option>省政府<option>市政府</select><form><div><p>一、总体要求</p><p>(一)指导思想。</p></div></body></html>'), 'open.html');
    expect(select.text).toContain('一、总体要求\n(一)指导思想。');
    const fonts = readHtmlBytes(new TextEncoder().encode(`<html><body>${'<p><font>科普活动。</p>'.repeat(3000)}<p>一、总体要求</p></body></html>`), 'open.html');
    expect(fonts.text).toContain('一、总体要求');
    // Left open 20,000 times: the parser re-parented them all at the end (25 s).
    const deep = readHtmlBytes(new TextEncoder().encode(`<html><body>${'<div><span>科普'.repeat(20_000)}</body></html>`), 'open.html');
    expect(deep.diagnostics.map((d) => [d.code, d.message])).toEqual([['input/unreadable', 'the HTML leaves about 40000 tags open, too many to read']]);
  });

  it('counts no tags inside scripts, styles or comments, and reads a page whose script writes thousands of them', () => {
    const enc = (page: string) => new TextEncoder().encode(page);
    for (const page of [
      `<html><head><script>var h='';${"h+='<div class=\"row\">';".repeat(5000)}</script></head><body><p>一、总体要求</p></body></html>`,
      `<html><body><SCRIPT type="text/javascript">${'if (a<b>c) {}'.repeat(5000)}</SCRIPT><p>一、总体要求</p></body></html>`,
      `<html><body><style>${'<div>'.repeat(5000)}</style><!--${'<span>'.repeat(5000)}--><p>一、总体要求</p></body></html>`,
    ]) {
      const r = readHtmlBytes(enc(page), 'script.html');
      expect(r.diagnostics).toEqual([]);
      expect(r.text).toBe('一、总体要求');
    }
    // A comment never closed hides nothing from the parser (it reads the tags after it), so they count;
    // the comment itself is text, as the parser reads it.
    expect(readHtmlBytes(enc(`<html><body><p>一、总体要求</p><!-- 注释${'<div>'.repeat(8000)}</body></html>`), 'comment.html').diagnostics.map((d) => d.code)).toEqual(['input/unreadable']);
    const comments = readHtmlBytes(enc(`<html><body><p>一、总体要求</p><!-- 说明 --><p>二、主要目标</p>${'<!-- x'.repeat(20000)}</body></html>`), 'comment.html');
    expect(comments.diagnostics).toEqual([]);
    expect(comments.text.split('\n').slice(0, 2)).toEqual(['一、总体要求', '二、主要目标']);
    expect(comments.text.split('\n')[2]!.startsWith('<!-- x<!-- x')).toBe(true);
  });

  it('keeps the lines of a <pre> whatever tag is left open in it, closes lower-case tags with upper-case ones, and leaves text alone', () => {
    const read = (page: string) => readHtmlBytes(new TextEncoder().encode(page), 'pre.html');
    // An old site's <PRE><FONT …> never closing the font: the lines stay lines (the tag is text, as before).
    expect(read('<HTML><BODY><PRE><FONT SIZE=3>一、总体要求\n二、主要目标</PRE></BODY></HTML>').text.split('\n')).toEqual(['<FONT SIZE=3>一、总体要求', '二、主要目标']);
    expect(read('<html><BODY><P>一、<B>总体</B>要求</p><p>二、主要目标</P><DIV>三、任务</div></body></HTML>').text).toBe('一、总体要求\n二、主要目标\n三、任务');
    // A `<` in the text that starts no tag keeps its letter's case, and so does raw text.
    expect(read('<p>当A<B时,比例达到15%</p>').text).toBe('当A<B时,比例达到15%');
    expect(read('<p>当x<A/2时,比例达到15%</p>').text).toBe('当x<A/2时,比例达到15%');
    expect(read('<PRE>若a<B 且\n二</PRE><P>三</p>').text).toBe('若a<B 且\n二\n三');
    // Thousands of <PRE> blocks read whole (each once made the parser lower-case the whole page again,
    // 8,000: 6.5 s; the time is the benchmark's to guard, as a large input).
    expect(read(`<html><body><p>一、总体要求</p>${'<PRE>科普活动</PRE><p>开展科学普及工作。</p>'.repeat(8000)}</body></html>`).text.split('\n')).toHaveLength(1 + 2 * 8000);
  });

  it('never reads a script into the plan: an end tag with a space closes it, one never closed hides the rest, as in a browser', () => {
    const read = (page: string) => readHtmlBytes(new TextEncoder().encode(page), 'script.html').text;
    expect(read('<html><body><p>一、总体要求</p><script>var a=1;</script ><p>二、主要目标</p></body></html>')).toBe('一、总体要求\n二、主要目标');
    expect(read('<html><body><p>一、总体要求</p><SCRIPT type="text/javascript">var a=1;<p>二、主要目标</p></body></html>')).toBe('一、总体要求');
    expect(read('<html><body><p>一、总体要求</p><style>p{}</STYLE  ><p>二、主要目标</p></body></html>')).toBe('一、总体要求\n二、主要目标');
    expect(read('<html><body><p>一、总体要求</p><script>var a;</script/><p>二、主要目标</p></body></html>')).toBe('一、总体要求\n二、主要目标');
    expect(read('<HTML><BODY><PRE>一、总体要求</PRE ><P>二、主要目标</P></BODY></HTML>')).toBe('一、总体要求\n二、主要目标');
    // The rest of the page hidden leaves no DOCTYPE behind.
    expect(read('<!DOCTYPE html><html><body><p>一、总体要求</p><SCRIPT>var a=1;<p>二、主要目标</p></body></html>')).toBe('一、总体要求');
  });

  it('hides nothing for a script, style or noscript start tag a comment, an attribute or CDATA holds', () => {
    const read = (middle: string) => readHtmlBytes(new TextEncoder().encode(`<!DOCTYPE html><html><body><p>一、总体要求</p>${middle}<p>二、主要目标</p></body></html>`), 'p.html').text;
    for (const [middle, text] of [
      ['<!-- <script> -->', '一、总体要求\n二、主要目标'],
      ['<!--<script language="javascript">var a=1;</SCRIPT>-->', '一、总体要求\n二、主要目标'],
      ['<!--[if lt IE 9]><script src="h.js"><![endif]-->', '一、总体要求\n二、主要目标'],
      ['<!-- <script></script --><!-- </style/ -->', '一、总体要求\n二、主要目标'],
      ['<p title="<style>">标题</p>', '一、总体要求\n标题\n二、主要目标'],
      ['<P title="<script>">标题</P><SCRIPT>a()</script>', '一、总体要求\n标题\n二、主要目标'],
      ['<p onclick="document.write(\'<script src=x.js>\')">标题</p><SCRIPT>a()</SCRIPT>', '一、总体要求\n标题\n二、主要目标'],
      // CDATA is text to the parser, as before.
      ['<![CDATA[ <script> ]]><STYLE>p{}</style>', '一、总体要求\n<![CDATA[ <script> ]]>\n二、主要目标'],
      ['<script data-x="a<b">var s=\'<style>\';</script>', '一、总体要求\n二、主要目标'],
    ] as const) {
      expect(read(middle), middle).toBe(text);
    }
    // CDATA never closed is text, as the parser reads it (each once made it look for its end through the page).
    const cdata = readHtmlBytes(new TextEncoder().encode(`<p>一、总体要求</p>${'<![CDATA[ x'.repeat(3)}<p>二、主要目标</p>`), 'p.html').text;
    expect(cdata).toBe('一、总体要求\n<![CDATA[ x<![CDATA[ x<![CDATA[ x\n二、主要目标');
    // An end tag added for a script the parser never opened shows nowhere, not in a <pre> left open.
    expect(readHtmlBytes(new TextEncoder().encode('<p title="<script>">一、总体要求</p><pre>代码'), 'p.html').text).toBe('一、总体要求\n代码');
    // An old comment holding a <script> and thousands of tags, closed after them: all of it a comment.
    expect(read(`<!-- 旧版 ${'<div>'.repeat(20000)}<script> -->`)).toBe('一、总体要求\n二、主要目标');
  });

  it('trims a line of no-break and ideographic spaces at its ends only, however long the run inside', () => {
    const r = readHtmlBytes(new TextEncoder().encode(`<html><body><p>\u3000\u3000一、总体要求&nbsp;</p><p>开展${'&nbsp;'.repeat(5000)}科普活动\u3000</p></body></html>`), 'sp.html');
    expect(r.text).toBe(`一、总体要求\n开展${'\u00a0'.repeat(5000)}科普活动`);
  });

  it('reads UTF-16 pages by their BOM, and a UTF-8 page with one bad byte as UTF-8', () => {
    const page = buildHtml(['某市全民科学素质行动规划纲要实施方案', '一、总体要求', '(一)指导思想。以习近平新时代中国特色社会主义思想为指导,坚持科学普及与科技创新同等重要。']);
    const utf8 = readHtmlBytes(new TextEncoder().encode(page), 'p.html');
    const want = utf8.text;
    const units = [...'\ufeff'.concat(page)].flatMap((c) => [...Array(c.length).keys()].map((k) => c.charCodeAt(k)));
    const le = new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8]));
    const be = new Uint8Array(units.flatMap((u) => [u >> 8, u & 0xff]));
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const r = readHtmlBytes(bytes, 'p.html');
      expect(r.encoding).toBe(encoding);
      expect(r.text).toBe(want);
      expect(r.diagnostics).toEqual(utf8.diagnostics);
    }
    const damaged = new TextEncoder().encode(page.replace('总体要求', '总体要求\u0001'));
    damaged[damaged.indexOf(0x01)] = 0xff;
    const r = readHtmlBytes(damaged, 'p.html');
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(want.replace('总体要求', '总体要求\ufffd'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['input/replacement-characters', ...utf8.diagnostics.map((d) => d.code)]);
  });

  it('keeps a header that carries the title, drops ruby pinyin, puts cells on lines', () => {
    const html = `<body><div class="article-header"><h1>某市全民科学素质行动规划纲要实施方案</h1></div>
      <div class="nav">首页</div>
      <p>一、<ruby>科<rp>(</rp><rt>kē</rt><rp>)</rp></ruby>学普及&nbsp;&amp;&#x7D20;质</p>
      <pre>第一行
  第二行</pre>
      <table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>实施<b>青少年</b>科学素质提升行动</td></tr></table></body>`;
    const r = readHtml(html);
    expect(r.text).toBe('某市全民科学素质行动规划纲要实施方案\n一、科学普及\u00a0&素质\n第一行\n第二行\n序号\n任务\n1\n实施青少年科学素质提升行动');
  });

  it('never throws on junk', () => {
    for (const junk of ['', '<', '<<>>', '<p', '</div></div>', '<script>', '&#xFFFFFF;', '<table><td>x']) {
      expect(() => readHtml(junk)).not.toThrow();
    }
    expect(readHtml('<html><body><script>x</script></body></html>').diagnostics[0]?.code).toBe('input/empty');
  });
});

describe('parsePlan on the traditional-with-pinyin variants (when it compiles)', () => {
  it('gives the same targets and section titles as the original, with spans on the variant', async (ctx) => {
    let parsePlan: typeof import('../../src/parse/parse-plan.js').parsePlan;
    try {
      ({ parsePlan } = await import('../../src/parse/parse-plan.js'));
    } catch (e) {
      ctx.skip(`parsePlan does not load yet: ${(e as Error).message.split('\n')[0]}`);
      return;
    }
    const rt = (x: string) => simplify(toTraditional(x));
    const norm = (x: string) => normalizeText(x, { passes: [toSimplified, stripPinyin] }).mt.text;
    for (const s of seeds) {
      const variant = insertPinyin(toTraditional(s.text), 40);
      const a = parsePlan(s.text, { source: s.file });
      const b = parsePlan(variant, { source: s.file, passes: PASSES });
      const facts = (p: typeof a) => p.targets.map((t) => ({ metric: rt(t.metric), role: t.role, value: t.value, unit: t.unit, year: t.year, comparator: t.comparator }));
      expect(facts(b), s.file).toEqual(facts(a));
      expect(b.sections.map((x) => x.title), s.file).toEqual(a.sections.map((x) => rt(x.title)));
      b.targets.forEach((t, i) => {
        const ta = a.targets[i]!;
        expect(norm(variant.slice(t.span.start, t.span.end))).toBe(rt(norm(s.text.slice(ta.span.start, ta.span.end))));
      });
    }
  });
});
