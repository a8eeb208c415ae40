export { readDocx, type DocxText } from './read-docx.js';
export { declaredCharset, htmlToText, readHtml, readHtmlBytes, type HtmlText } from './read-html.js';
