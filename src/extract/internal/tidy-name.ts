const SEPARATORS = '、,，:：;；。 \t';
const OPENERS = '“(（【[‘';
const CLOSERS = '”)）】]’';

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function trimChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/**
 * Trims separators from both ends, and quotes or brackets the cut left unpaired:
 * `“科技兴趣”社团` stays whole, `“金城首席科普专家”` loses its quotes, `科技兴趣”社团` its stray ”.
 */
export function tidyName(s: string): string {
  let out = s;
  for (;;) {
    const prev = out;
    out = trimChars(out, SEPARATORS);
    const first = out[0] ?? '';
    const last = out[out.length - 1] ?? '';
    const oi = first === '' ? -1 : OPENERS.indexOf(first);
    if (oi >= 0 && last === CLOSERS[oi] && count(out, first) === 1 && count(out, last) === 1) {
      out = out.slice(1, -1);
    } else {
      if (oi >= 0 && !out.includes(CLOSERS[oi]!)) out = out.slice(1);
      else if (first !== '' && CLOSERS.includes(first)) out = out.slice(1);
      const end = out[out.length - 1] ?? '';
      const ci = end === '' ? -1 : CLOSERS.indexOf(end);
      if (ci >= 0 && !out.includes(OPENERS[ci]!)) out = out.slice(0, -1);
      else if (end !== '' && OPENERS.includes(end)) out = out.slice(0, -1);
    }
    if (out === prev) return out;
  }
}
