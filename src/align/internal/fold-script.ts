import { simplify } from '../../text/passes/to-simplified.js';

/**
 * Traditional → simplified folding, one code unit for one (offsets are kept), for every Han character
 * of the BMP: derived once, on first use, from opencc-js's conversion (the same tables the
 * normalisation pass uses), character by character, so no phrase rule can change a length.
 */
let table: Uint16Array | null = null;
let folded: Int32Array | null = null;

/**
 * One bit per code unit: set when {@link foldCodes} changes it. Small enough to stay in cache, so text
 * with nothing to fold (most) reads no table.
 */
export function foldBits(): Int32Array {
  if (folded) return folded;
  const t = foldCodes();
  const bits = new Int32Array(0x800);
  for (let c = 0; c < 0x10000; c++) if (t[c]) bits[c >>> 5]! |= 1 << (c & 31);
  folded = bits;
  return bits;
}

/** The folding table by code unit: 0 = unchanged. Built on first use (a few tens of milliseconds). */
export function foldCodes(): Uint16Array {
  if (table) return table;
  const a = new Uint16Array(0x10000);
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [lo, hi] of ranges) {
    // One character a line: conversion never sees two characters together.
    const chars: string[] = [];
    for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
    const out = simplify(chars.join('\n')).split('\n');
    if (out.length !== chars.length) continue;
    for (let k = 0; k < chars.length; k++) {
      const s = out[k]!;
      if (s.length === 1 && s !== chars[k]) a[lo + k] = s.charCodeAt(0);
    }
  }
  table = a;
  return a;
}

/**
 * Folds traditional characters to their simplified forms, one for one (the length is unchanged).
 *
 * @example
 * foldScript('實施青少年科學素質提升行動'); // '实施青少年科学素质提升行动'
 */
export function foldScript(text: string): string {
  const t = foldCodes();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(t[c] || c);
  }
  return out;
}
