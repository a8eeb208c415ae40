import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPlanFile, readPlanBytes } from '../../src/node.js';
import { MAX_INPUT_BYTES } from '../../src/load/load-plan.js';
import { runCli } from '../../src/cli/run.js';
import { SEEDS_DIR, seedFiles } from '../seeds.js';

// An input larger than a plan can be is refused from its size, before it is read; one without a
// size (a device, a pipe) is read no further than the limit. Either way the batch goes on.
describe('inputs larger than a plan may be', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gangyao-large-'));
  const huge = path.join(dir, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, MAX_INPUT_BYTES + 10 * 1024 * 1024); // sparse: 60 MB of size, no data written

  it('are refused from their size, naming the file and the size', async () => {
    const r = readPlanBytes(huge);
    expect('failed' in r && r.failed.diagnostics[0]).toMatchObject({ code: 'input/too-large', severity: 'error', source: huge });
    expect('failed' in r && r.failed.diagnostics[0]!.message).toBe(`${huge}: 60.0 MB is larger than the 50 MB a plan may have`);
    expect((await loadPlanFile(huge)).diagnostics.map((d) => d.code)).toEqual(['input/too-large']);
  });

  it.skipIf(!existsSync('/dev/zero'))('are read no further than the limit when they have no size', () => {
    const r = readPlanBytes('/dev/zero');
    expect('failed' in r && r.failed.diagnostics[0]!.message).toBe('/dev/zero: more than the 50 MB a plan may have');
  });

  it('reads a plan whole, and says what else went wrong', async () => {
    const seed = path.join(SEEDS_DIR, seedFiles()[0]!.file);
    const r = readPlanBytes(seed);
    expect('bytes' in r && new TextDecoder().decode(r.bytes)).toBe(seedFiles()[0]!.text);
    expect((await loadPlanFile(seed)).plan?.region?.name).toBe('兰州市');
    const missing = readPlanBytes(path.join(dir, 'missing.txt'));
    expect('failed' in missing && missing.failed.diagnostics[0]!.message).toMatch(/missing\.txt: no such file$/u);
    const folder = readPlanBytes(dir);
    expect('failed' in folder && folder.failed.diagnostics[0]).toMatchObject({ code: 'input/unreadable', message: `${dir}: it is a directory` });
  });

  it('from standard input, read one byte past the limit', async () => {
    const out: string[] = [];
    const io = {
      readFile: async () => new Uint8Array(),
      writeFile: async () => {},
      expand: async () => [],
      readStdin: async () => new Uint8Array(MAX_INPUT_BYTES + 1),
      stdout: (s: string | Uint8Array) => void out.push(typeof s === 'string' ? s : new TextDecoder().decode(s)),
      stderr: () => {},
    };
    expect(await runCli(['analyze', '-', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(out.join('')).plans[0].diagnostics[0]).toMatchObject({ code: 'input/too-large', message: '<stdin>: more than the 50 MB a plan may have' });
  });

  const cli = path.resolve(SEEDS_DIR, '..', 'dist', 'cli.js');
  it.skipIf(!existsSync(cli))('in the CLI, on one thread and on worker threads, the others analysed', () => {
    const seeds = seedFiles().map((s) => path.join(SEEDS_DIR, s.file));
    // --threads 1 reads them here, --threads 2 on worker threads.
    const files = [...seeds, huge, ...seeds, ...seeds, '/dev/zero'];
    for (const threads of ['1', '2']) {
      const r = spawnSync(process.execPath, [cli, 'analyze', ...files, '--format', 'json', '--threads', threads], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as { plans: { source: string; region: string | null; diagnostics: { code: string; message: string }[] }[] };
      expect(report.plans).toHaveLength(17);
      expect(report.plans[5]!.diagnostics[0]).toMatchObject({ code: 'input/too-large', message: `${huge}: 60.0 MB is larger than the 50 MB a plan may have` });
      expect(report.plans[16]!.diagnostics[0]).toMatchObject({ code: 'input/too-large', message: '/dev/zero: more than the 50 MB a plan may have' });
      expect(report.plans.filter((p) => p.region !== null)).toHaveLength(15);
    }
  });
});
