import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chineseOrdinal, findHeadingMarkers } from '../../src/parse/headings.js';
import { normalizeText } from '../../src/text/normalize-text.js';
import { seed } from '../seeds.js';

/** The markers as the single regex reads them (the definition findHeadingMarkers must keep). */
function byRegex(text: string) {
  const NUM = '[一二三四五六七八九十]{1,3}';
  const MARKER = new RegExp(`(?<l1>${NUM})、|\\((?<l2>${NUM}|[A-Z])\\)|\\((?<l4>\\d{1,2})\\)|(?<circled>[①-⑳⑴-⒇])|(?<!\\d)(?<l3>\\d{1,2})(?:[.、](?![\\d.])|\\s*[)）](?=\\S))|(?<dash>——)`, 'gu');
  const BOUNDARY = /[\n。;:!?)\]】」”》]/u;
  const out: { level: string; label: string; ordinal: number; ocr: boolean; start: number; textStart: number }[] = [];
  let lastL1 = -100;
  for (const m of text.matchAll(MARKER)) {
    const g = m.groups!;
    const at = m.index;
    const prev = at === 0 ? '\n' : text[at - 1]!;
    const atBoundary = BOUNDARY.test(prev);
    const end = at + m[0].length;
    if (g['l1'] !== undefined) {
      if (!atBoundary) continue;
      out.push({ level: 'l1', label: m[0], ordinal: chineseOrdinal(g['l1']), ocr: false, start: at, textStart: end });
      lastL1 = end;
    } else if (g['l2'] !== undefined) {
      const glued = at - lastL1 <= 12 && !/[。;\n]/u.test(text.slice(lastL1, at));
      if (!atBoundary && !glued) continue;
      const ocr = /[A-Z]/u.test(g['l2']);
      out.push({ level: 'l2', label: m[0], ordinal: ocr ? 0 : chineseOrdinal(g['l2']), ocr, start: at, textStart: end });
    } else if (g['l4'] !== undefined || g['circled'] !== undefined) {
      if (prev !== '\n') continue;
      const c = g['circled']?.charCodeAt(0);
      out.push({ level: 'l4', label: m[0], ordinal: c === undefined ? Number(g['l4']) : ((c - 0x2460) % 20) + 1, ocr: false, start: at, textStart: end });
    } else if (g['l3'] !== undefined) {
      if (!atBoundary) continue;
      out.push({ level: 'l3', label: m[0], ordinal: Number(g['l3']), ocr: false, start: at, textStart: end });
    } else if (g['dash'] !== undefined) {
      if (prev !== '\n' && !/[。;]/u.test(prev)) continue;
      out.push({ level: 'dash', label: m[0], ordinal: 0, ocr: false, start: at, textStart: end });
    }
  }
  return out;
}

const withoutOcrFix = (ms: ReturnType<typeof findHeadingMarkers>) => ms.map((m) => ({ ...m, ordinal: m.ocr ? 0 : m.ordinal }));

describe('findHeadingMarkers reads what the marker regex reads', () => {
  it('on random text made of marker pieces', () => {
    const pieces = ['一', '二', '十', '三四', '、', '(', ')', '）', '.', '1', '23', '456', '——', '—', 'A', 'Z', 'a', ' ', '\u3000', '\n', '。', ';', ':', '科学', '𠀀', '》', '..', '①', '⑳', '⑴', '⒇', '(1', '2)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (ps) => {
        const text = ps.join('');
        expect(withoutOcrFix(findHeadingMarkers(text))).toEqual(byRegex(text));
      }),
      { numRuns: 30000 },
    );
  });
  it('on the seeds', () => {
    for (let i = 0; i < 5; i++) {
      const text = normalizeText(seed(i).text).mt.text;
      expect(withoutOcrFix(findHeadingMarkers(text))).toEqual(byRegex(text));
    }
  });
});
