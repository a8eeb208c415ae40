import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as P from '../../src/extract/internal/patterns.js';
import { unnamed } from '../../src/extract/internal/unnamed.js';
import { seed } from '../seeds.js';

/** Every pattern of patterns.ts with named groups. */
const named = Object.entries(P).filter((e): e is [string, RegExp] => e[1] instanceof RegExp && /\(\?<[^=!]/u.test(e[1].source));

/** A match as [index, text, the groups by name] (for the twin, named by its number). */
function viewNamed(m: RegExpExecArray | null) {
  return m && [m.index, [...m], { ...m.groups }];
}
function viewTwin(m: RegExpExecArray | null, names: readonly string[]) {
  if (!m) return m;
  expect(m.groups).toBeUndefined();
  const groups: Record<string, string | undefined> = {};
  names.forEach((n, k) => {
    if (n !== '') groups[n] = m[k];
  });
  return [m.index, [...m], groups];
}

/** All matches of a global pattern by exec from 0. */
function all(re: RegExp, s: string): RegExpExecArray[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const out: RegExpExecArray[] = [];
  for (let m = g.exec(s); m !== null; m = g.exec(s)) {
    out.push(m);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}

describe('unnamed', () => {
  it('numbers the groups as the engine does, and names them', () => {
    const t = unnamed(/(?<a>x)(?:y)(z)(?<=q)(?<!r)[(?<b>](?<c>\()/u);
    expect(t.re.source).toBe('(x)(?:y)(z)(?<=q)(?<!r)[(?<b>](\\()');
    expect(t.names).toEqual(['', 'a', '', 'c']);
    expect(t.group('c')).toBe(3);
    expect(() => t.group('b')).toThrow();
    expect(t.re.flags).toBe('u');
    expect(unnamed(/(?<y>\d)/gu, 'uy').re.flags).toBe('uy');
  });

  it('refuses a pattern that refers to a group by name', () => {
    expect(() => unnamed(/(?<a>x)\k<a>/u)).toThrow();
  });

  it('matches what each named pattern of patterns.ts matches, on the seeds and on any text of its characters', () => {
    expect(named.length).toBeGreaterThan(10);
    const seeds = [0, 1, 2].map((i) => seed(i).text);
    for (const [name, re] of named) {
      const twin = unnamed(re);
      for (const s of seeds) {
        const a = all(re, s).map(viewNamed);
        const b = all(twin.re, s).map((m) => viewTwin(m, twin.names));
        expect(b, name).toEqual(a);
      }
      const alphabet = [...new Set(re.source.replace(/\\[dpsSu]|[\\()?:<>!|{}[\]^$*+=]/g, ''))].concat(['2025', '年', '\n', ' ']);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((a) => a.join('')), (s) => {
          expect(all(twin.re, s).map((m) => viewTwin(m, twin.names))).toEqual(all(re, s).map(viewNamed));
        }),
        { numRuns: 300 },
      );
    }
  });
});
