import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roleTail, TAIL_ASSIST, TAIL_LEAD, TAIL_RESP, unitEtcLength } from '../../src/extract/internal/role-tail.js';
import { ROLE_TAIL, UNIT_ETC } from '../../src/extract/internal/patterns.js';
import { seed } from '../seeds.js';

/** What the regexes say of a string, as roleTail / unitEtcLength say it. */
function byRegex(s: string): [number, number] {
  const m = ROLE_TAIL.exec(s);
  const group = !m ? 0 : m.groups!['lead'] ? TAIL_LEAD : m.groups!['assist'] ? TAIL_ASSIST : TAIL_RESP;
  return [m ? m[0].length * 4 + group : 0, UNIT_ETC.exec(s)?.[0].length ?? 0];
}

/** What the word scans say of [start, end) of `text`. */
const byWords = (text: string, start: number, end: number): [number, number] => [roleTail(text, start, end), unitEtcLength(text, start, end)];

describe('roleTail and unitEtcLength', () => {
  it('read what ROLE_TAIL and UNIT_ETC read', () => {
    for (const s of ['科协牵头', '县科协按职责分工负责', '市科协配合', '牵头负责', '市科协等单位', '等部门', '县教育局', '', '负责', '按照职能分工落实', '共同负责']) {
      expect(byWords(s, 0, s.length), s).toEqual(byRegex(s));
    }
  });

  it('read the same on every piece of the seeds between separators', () => {
    for (let i = 0; i < 5; i++) {
      const text = seed(i).text;
      let from = 0;
      for (let k = 0; k <= text.length; k++) {
        if (k < text.length && !'、,，;；。()\n'.includes(text[k]!)) continue;
        expect(byWords(text, from, k)).toEqual(byRegex(text.slice(from, k)));
        from = k + 1;
      }
    }
  });

  it('read the same on any text made of the words’ characters, in place inside a longer text', () => {
    const alphabet = [...new Set('按照职责能分工负责落实牵头配合协助参与共同等单位部门')].concat(['局', '、', ' ', 'x', '牵头', '负责', '按职责分工负责', '等单位', '\ud83d']);
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const t = a + b + c;
        expect(byWords(t, a.length, a.length + b.length)).toEqual(byRegex(b));
      }),
      { numRuns: 20000 },
    );
  });
});
