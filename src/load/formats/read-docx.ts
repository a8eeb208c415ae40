import type { Diagnostic } from '../../model/diagnostic.js';
import { htmlToText } from './read-html.js';

/** What reading a Word file gave: its text (the text "as read", which spans point into), or null. */
export interface DocxText {
  text: string | null;
  diagnostics: Diagnostic[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The most a .docx may hold uncompressed, its XML parts together (the largest input read as one plan, MAX_INPUT_BYTES). */
const MAX_EXPANDED_BYTES = 50 * 1024 * 1024;

/** A part name ending in .xml or .rels (ASCII, compared without case). */
function isXmlPart(name: Uint8Array): boolean {
  const tail = String.fromCharCode(...name.subarray(Math.max(0, name.length - 5))).toLowerCase();
  return tail.endsWith('.xml') || tail.endsWith('.rels');
}

/**
 * The uncompressed size of the XML parts (`.xml`, `.rels`) a zip archive's central directory lists
 * (Infinity for a ZIP64 size), or null when there is no readable central directory (mammoth then says
 * what is wrong). Media are left out: the text is read without them.
 */
export function declaredSize(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end record is in the last 22 bytes, or before a comment of up to 65,535 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    let p = view.getUint32(i + 16, true);
    let total = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return null;
      const size = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      // Only the XML parts are read (images are skipped, never decompressed).
      if (isXmlPart(b.subarray(p + 46, Math.min(b.length, p + 46 + nameLength)))) {
        if (size === 0xffffffff) return Infinity;
        total += size;
      }
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return null;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Reads the text of a Word .docx file with mammoth: every paragraph on its own line (soft line
 * breaks too), table cells one per line, list items and headings as paragraphs, footnotes at the end;
 * images are skipped. Word's automatic list numbering is not part of the text (mammoth does not
 * render it), so a plan numbered by Word styles rather than typed `一、` reads without those labels.
 * Never throws: an empty, corrupt or legacy binary (.doc, .wps) file gives `text: null` and an error
 * diagnostic. Works in Node and in browsers (mammoth's browser build reads the ArrayBuffer).
 *
 * @example
 * const { text, diagnostics } = await readDocx(new Uint8Array(await file.arrayBuffer()));
 * if (text !== null) console.log(text.split('\n')[0]); // '兰州市全民科学素质行动规划纲要实施方案(2022-2025年)'
 */
export async function readDocx(bytes: Uint8Array, source?: string): Promise<DocxText> {
  const at = source === undefined ? {} : { source };
  const fail = (code: Diagnostic['code'], message: string): DocxText => ({
    text: null,
    diagnostics: [{ code, severity: 'error', message, ...at }],
  });
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return fail('input/empty', 'the file is empty');
  if (startsWith(bytes, OLE_MAGIC)) {
    return fail('input/unreadable', 'the file is a legacy binary Word or WPS document (.doc/.wps), not .docx; save it as .docx or text');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return fail('input/unreadable', 'the file is not a .docx (not a zip archive)');
  // What the archive says its XML holds, before anything is decompressed: a small file may expand to
  // gigabytes (59 KB holding 60 MB of one character: 1.8 s and 311 MB to read).
  const expanded = declaredSize(bytes);
  if (expanded !== null && expanded > MAX_EXPANDED_BYTES) {
    return fail('input/too-large', `the .docx expands to ${expanded === Infinity ? 'over 4 GB' : `${Math.round(expanded / 1024 / 1024)} MB`}, more than a plan's ${MAX_EXPANDED_BYTES / 1024 / 1024} MB`);
  }
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let html: string;
  try {
    // Loaded on first use: most batches have no Word file, and every thread of a batch would load it.
    const mammoth = (await import('mammoth')).default;
    // Node's mammoth reads `buffer` (JSZip accepts a Uint8Array), its browser build `arrayBuffer`.
    const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (e) {
    return fail('input/unreadable', `the .docx could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const { text } = htmlToText(html, source, false);
  if (text.trim() === '') return fail('input/empty', 'the .docx has no text');
  return { text, diagnostics: [] };
}
