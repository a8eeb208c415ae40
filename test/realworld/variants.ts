/**
 * Builders of real-world variants of the seed plans, made at test time: traditional script with
 * inserted pinyin, GB18030 bytes, CRLF with a BOM, a .docx and an HTML page.
 */
import * as OpenCC from 'opencc-js';

const cn2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cn2hk = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** Simplified → Taiwan traditional (OpenCC), for building variants. */
export function toTraditional(text: string): string {
  return cn2tw(text);
}

const SYLLABLES = ['kē', 'xué', 'sù', 'zhì', 'xíng', 'dòng', 'guī', 'huà', 'gāng', 'yào', 'ke1', 'xue2', 'zhong1 guo2', 'mín'];

/**
 * Inserts `(pinyin)` after every `every`-th Han character (the syllables come from a small table, in
 * turn; they need not be the character's reading). Fullwidth brackets every third time.
 */
export function insertPinyin(text: string, every = 40): string {
  let out = '';
  let han = 0;
  let k = 0;
  for (const ch of text) {
    out += ch;
    if (/\p{Script=Han}/u.test(ch) && ++han % every === 0) {
      const syl = SYLLABLES[k % SYLLABLES.length]!;
      out += k % 3 === 2 ? `（${syl}）` : `(${syl})`;
      k++;
    }
  }
  return out;
}

/** Simplified → Hong Kong traditional (OpenCC). */
export function toTraditionalHk(text: string): string {
  return cn2hk(text);
}

// ---------------------------------------------------------------------------------------------
// GB18030 encoding, by inverting the platform decoder (iconv-lite is not installed).

const tables = new Map<string, Map<number, number[]>>();

/** Inverts a platform decoder over a list of byte codes: code point → bytes (first code wins). */
function buildTable(encoding: string, codes: number[][]): Map<number, number[]> {
  const table = new Map<number, number[]>();
  const dec = new TextDecoder(encoding);
  // Decode all at once, each code followed by a newline, and split.
  const bytes: number[] = [];
  for (const c of codes) bytes.push(...c, 0x0a);
  const parts = dec.decode(new Uint8Array(bytes)).split('\n');
  codes.forEach((c, i) => {
    const s = parts[i];
    if (s === undefined || s.length === 0 || s === '\ufffd') return;
    const cp = s.codePointAt(0)!;
    if ([...s].length === 1 && !table.has(cp)) table.set(cp, c);
  });
  return table;
}

function gbTable(): Map<number, number[]> {
  let t = tables.get('gb18030');
  if (t) return t;
  const codes: number[][] = [];
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) codes.push([a, b]);
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++)
      for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) codes.push([a, b, c, d]);
  t = buildTable('gb18030', codes);
  t.set(0xfffd, [0x84, 0x31, 0xa4, 0x37]);
  tables.set('gb18030', t);
  return t;
}

function big5Table(): Map<number, number[]> {
  let t = tables.get('big5');
  if (t) return t;
  const codes: number[][] = [];
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0x7e; b++) codes.push([a, b]);
    for (let b = 0xa1; b <= 0xfe; b++) codes.push([a, b]);
  }
  t = buildTable('big5', codes);
  tables.set('big5', t);
  return t;
}

function encodeWith(text: string, table: Map<number, number[]>, supplementary: boolean): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const known = table.get(cp);
    if (known) {
      out.push(...known);
      continue;
    }
    if (supplementary && cp >= 0x10000) {
      let lin = cp - 0x10000;
      const d = 0x30 + (lin % 10);
      lin = Math.floor(lin / 10);
      const c = 0x81 + (lin % 126);
      lin = Math.floor(lin / 126);
      const b = 0x30 + (lin % 10);
      const a = 0x90 + Math.floor(lin / 10);
      out.push(a, b, c, d);
      continue;
    }
    out.push(0x3f); // '?', as encoders do
  }
  return new Uint8Array(out);
}

/** Encodes a string as GB18030 bytes (iconv-lite is not installed: the platform decoder, inverted). */
export function encodeGb18030(text: string): Uint8Array {
  return encodeWith(text, gbTable(), true);
}

/** Encodes a string as Big5 bytes; characters Big5 lacks become `?`. */
export function encodeBig5(text: string): Uint8Array {
  return encodeWith(text, big5Table(), false);
}

/** UTF-8 with a BOM and CRLF line ends. */
export function crlfWithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text.replace(/\r?\n/gu, '\r\n'));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

// ---------------------------------------------------------------------------------------------
// A minimal zip writer (stored entries) and .docx

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of stored (uncompressed) files. */
export function zipStored(files: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? enc.encode(content) : content;
    const nameBytes = enc.encode(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true); // stored
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, data);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, data.length, true);
    cd.setUint16(28, nameBytes.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Object.keys(files).length, true);
  end.setUint16(10, Object.keys(files).length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const xmlEscape = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;');

function runXml(line: string): string {
  return line
    .split('\t')
    .map((part) => (part === '' ? '' : `<w:r><w:t xml:space="preserve">${xmlEscape(part)}</w:t></w:r>`))
    .join('<w:r><w:tab/></w:r>');
}

/**
 * A .docx with one paragraph per line; `table` rows (cells) are written as a Word table after them.
 * A line may hold `\v` for a soft line break (`<w:br/>`).
 */
export function buildDocx(lines: readonly string[], table: readonly (readonly string[])[] = []): Uint8Array {
  const paras = lines
    .map((l) => `<w:p>${l.split('\v').map(runXml).join('<w:r><w:br/></w:r>')}</w:p>`)
    .join('');
  const tbl =
    table.length === 0
      ? ''
      : `<w:tbl>${table.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:p>${runXml(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipStored({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paras}${tbl}<w:sectPr/></w:body></w:document>`,
  });
}

// ---------------------------------------------------------------------------------------------
// HTML

const htmlEscape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * A government-site style page: a header with the site name and a nav menu, a breadcrumb, the
 * plan's lines as `<p>` (indented with `&nbsp;`, some characters as numeric entities), a script, a
 * share bar and a footer.
 */
export function buildHtml(lines: readonly string[]): string {
  let n = 0;
  const body = lines
    .map((l) => {
      // Every 7th paragraph: indentation by &nbsp; and its first Han character as a numeric entity.
      const esc = htmlEscape(l).replace(/\p{Script=Han}/u, (c) => (++n % 7 === 0 ? `&#x${c.codePointAt(0)!.toString(16)};` : c));
      return n % 7 === 0 ? `<p style="text-indent:2em">&nbsp;&nbsp;${esc}</p>` : `<p>${esc}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>全民科学素质行动规划纲要实施方案</title>
<style>p { margin: 0 }</style><script>var _hmt = _hmt || [];</script></head>
<body>
<header class="site-header"><div class="logo">市人民政府门户网站</div>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="article-content" id="zoom">
${body}
</div>
<div class="share-bar">分享到：微信 微博</div>
<script>document.write('<p>不是正文</p>')</script>
<footer><p>主办单位：市人民政府办公室 版权所有</p><p>网站标识码 1234567890</p></footer>
</body></html>`;
}
