import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Diagnostic } from '../../model/diagnostic.js';
import { lenientUtf8 } from '../../text/decode-bytes.js';

/** What reading an HTML page gave: its text (the text "as read", which spans point into). */
export interface HtmlText {
  text: string;
  diagnostics: Diagnostic[];
}

/** Elements whose content is never plan text. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'nav', 'footer', 'aside',
  'form', 'button', 'select', 'option', 'input', 'textarea', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'img', 'video', 'audio', 'map', 'rt', 'rp',
]);

const NAV = new Set(['nav', 'footer', 'aside']);

/** Elements that start and end a line. Table cells are blocks too: one cell per line. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

/** Class or id words of site navigation, footers, share bars and the like. */
const CHROME_NAME =
  /(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|bread|position|location|footer|foot|bottom|header|topbar|top-bar|sidebar|side|share|bdshare|toolbar|tools|copyright|banner|search|login|friendlinks?|links|qrcode|ewm)(?:$|[-_\s\d])/iu;
const CHROME_ROLE = /^(navigation|banner|contentinfo|search|menubar)$/iu;
/** A header that holds the document's title is kept. */
const TITLE_WORDS = /方案|纲要|计划|通知|意见|规划/u;

/**
 * Reads the text of an HTML page (a government site's article, or a document saved as HTML): the
 * body's text with block elements (`p`, `div`, `h1`–`h6`, `li`, `tr` …) and `<br>` as line breaks,
 * table cells one per line, runs of whitespace inside a line collapsed to one space and entities
 * decoded. Scripts, styles, forms, `<nav>`, `<footer>`, `<aside>`, ruby annotations (`<rt>`, pinyin),
 * headers that do not carry the title, and elements whose class, id or role names navigation,
 * breadcrumbs, share bars or footers (when they hold less than a quarter of the page's text) are
 * dropped. Never throws: a page without text gives `text: ''` and an `input/empty` error.
 *
 * @example
 * readHtml('<body><nav>首页 | 政务公开</nav><p>一、总体要求</p><p>(一)指导思想。</p><footer>版权所有</footer></body>').text;
 * // '一、总体要求\n(一)指导思想。'
 */
export function readHtml(html: string, source?: string): HtmlText {
  if (typeof html !== 'string') throw new TypeError('readHtml: html must be a string (readHtmlBytes reads bytes)');
  return htmlToText(html, source, true);
}

/**
 * The reader behind {@link readHtml}; `dropChrome: false` keeps navigation, headers and footers (for
 * HTML made from a .docx, where nothing is site chrome).
 *
 * @example
 * htmlToText('<p>一、总体要求</p><footer>附注</footer>', 'x.html', false).text; // '一、总体要求\n附注'
 */
export function htmlToText(html: string, source: string | undefined, dropChrome: boolean): HtmlText {
  try {
    return readHtmlText(html, source, dropChrome);
  } catch (e) {
    // Pathological nesting (thousands of open tags) exhausts the stack, in the parser's queries too:
    // say so, do not crash.
    if (!(e instanceof RangeError) || !/call stack/iu.test(e.message)) throw e;
    return { text: '', diagnostics: [{ code: 'input/unreadable', severity: 'error', message: 'the HTML is nested too deeply to read', ...(source === undefined ? {} : { source }) }] };
  }
}

/** Tags left open past which a page is not read (4,000 open took the parser about 1.5 s). */
const MAX_LEFT_OPEN = 4000;

/** Elements a later tag closes without their end tag (the parser closes them), and elements with none. */
const SELF_CLOSING = new Set(['li', 'p', 'option', 'optgroup', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'dt', 'dd', 'rp', 'rt', 'colgroup', 'caption', 'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'isindex', 'keygen']);

/** Elements whose content the parser keeps as text, unparsed, up to their end tag (`<` inside is no tag). */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'pre']);

/**
 * Start tags without their end tag, counted roughly (start tags less end tags, implicitly closed
 * elements aside), as the parser meets them: comments and the content of raw-text elements hold no
 * tags (`if (a<b>c)` in a script is none). `html` is as {@link preparePage} leaves it.
 */
function tagsLeftOpen(html: string): number {
  let open = 0;
  // The name is taken whole (no shorter name is tried when no `>` follows: that was quadratic).
  const tags = /<!--|<(\/?)([a-z][a-z0-9:-]*)(?![a-z0-9:-])[^<>]*?(\/?)>/gu;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    const name = m[2];
    if (name === undefined) {
      // Every comment left closes (preparePage).
      const end = html.indexOf('-->', tags.lastIndex);
      if (end < 0) break;
      tags.lastIndex = end + 3;
      continue;
    }
    if (m[1] === '' && RAW_TEXT.has(name)) {
      // Raw text to its end tag, as the parser reads it (`<script …/>` too); without one, the rest of the page.
      open++;
      const end = html.indexOf(`</${name}>`, tags.lastIndex);
      if (end < 0) break;
      tags.lastIndex = end;
      continue;
    }
    if (SELF_CLOSING.has(name) || m[3] === '/') continue;
    if (m[1] === '/') open = Math.max(0, open - 1);
    else open++;
  }
  return open;
}

/** The end tag of each raw-text element as browsers read it: the name in any case, then a space, `/` or `>`, on to its `>`. */
const RAW_TEXT_END: Readonly<Record<string, RegExp>> = Object.fromEntries([...RAW_TEXT].map((n) => [n, new RegExp(`</${n}(?=[\\s/>])[^<>]*>`, 'giu')]));

/** An XML declaration and a DOCTYPE at the start of the page. */
const PROLOG = /^(?:\s*(?:<\?xml[^<>]*>|<!doctype[^<>]*>))+/iu;

/**
 * The page as the parser is given it, in one scan of its tags that steps over comments, CDATA, the
 * attributes of each tag (a quoted value may hold `<script>`) and the content of raw-text elements:
 * - its XML declaration and DOCTYPE left out;
 * - tag names in lower case where the parser reads a tag (a name followed by a space, `>` or `/>`;
 *   `当x<A/2时` and `<pre>若a<B 且</pre>` stay as written). The parser's own option for it lowercased
 *   the whole page again at every script, style or pre element (8,000 `<pre>` blocks: 6.5 s);
 * - the end tag of each raw-text element written as the parser looks for it (`</script >`,
 *   `</SCRIPT/>`, `</PRE >` → `</script>`, `</pre>`): it looked for `</script>` only and read on;
 * - a script, style or noscript never closed closed at the end of the page: its text runs to the end,
 *   hidden, as in a browser (the parser left the element open and handed its source to the page);
 * - a comment or CDATA section never closed (no `-->`, `]]>` after it) written `&lt;!--`, `&lt;![CDATA[`:
 *   the parser reads it as text anyway, after looking for its end through the rest of the page, once
 *   for each (quadratic: 100,000 `<![CDATA[` in 1.1 MB took 234 s).
 */
function preparePage(html: string): string {
  const { page, unclosed } = scanTags(html.replace(PROLOG, ''));
  const closed = unclosed === null || unclosed === 'pre' ? page : `${page}</${unclosed}>`;
  return escapeUnclosed(escapeUnclosed(closed, '<!--', '-->'), '<![CDATA[', ']]>');
}

/** The page's tags as preparePage writes them, and the raw-text element left open at the end, if one is. */
function scanTags(html: string): { page: string; unclosed: string | null } {
  const upper = /<\/?[a-zA-Z0-9:-]*[A-Z]/u.test(html);
  const out: string[] = [];
  let copied = 0;
  let commentsClose = true;
  let cdataClose = true;
  let unclosed: string | null = null;
  const tags = /<!--|<!\[CDATA\[|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s>]|\/>)/gu;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    const written = m[2];
    if (written === undefined) {
      // A comment or CDATA: on past its end (when there is one, none after it either when not).
      const comment = m[0] === '<!--';
      if (comment ? !commentsClose : !cdataClose) continue;
      const end = html.indexOf(comment ? '-->' : ']]>', tags.lastIndex);
      if (end >= 0) tags.lastIndex = end + 3;
      else if (comment) commentsClose = false;
      else cdataClose = false;
      continue;
    }
    const name = upper ? written.toLowerCase() : written;
    if (name !== written) {
      out.push(html.slice(copied, m.index), `<${m[1]!}${name}`);
      copied = m.index + m[0].length;
    }
    tags.lastIndex = endOfTag(html, tags.lastIndex);
    const end = m[1] === '' ? RAW_TEXT_END[name] : undefined;
    if (end) {
      end.lastIndex = tags.lastIndex;
      const e = end.exec(html);
      if (e === null) {
        unclosed = name;
        break;
      }
      out.push(html.slice(copied, e.index), `</${name}>`);
      copied = e.index + e[0].length;
      tags.lastIndex = copied;
    }
  }
  if (copied === 0) return { page: html, unclosed };
  out.push(html.slice(copied));
  return { page: out.join(''), unclosed };
}

/** Where the tag whose name ends at `from` ends: after its `>`, a quoted attribute value stepped over whole (the end of the page when none). */
function endOfTag(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 0x3e) return i + 1;
    if (c === 0x22 || c === 0x27) {
      const q = html.indexOf(html[i]!, i + 1);
      if (q >= 0) i = q;
    }
  }
  return html.length;
}

/** Every `open` that no `close` follows written with `&lt;` (as text, which the parser made of it after a scan to the end for each). */
function escapeUnclosed(html: string, open: string, close: string): string {
  // An `open` at i closes when a `close` starts at i + open.length or later: when the last one does.
  const last = html.lastIndexOf(close);
  const at = html.indexOf(open, last < 0 ? 0 : Math.max(0, last - open.length + 1));
  return at < 0 ? html : html.slice(0, at) + html.slice(at).replaceAll(open, `&lt;${open.slice(1)}`);
}

function readHtmlText(html: string, source: string | undefined, dropChrome: boolean): HtmlText {
  const at = source === undefined ? {} : { source };
  let root: HTMLElement;
  // The parser re-parents the children of every element left open at the end, once per element:
  // quadratic in how many are (20,000: 25 s). So many are no page of a plan.
  const page = preparePage(String(html));
  const open = tagsLeftOpen(page);
  if (open > MAX_LEFT_OPEN) {
    return { text: '', diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `the HTML leaves about ${open} tags open, too many to read`, ...at }] };
  }
  try {
    // Tag names are lower case already (preparePage); script, style, noscript and pre stay raw text
    // (the parser's default: a tag left open inside a <pre> cannot take its lines with it).
    root = parse(page, { comment: false });
  } catch (e) {
    return { text: '', diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `the HTML could not be parsed (${(e as Error).message})`, ...at }] };
  }
  const body = root.querySelector('body') ?? root;
  const sizes = new PageSizes();
  let total: number;
  try {
    total = sizes.visibleLength(body);
  } catch (e) {
    // Pathological nesting (tens of thousands of open tags) exhausts the stack: say so, do not crash.
    if (e instanceof RangeError) return { text: '', diagnostics: [{ code: 'input/unreadable', severity: 'error', message: 'the HTML is nested too deeply to read', ...at }] };
    throw e;
  }
  const reader = new LineReader();
  let dropped = 0;

  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      reader.add(node.text, pre);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (tag === '') {
      for (const c of el.childNodes) walk(c, pre);
      return;
    }
    if (DROP.has(tag) && (dropChrome || !NAV.has(tag))) {
      if (NAV.has(tag)) dropped++;
      return;
    }
    if (dropChrome && isChrome(el, tag, total, sizes)) {
      dropped++;
      return;
    }
    if (tag === 'br') {
      reader.br();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) reader.flush();
    for (const c of el.childNodes) walk(c, pre || tag === 'pre' || tag === 'textarea');
    if (block) reader.flush();
  };
  try {
    walk(body, false);
  } catch (e) {
    if (e instanceof RangeError) return { text: '', diagnostics: [{ code: 'input/unreadable', severity: 'error', message: 'the HTML is nested too deeply to read', ...at }] };
    throw e;
  }

  const text = reader.done();
  const diagnostics: Diagnostic[] = [];
  if (text === '') diagnostics.push({ code: 'input/empty', severity: 'error', message: 'the HTML page has no text', ...at });
  if (dropped > 0) {
    diagnostics.push({ code: 'noise/site-chrome', severity: 'info', message: `${dropped} navigation, header or footer element(s) of the page were left out`, ...at });
  }
  return { text, diagnostics };
}

function isChrome(el: HTMLElement, tag: string, total: number, sizes: PageSizes): boolean {
  const role = el.getAttribute('role') ?? '';
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  const named = tag === 'header' || CHROME_ROLE.test(role) || CHROME_NAME.test(names);
  if (!named || tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return false;
  // A wrapper named after a header (`article-header`) that holds the plan's title stays.
  if (/head|banner/iu.test(`${tag} ${names} ${role}`) && sizes.titleBelow(el)) return false;
  return sizes.visibleLength(el) < total / 4 || total === 0;
}

/**
 * What isChrome asks of an element's subtree — its visible length, whether an h1–h3 below it names a
 * plan — each worked out once per element (WeakMaps): chrome-named elements nested thousands deep
 * asked it of their whole subtree at every depth (2.6 MB: 85 s).
 */
class PageSizes {
  private readonly lengths = new WeakMap<Node, number>();
  private readonly titles = new WeakMap<Node, boolean>();

  visibleLength(node: Node): number {
    if (node.nodeType === 3) return node.rawText.replace(/\s+/gu, '').length;
    if (node.nodeType !== 1) return 0;
    const known = this.lengths.get(node);
    if (known !== undefined) return known;
    const tag = (node as HTMLElement).tagName?.toLowerCase() ?? '';
    let n = 0;
    if (tag !== 'script' && tag !== 'style' && tag !== 'noscript' && tag !== 'template') for (const c of node.childNodes) n += this.visibleLength(c);
    this.lengths.set(node, n);
    return n;
  }

  /** Whether an h1, h2 or h3 below `node` (not `node` itself) has words of a plan's title. */
  titleBelow(node: Node): boolean {
    const known = this.titles.get(node);
    if (known !== undefined) return known;
    let found = false;
    for (const c of node.childNodes) {
      if (c.nodeType !== 1) continue;
      const tag = (c as HTMLElement).tagName?.toLowerCase() ?? '';
      if (((tag === 'h1' || tag === 'h2' || tag === 'h3') && TITLE_WORDS.test(c.text)) || this.titleBelow(c)) {
        found = true;
        break;
      }
    }
    this.titles.set(node, found);
    return found;
  }
}

/** HTML white space, no-break space and ideographic space: what a line's ends lose. */
function isLineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0x3000;
}

/** Collects text into lines: whitespace collapsed within a line, empty lines dropped. */
class LineReader {
  private lines: string[] = [];
  private cur = '';

  add(text: string, pre: boolean): void {
    if (pre) {
      const parts = text.replace(/\r\n?/gu, '\n').split('\n');
      parts.forEach((p, i) => {
        if (i > 0) this.flush();
        this.cur += p;
      });
      return;
    }
    // HTML whitespace (not the no-break or ideographic spaces, which are content) collapses.
    this.cur += text.replace(/[ \t\n\r\f]+/gu, ' ');
  }

  br(): void {
    this.flush(true);
  }

  flush(force = false): void {
    // Indentation by no-break or ideographic spaces (`&nbsp;&nbsp;`, `　　`) goes with the rest. Trimmed
    // by hand: a pattern for spaces at the end is tried at every space of a long run (1 MB: 56 s).
    const cur = this.cur;
    let from = 0;
    let to = cur.length;
    while (from < to && isLineSpace(cur.charCodeAt(from))) from++;
    while (to > from && isLineSpace(cur.charCodeAt(to - 1))) to--;
    const line = cur.slice(from, to);
    this.cur = '';
    if (line !== '') this.lines.push(line);
    else if (force && this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
  }

  done(): string {
    this.flush();
    while (this.lines.at(-1) === '') this.lines.pop();
    return this.lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
  }
}

const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  gb2312: 'gbk', 'x-gbk': 'gbk', gbk: 'gbk', gb18030: 'gb18030', cp936: 'gbk',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-big5': 'big5',
  'utf-8': 'utf-8', utf8: 'utf-8',
};

/**
 * The charset an HTML page declares in its first 2 KB (`<meta charset="gb2312">` or the
 * `http-equiv` form), as a TextDecoder label, or null when none or an unknown one is declared.
 *
 * @example
 * declaredCharset(new TextEncoder().encode('<meta charset="GB2312">')); // 'gbk'
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  const n = Math.min(bytes.length, 2048);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/iu.exec(head);
  return m ? (CHARSET_ALIASES[m[1]!.toLowerCase()] ?? null) : null;
}

/**
 * Reads an HTML file's bytes: a UTF-8 BOM or UTF-8-valid bytes are UTF-8; otherwise the charset the
 * page declares (GB2312/GBK/GB18030, and Big5 for Taiwan and Hong Kong pages, which the plain-text
 * decoder does not guess), else GB18030. Then as {@link readHtml}. Never throws.
 *
 * @example
 * const gbk = new Uint8Array([0x3c, 0x70, 0x3e, 0xd6, 0xd0, 0xce, 0xc4, 0x3c, 0x2f, 0x70, 0x3e]); // <p>中文</p>
 * readHtmlBytes(gbk, 'plan.html').text; // '中文'
 */
export function readHtmlBytes(bytes: Uint8Array, source?: string): HtmlText & { encoding: string } {
  const at = source === undefined ? {} : { source };
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', diagnostics: [{ code: 'input/empty', severity: 'error', message: 'the file is empty', ...at }] };
  let encoding = 'utf-8';
  let damaged = false;
  // The page as damaged UTF-8 when it is that (decoded once, here).
  let lenient: string | null = null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (!bom) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // A legacy charset the page declares; else UTF-8 with a few bad bytes (read as U+FFFD), else GB18030.
      const declared = declaredCharset(bytes);
      if (declared !== null && declared !== 'utf-8') encoding = declared;
      else if ((lenient = lenientUtf8(bytes)) !== null) damaged = true;
      else encoding = 'gb18030';
    }
  } else damaged = true;
  let html: string;
  try {
    html = lenient ?? new TextDecoder(encoding).decode(bytes);
  } catch {
    encoding = 'gb18030';
    html = new TextDecoder(encoding).decode(bytes);
  }
  const r = readHtml(html, source);
  const diagnostics = [...r.diagnostics];
  if (encoding !== 'utf-8' && !encoding.startsWith('utf-16')) {
    diagnostics.unshift({ code: 'input/decoded-legacy-encoding', severity: 'info', message: `the page is not UTF-8; it was read as ${encoding}`, ...at });
  }
  // Bad bytes in a page with a UTF-8 BOM, or in one read as UTF-8 though not valid throughout.
  if (damaged && encoding === 'utf-8' && html.includes('\ufffd')) {
    const bad = html.split('\ufffd').length - 1;
    diagnostics.unshift({ code: 'input/replacement-characters', severity: 'warning', message: `${bad} character(s) could not be decoded and read as U+FFFD`, ...at });
  }
  return { text: r.text, encoding, diagnostics };
}
