// The traditional → simplified build of opencc-js (~110 KB with its tables); it has ESM and UMD
// entries, so both the ESM and the CommonJS builds of this library load it.
import { Locale, Trie } from 'opencc-js/t2cn';
import { applyEdits, type Edit, type MappedText } from '../mapped-text.js';

/**
 * Traditional → simplified Chinese with an exact offset map.
 *
 * The conversion is OpenCC's own (the `tw2s` chain of opencc-js, with the Hong Kong variant table
 * merged into its variant stage so that Taiwan and Hong Kong texts both convert): compatibility
 * ideographs are normalised, the text is cut into phrases with `TSPhrases`, and each phrase goes
 * through the variant tables and then `TSPhrases` + `TSCharacters`. The tries are opencc-js's; this
 * module only walks them itself so that it knows, for every converted phrase, which characters it
 * came from. A phrase whose result has the same length as its source is mapped character for
 * character, one of a different length as one replaced run.
 */

type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface ChainConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

interface Converter {
  normalization: Trie[];
  segmentation: Trie | null;
  chain: Trie[];
}

let converter: Converter | null = null;

function trieOf(group: DictGroup): Trie {
  const t = new Trie();
  t.loadDictGroup(group);
  return t;
}

function presets(): { tw: ChainConfig; hk: ChainConfig | undefined } {
  const configs = (Locale as { configs?: Record<string, ChainConfig> }).configs ?? {};
  const tw = configs['tw2s'];
  if (!tw) throw new Error('opencc-js: the tw2s preset is missing');
  return { tw, hk: configs['hk2s'] };
}

function build(): Converter {
  const { tw, hk } = presets();
  const normalization = (tw.normalizationChain ?? []).map(trieOf);
  let segmentation: Trie | null = null;
  if (tw.segmentation !== undefined) {
    segmentation = new Trie();
    const seg = tw.segmentation;
    if (Array.isArray(seg) && seg.every((d) => typeof d === 'string')) segmentation.loadDictGroup(seg as DictGroup);
    else segmentation.loadDict(seg as DictLike);
  }
  const [twVariants, ...rest] = tw.conversionChain;
  // Taiwan variants first (they win on conflicts), then Hong Kong ones.
  const variants: DictGroup = [...(twVariants ?? []), ...(hk?.conversionChain[0] ?? [])];
  const chain = [variants, ...rest].map(trieOf);
  return { normalization, segmentation, chain };
}

function getConverter(): Converter {
  converter ??= build();
  return converter;
}

let traditionalOnlyChars: Set<number> | null = null;

/**
 * Characters that only traditional text uses (TSCharacters keys that are not simplified forms), read
 * from the tables without building the converter's tries: deciding that a text is simplified is cheap.
 */
function traditionalOnly(): Set<number> {
  traditionalOnlyChars ??= traditionalOnlySet(presets().tw.conversionChain.slice(1).at(-1) ?? []);
  return traditionalOnlyChars;
}

/** Keys of the character table that change and are not themselves the simplified form of anything. */
function traditionalOnlySet(group: DictGroup): Set<number> {
  const keys = new Map<number, number>();
  const values = new Set<number>();
  for (const dict of group) {
    const pairs: (readonly [string, string])[] =
      typeof dict === 'string' ? dict.split('|').map((l) => l.split(' ') as unknown as [string, string]) : [...dict];
    for (const [k, v] of pairs) {
      if (typeof k !== 'string' || typeof v !== 'string') continue;
      const kc = k.codePointAt(0);
      const vc = v.codePointAt(0);
      if (kc === undefined || vc === undefined || [...k].length !== 1) continue;
      values.add(vc);
      if (kc !== vc && !keys.has(kc)) keys.set(kc, vc);
    }
  }
  const out = new Set<number>();
  for (const k of keys.keys()) if (!values.has(k)) out.add(k);
  return out;
}

/** A piece of converted text; unit `i` came from `[st[i], en[i])` of the pass's input. */
interface Piece {
  text: string;
  st: number[];
  en: number[];
}

// Same unmatched-unit rule as opencc-js (code points; ideographic description sequences whole).
function cpLen(s: string, i: number): number {
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}
function idsEnd(s: string, i: number, depth = 0): number {
  const arity = idsArity(s.codePointAt(i) ?? 0);
  if (arity === 0 || depth > 32) return 0;
  let end = i + cpLen(s, i);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end, depth + 1);
    end = child || end + cpLen(s, end);
  }
  return end;
}
function unmatchedLength(s: string, i: number): number {
  const e = idsEnd(s, i);
  return e > i ? e - i : cpLen(s, i);
}

/** One trie pass over a piece, as opencc-js `Trie.convert`, carrying the offsets along. */
function convertPiece(trie: Trie, p: Piece): Piece {
  const s = p.text;
  const n = s.length;
  const parts: string[] = [];
  const st: number[] = [];
  const en: number[] = [];
  let changed = false;
  for (let i = 0; i < n; ) {
    const m = trie.matchPrefix(s, i);
    if (m && m.end > i) {
      const v = m.value;
      const len = m.end - i;
      if (v !== s.slice(i, m.end)) changed = true;
      if (v.length === len) {
        for (let k = 0; k < len; k++) {
          st.push(p.st[i + k]!);
          en.push(p.en[i + k]!);
        }
      } else {
        const a = p.st[i]!;
        let b = a;
        for (let k = i; k < m.end; k++) b = Math.max(b, p.en[k]!);
        for (let k = 0; k < v.length; k++) {
          st.push(a);
          en.push(b);
        }
      }
      parts.push(v);
      i = m.end;
    } else {
      const l = Math.min(unmatchedLength(s, i), n - i);
      for (let k = 0; k < l; k++) {
        st.push(p.st[i + k]!);
        en.push(p.en[i + k]!);
      }
      parts.push(s.slice(i, i + l));
      i += l;
    }
  }
  return changed ? { text: parts.join(''), st, en } : p;
}

function slicePiece(p: Piece, a: number, b: number): Piece {
  return { text: p.text.slice(a, b), st: p.st.slice(a, b), en: p.en.slice(a, b) };
}

/** Converts a text, returning the result as pieces with offsets into the input. */
function convertTracked(text: string): Piece[] {
  const c = getConverter();
  const st = new Array<number>(text.length);
  const en = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    st[i] = i;
    en[i] = i + 1;
  }
  let whole: Piece = { text, st, en };
  for (const t of c.normalization) whole = convertPiece(t, whole);
  let pieces: Piece[] = [whole];
  if (c.segmentation) {
    pieces = [];
    let at = 0;
    for (const seg of c.segmentation.segment(whole.text)) {
      pieces.push(slicePiece(whole, at, at + seg.length));
      at += seg.length;
    }
    if (at < whole.text.length) pieces.push(slicePiece(whole, at, whole.text.length));
  }
  return pieces.map((p) => c.chain.reduce((q, t) => convertPiece(t, q), p));
}

/** Turns converted pieces into edits on the input: overlapping source ranges merge into one run. */
function editsOf(input: string, pieces: Piece[]): Edit[] {
  const edits: Edit[] = [];
  let covered = 0;
  for (const p of pieces) {
    const n = p.text.length;
    let k = 0;
    while (k < n) {
      let gs = p.st[k]!;
      let ge = p.en[k]!;
      let j = k + 1;
      while (j < n && p.st[j]! < ge) {
        ge = Math.max(ge, p.en[j]!);
        j++;
      }
      // A unit that maps to an empty range (cannot happen with OpenCC's tables) joins its neighbour.
      if (ge <= gs) ge = gs;
      if (gs < covered) gs = covered;
      if (gs > covered) edits.push({ start: covered, end: gs, replacement: '' });
      const out = p.text.slice(k, j);
      const src = input.slice(gs, ge);
      if (out !== src) {
        if (out.length === ge - gs) {
          for (let x = 0; x < out.length; x++) {
            if (out[x] !== src[x]) edits.push({ start: gs + x, end: gs + x + 1, replacement: out[x]! });
          }
        } else {
          edits.push({ start: gs, end: ge, replacement: out });
        }
      }
      covered = Math.max(covered, ge);
      k = j;
    }
  }
  if (covered < input.length) edits.push({ start: covered, end: input.length, replacement: '' });
  return edits;
}

/**
 * Converts traditional Chinese (Taiwan, Hong Kong or plain OpenCC standard) to simplified, keeping
 * the offset map exact: a phrase converted to the same length maps character for character, one of
 * another length (rare) becomes one replaced run. Text without traditional characters comes back
 * unchanged (the same object). Browser-safe; the tables load once, on first use.
 *
 * @example
 * import { normalizeText } from '../normalize-text.js';
 * const { mt } = normalizeText('實施青少年科學素質提升行動', { passes: [toSimplified] });
 * mt.text; // '实施青少年科学素质提升行动'
 */
export const toSimplified = (mt: MappedText): MappedText => {
  const text = mt.text;
  if (text.length === 0) return mt;
  const pieces = convertTracked(text);
  const edits = editsOf(text, pieces);
  return edits.length === 0 ? mt : applyEdits(mt, edits);
};

/**
 * Converts a plain string to simplified Chinese with the same tables as {@link toSimplified}.
 *
 * @example
 * simplify('全民科學素質行動'); // '全民科学素质行动'
 */
export function simplify(text: string): string {
  const c = getConverter();
  let whole = text;
  for (const t of c.normalization) whole = convertPlain(t, whole);
  const segments = c.segmentation ? c.segmentation.segment(whole) : [whole];
  let at = 0;
  const out: string[] = [];
  for (const seg of segments) {
    out.push(c.chain.reduce((q, t) => convertPlain(t, q), seg));
    at += seg.length;
  }
  if (at < whole.length) out.push(c.chain.reduce((q, t) => convertPlain(t, q), whole.slice(at)));
  return out.join('');
}

/** {@link convertPiece} without the offsets: the text only (what `simplify` needs, several times faster). */
function convertPlain(trie: Trie, s: string): string {
  const n = s.length;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < n; ) {
    const m = trie.matchPrefix(s, i);
    if (m && m.end > i) {
      if (i > from) parts.push(s.slice(from, i));
      parts.push(m.value);
      i = m.end;
      from = i;
    } else {
      i += Math.min(unmatchedLength(s, i), n - i);
    }
  }
  if (from === 0) return s;
  if (from < n) parts.push(s.slice(from));
  return parts.join('');
}

/**
 * Share of Han characters that only traditional text uses, over the first `limit` characters
 * (0 for a text without Han characters).
 *
 * @example
 * traditionalShare('科學素質'); // 0.5 (學 and 質; 科 and 素 are the same in both scripts)
 */
export function traditionalShare(text: string, limit = 20000): number {
  const table = hanTable();
  let han = 0;
  let trad = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    // Most units are BMP characters: one table look-up each (bit 0 Han, bit 1 traditional only).
    const v = table[text.charCodeAt(i)]!;
    if (v !== SURROGATE) {
      han += v & 1;
      trad += v >> 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!isHan(cp)) continue;
    han++;
    if (traditionalOnly().has(cp)) trad++;
  }
  return han === 0 ? 0 : trad / han;
}

/** The table value of a surrogate: the code point is read whole. */
const SURROGATE = 4;
let hanBmp: Uint8Array | null = null;

/** For each BMP unit: 1 for a Han character, 3 for one that only traditional text uses, 4 for a surrogate. */
function hanTable(): Uint8Array {
  if (hanBmp) return hanBmp;
  const table = new Uint8Array(0x10000);
  // The BMP blocks `isHan` accepts, filled natively (a loop over all 65,536 units costs the first plan milliseconds).
  for (const [from, to] of HAN_BMP_BLOCKS) table.fill(1, from, to + 1);
  for (const cp of traditionalOnly()) if (cp <= 0xffff && isHan(cp)) table[cp] = 3;
  table.fill(SURROGATE, 0xd800, 0xe000);
  hanBmp = table;
  return table;
}

/**
 * Whether a text is written in traditional characters: at least 5% of its Han characters are ones
 * only traditional text uses (a simplified plan has almost none; a traditional one a fifth or more).
 * Callers run {@link toSimplified} only when this says so.
 *
 * @example
 * looksTraditional('全民科學素質行動規劃綱要'); // true
 * looksTraditional('全民科学素质行动规划纲要'); // false
 */
export function looksTraditional(text: string): boolean {
  return traditionalShare(text) >= 0.05;
}

/**
 * {@link toSimplified}, run only when {@link looksTraditional} says the text is traditional; a
 * simplified text passes through untouched (so a stray 著 or 乾 in it is never rewritten).
 *
 * @example
 * import { normalizeText } from '../normalize-text.js';
 * normalizeText('全民科學素質行動', { passes: [simplifyIfTraditional] }).mt.text; // '全民科学素质行动'
 * normalizeText('著作权', { passes: [simplifyIfTraditional] }).mt.text;          // '著作权' (not traditional: untouched)
 */
export const simplifyIfTraditional = (mt: MappedText): MappedText => (looksTraditional(mt.text) ? toSimplified(mt) : mt);

/** The blocks of `isHan` below U+10000, inclusive. */
const HAN_BMP_BLOCKS: readonly (readonly [number, number])[] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0xf900, 0xfaff],
];

function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}
