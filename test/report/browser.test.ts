import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from '../../src/cli/run.js';
import { SEEDS_DIR, seedFiles } from '../seeds.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { SEED_REGIONS } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[test/report/browser] skipped: ${CHROMIUM} does not exist (apt-get install chromium)`);

// In CI a missing browser is a failure (.ci/run installs it), not a skip.
describe.skipIf(!haveChromium && !process.env['CI'])('the HTML report in headless Chromium', () => {
  it('loads with no network request and no console error, shows every region and item title, and screenshots', async () => {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(path.join(tmpdir(), 'gangyao-report-'));
    const file = path.join(dir, 'report.html');
    // gangyao report seeds/*.txt --format html --out report.html
    const code = await runCli(['report', ...seedFiles().map((s) => path.join(SEEDS_DIR, s.file)), '--format', 'html', '--out', file], {
      readFile: async (p) => new Uint8Array(await readFile(p)),
      writeFile: (p, d) => writeFile(p, d),
      expand: async () => [],
      readStdin: async () => new Uint8Array(),
      stdout: () => {},
      stderr: (s) => console.error(s),
    });
    expect(code).toBe(0);
    const url = pathToFileURL(file).href;

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1480, height: 1000 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: 'load' });

      expect(errors).toEqual([]);
      expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);

      const text = await page.locator('body').innerText();
      for (const region of SEED_REGIONS) expect(text).toContain(region);
      for (const item of NATIONAL_2021.items) expect(text, item.id).toContain(item.title);
      expect(await page.locator('table.heat tbody tr').count()).toBe(5);
      expect(await page.locator('#targets svg circle').count()).toBeGreaterThanOrEqual(5);
      // the heatmap fits a wide screen without scrolling sideways
      const heat = await page.locator('table.heat').boundingBox();
      expect(heat!.width).toBeLessThanOrEqual(1480);

      const shot = path.join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: false });
      const print = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      expect(print.byteLength).toBeGreaterThan(10_000);
      console.log(`[test/report/browser] screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  });
});
