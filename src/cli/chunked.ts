import { utf8 } from './utf8.js';

/**
 * Output pieces (text, or UTF-8 bytes rendered elsewhere) gathered into UTF-8 chunks of about a
 * megabyte: few writes. Text pieces are joined and encoded a run at a time (a report's JSON comes in
 * hundreds of thousands of small pieces; encoding each apart costs more than rendering it). The bytes
 * are those of the text pieces joined, bytes pieces in their places: a surrogate pair split between two
 * text pieces stays one character.
 */
export function* chunked(pieces: Iterable<string | Uint8Array>): Generator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let text = '';
  const add = (bytes: Uint8Array) => {
    parts.push(bytes);
    size += bytes.length;
  };
  const flush = (): Uint8Array => {
    const out = parts.length === 1 ? parts[0]! : join(parts, size);
    parts = [];
    size = 0;
    return out;
  };
  for (const p of pieces) {
    if (typeof p === 'string') {
      text += p;
      if (text.length < TEXT_RUN) continue;
      // The first half of a pair of surrogates waits for the rest of its character.
      const hold = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
      add(utf8(hold ? text.slice(0, -1) : text));
      text = hold ? text.slice(-1) : '';
    } else {
      if (text !== '') add(utf8(text));
      text = '';
      add(p);
    }
    if (size >= 1 << 20) yield flush();
  }
  if (text !== '') add(utf8(text));
  if (size > 0) yield flush();
}

/** UTF-16 units of text gathered before they are encoded (a run ends with the piece that reaches it). */
const TEXT_RUN = 1 << 19;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function join(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
