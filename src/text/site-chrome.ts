import { isWhiteSpace } from './white-space.js';

/**
 * Lines that belong to the web page or the document-sharing site around a plan rather than to the
 * plan: breadcrumbs, upload information, page counters, share buttons, footers. Matched on a line
 * after width folding (spaces may still be present).
 */
const CHROME_LINE: readonly RegExp[] = [
  /^\s*(您现在的位置|当前位置|所在位置)\s*[:：]/u,
  /上传人\s*[:：].*(文档编号|上传时间)/u,
  /^\s*\S+\.(docx?|pdf|wps|pptx?|txt)(_第\d+页)?\s*$/iu,
  /^\s*第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页\s*$/u,
  /^\s*(下载\s*)?(相关\s*)?举报\s*$/u,
  /^\s*(资源描述|展开阅读全文|相关资源|猜你喜欢|相关搜索|收藏|分享|打印本页|关闭窗口|返回顶部|【?打印】?|【?关闭】?)\s*$/u,
  /该文档总共\d+页|超出免费预览|如果喜欢就下载|由会员分享.*可在线阅读/u,
  /^\s*当前位置\s*[:：>]/u,
  /copyright|版权所有|ICP备|经营许可证|网站标识码|公网安备/iu,
  /^\s*本站为文档|仅提供信息存储空间|请立即通知.*删除/u,
  /^\s*(新媒体|微信|微博|手机版|扫一扫|二维码)(\s|$)/u,
];

/** A line repeating one token (`中山市 中山市 中山市`, `微信 微信`): a menu or an icon row. */
const REPEATED_TOKEN = /^\s*(\S{1,12})(\s+\1){1,}\s*$/u;

/** What the file-name pattern needs somewhere in a line: tested first, as that pattern backtracks over long lines. */
const FILE_EXTENSION = /\.(docx?|pdf|wps|pptx?|txt)/iu;
const FILE_NAME_LINE = CHROME_LINE[2]!;

/** The pattern of words a plan may use too (版权所有权保护, 经营许可证管理): chrome only in a line without a sentence end. */
const FOOTER_WORDS_LINE = CHROME_LINE[8]!;
/** A sentence end (`；` as well as `;`: the comparison reads lines before width folding). */
const SENTENCE_END = /[。;；]/u;
/**
 * The most characters (spaces not counted) a chrome line has. A longer line holds the plan's own
 * text — a document flattened to one line, a footer or breadcrumb glued to it — and is never dropped.
 */
const MAX_CHROME_CHARS = 200;

export function isChromeLine(line: string): boolean {
  if (line.trim() === '') return false;
  if (line.length > MAX_CHROME_CHARS && line.replace(/\s+/gu, '').length > MAX_CHROME_CHARS) return false;
  if (REPEATED_TOKEN.test(line)) return true;
  for (const re of CHROME_LINE) {
    if (re === FILE_NAME_LINE && !FILE_EXTENSION.test(line)) continue;
    if (re === FOOTER_WORDS_LINE && SENTENCE_END.test(line)) continue;
    if (re.test(line)) return true;
  }
  return false;
}

/** The text is a site preview that stops before the end of the document. */
export function isPreviewCut(text: string): boolean {
  return /超出免费预览|展开阅读全文|剩余\d+页未读|下载后查看完整/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// A cheap look before `isChromeLine`, so that the patterns run only on lines that could match. Kept in
// step with CHROME_LINE and REPEATED_TOKEN; it may let through lines that are not chrome, never the reverse.

/** The words of the patterns that may match anywhere in a line (the `i` flag spelled out for the Latin ones). */
const CHROME_WORDS =
  /上传人|该文档总共|超出免费预览|如果喜欢就下载|由会员分享|[Cc][Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]|版权所有|[Ii][Cc][Pp]备|经营许可证|网站标识码|公网安备|本站为文档|仅提供信息存储空间|请立即通知/g;

/** First characters of the patterns anchored at a line start (您现在的位置, 第 1 页, 举报, 收藏, 【打印】, 微信 …). */
const ANCHORED_FIRST = new Set([...'您当所第下相举资展猜收分打返【关本新微手扫二'].map((c) => c.charCodeAt(0)));
/** Last characters of a file-name line (.docx .doc .pdf .wps .pptx .ppt .txt, any case, or _第2页). */
const FILE_NAME_LAST = new Set([...'xXcCfFsSſtT页'].map((c) => c.charCodeAt(0)));
/** Longest token REPEATED_TOKEN repeats, in code units (12 code points). */
const MAX_TOKEN_UNITS = 24;

/** Positions of the words chrome patterns may find anywhere in a line, in order; none crosses a line break. */
export function chromeWords(text: string): number[] {
  const out: number[] = [];
  CHROME_WORDS.lastIndex = 0;
  for (let m = CHROME_WORDS.exec(text); m !== null; m = CHROME_WORDS.exec(text)) out.push(m.index);
  return out;
}

/**
 * Whether the line [start, end) of `text` may be chrome by an anchored pattern or a repeated token:
 * it starts with one of their first characters, ends like a file name, or its first token (followed
 * by a space) also ends it. Lines with one of the `chromeWords` are checked by the caller.
 */
export function mayBeChromeLine(text: string, start: number, end: number): boolean {
  let a = start;
  while (a < end && isWhiteSpace(text.charCodeAt(a))) a++;
  if (a === end) return false;
  let b = end;
  while (b > a && isWhiteSpace(text.charCodeAt(b - 1))) b--;
  if (ANCHORED_FIRST.has(text.charCodeAt(a)) || FILE_NAME_LAST.has(text.charCodeAt(b - 1))) return true;
  // A repeated token: the first token, followed by a space, ends the line too.
  let t = a;
  while (t < b && t - a <= MAX_TOKEN_UNITS && !isWhiteSpace(text.charCodeAt(t))) t++;
  const len = t - a;
  if (t === b || len > MAX_TOKEN_UNITS || b - len <= t) return false;
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b - len + k)) return false;
  return true;
}
