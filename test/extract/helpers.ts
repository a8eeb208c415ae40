import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdits, mapChars, mapIdentity, type Edit, type MappedText } from '../../src/text/mapped-text.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Fullwidth ASCII (U+FF01–U+FF5E) to halfwidth. */
function foldWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
}

const HSPACE = /[ \t\u00a0\u2002-\u200b\u3000\ufeff\r]+/gu;
const LATIN = /[A-Za-z]/u;

/**
 * A minimal stand-in for the library's normaliser: folds fullwidth ASCII, drops carriage returns and
 * removes horizontal spaces except a single space between Latin letters.
 */
export function normalise(original: string): MappedText {
  const mt = mapChars(mapIdentity(original), foldWidth);
  const edits: Edit[] = [];
  for (const m of mt.text.matchAll(HSPACE)) {
    const s = m.index;
    const e = s + m[0].length;
    const keep = m[0] === ' ' && LATIN.test(mt.text[s - 1] ?? '') && LATIN.test(mt.text[e] ?? '');
    if (!keep) edits.push({ start: s, end: e, replacement: '' });
  }
  return applyEdits(mt, edits);
}

export interface Seed {
  file: string;
  original: string;
  mt: MappedText;
}

/** Reads a seed plan by its number prefix ('000' … '004'). */
export function loadSeed(prefix: string): Seed {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const original = readFileSync(SEEDS + file, 'utf8');
  return { file, original, mt: normalise(original) };
}

/** The normalised range of the first line that contains `needle` (for title arguments). */
export function lineOf(mt: MappedText, needle: string): { start: number; end: number } {
  const at = mt.text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  const start = mt.text.lastIndexOf('\n', at) + 1;
  const nl = mt.text.indexOf('\n', at);
  return { start, end: nl < 0 ? mt.text.length : nl };
}

interface GoldIndicator {
  name: string;
  value: number;
  unit: string;
  comparator?: string;
}
interface GoldPlan {
  file: string;
  region: string;
  level: string;
  province: string;
  parent?: string;
  period: [number, number];
  basis?: string[];
  target: { value: number; year: number; comparator: string; qualifiers: string[] };
  indicators?: GoldIndicator[];
}

/** The hand-read expectations for the seeds. */
export function loadGold(): GoldPlan[] {
  const path = fileURLToPath(new URL('../../../shared/gold/seeds.gold.json', import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { plans: GoldPlan[] }).plans;
}

/** The gold-check's title normalisation: no punctuation, brackets, quotes or spaces. */
export function normTitle(s: string): string {
  return s.normalize('NFKC').replace(/[\s“”"'‘’「」《》()（）、，,。.:：；;—\-]/gu, '').replace(/^实施/u, '');
}
