import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPlan } from '../../src/load/load-plan.js';
import { buildAnalysisReport } from '../../src/analyze/build-analysis-report.js';
import { SEEDS_DIR, seedFiles } from '../seeds.js';
import { buildDocx, buildHtml, crlfWithBom, encodeGb18030, insertPinyin, toTraditional } from './variants.js';

const goldCheck = path.resolve(SEEDS_DIR, '..', '..', 'shared', 'tools', 'gold-check.mjs');

/** Each variant: the file name's extension and the bytes made from a seed's text. */
const VARIANTS: Record<string, { ext: string; make: (text: string) => Uint8Array }> = {
  'traditional script with inserted pinyin': { ext: 'txt', make: (t) => new TextEncoder().encode(insertPinyin(toTraditional(t), 40)) },
  GB18030: { ext: 'txt', make: (t) => encodeGb18030(t) },
  'CRLF with a BOM': { ext: 'txt', make: (t) => crlfWithBom(t) },
  docx: { ext: 'docx', make: (t) => buildDocx(t.split('\n')) },
  html: { ext: 'html', make: (t) => new TextEncoder().encode(buildHtml(t.split('\n'))) },
};

describe.skipIf(!existsSync(goldCheck))('gold-check on real-world variants of the seeds', () => {
  for (const [name, v] of Object.entries(VARIANTS)) {
    it(`${name}: targets, sections and measures meet the bars of the originals`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gangyao-variant-'));
      const results = [];
      for (const s of seedFiles()) {
        const stem = s.file.replace(/\.txt$/u, '');
        const r = await loadPlan(v.make(s.text), `${stem}.${v.ext}`);
        // gold-check checks spans against <seeds>/<stem>.txt read as UTF-8: give it the text as read.
        writeFileSync(path.join(dir, `${stem}.txt`), r.text ?? '');
        results.push(r);
      }
      writeFileSync(path.join(dir, 'report.json'), JSON.stringify(buildAnalysisReport(results)));
      const line = execFileSync(
        'node',
        [goldCheck, path.join(dir, 'report.json'), '--seeds', dir, '--quiet', '--only', 'target,sectionFound,section,measureFound,measure,span', '--min-measure-found', '0.95', '--min-measure-acc', '0.92'],
        { encoding: 'utf8' },
      ).trim();
      expect(line).toMatch(/^OK: /u);
    });
  }
});
