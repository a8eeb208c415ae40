import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/index.js';
import { detectDraft } from '../../src/extract/detect-draft.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { loadSeed } from './helpers.js';

describe('detectDraft', () => {
  it('seed 001 is a 征求意见稿; the others are not drafts', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { mt, original } = loadSeed(prefix);
      const diagnostics: Diagnostic[] = [];
      expect(detectDraft(mt, diagnostics), prefix).toBe(prefix === '001');
      if (prefix === '001') {
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ code: 'plan/draft', severity: 'info' });
        const span = diagnostics[0]!.span!;
        expect(original.slice(span.start, span.end)).toBe('征求意见稿');
      } else expect(diagnostics).toEqual([]);
    }
  });

  it.each(['XX县实施方案(送审稿)', 'XX县实施方案(草案)', 'XX县实施方案\n讨论稿'])('%s', (text) => {
    expect(detectDraft(mapIdentity(text), [])).toBe(true);
  });

  it('ignores a mark far below the top', () => {
    expect(detectDraft(mapIdentity('XX县实施方案\n' + '正文。'.repeat(200) + '(草案)'), [])).toBe(false);
  });
});
