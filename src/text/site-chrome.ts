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

export function isChromeLine(line: string): boolean {
  if (line.trim() === '') return false;
  if (REPEATED_TOKEN.test(line)) return true;
  for (const re of CHROME_LINE) {
    if (re === FILE_NAME_LINE && !FILE_EXTENSION.test(line)) continue;
    if (re.test(line)) return true;
  }
  return false;
}

/** The text is a site preview that stops before the end of the document. */
export function isPreviewCut(text: string): boolean {
  return /超出免费预览|展开阅读全文|剩余\d+页未读|下载后查看完整/u.test(text);
}
