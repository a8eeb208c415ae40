import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/run.js';
import { ComparisonReportSchema } from '../../src/compare/schema.js';
import { seedFiles } from '../seeds.js';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = {
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[p]);
    },
    writeFile: async () => {},
    expand: async () => [],
    readStdin: async () => new Uint8Array(),
    stdout: (s) => void out.push(typeof s === 'string' ? s : new TextDecoder().decode(s)),
    stderr: (s) => void err.push(s),
  };
  return { cli, out, err };
}

const seeds = Object.fromEntries(seedFiles().map((s) => [`seeds/${s.file}`, s.text]));

describe('gangyao compare', () => {
  it('ranks the seeds by target with deltas and verdicts against the nation', async () => {
    const { cli, out, err } = io(seeds);
    expect(await runCli(['compare', ...Object.keys(seeds), '--format', 'json'], cli)).toBe(0);
    expect(err.join('')).toBe('');
    const c = ComparisonReportSchema.parse(JSON.parse(out.join('')));
    const rows = c.targets.rows.map((r) => [r.region, r.deltaVsNational, r.verdict]);
    expect(rows).toEqual([
      ['上虞区', 3.5, 'exceeds'],
      ['中山市', 1, 'exceeds'],
      ['兰州市', 0, 'at-threshold'],
      ['砀山县', -2, 'falls-short'],
      ['拉萨市', -5, 'falls-short'],
    ]);
    const lanzhou = c.matrix.rows.find((r) => r.source.includes('000_'))!;
    expect(lanzhou.cells['exchange']).toBe('none');
    const xiaoyuan = c.indicators.find((i) => i.key === '科技小院')!;
    expect(xiaoyuan.values.map((v) => v.value)).toEqual([4, 1]);
  });

  it('shows a side-by-side diff of a section with its closest peer on request', async () => {
    const { cli, out } = io(seeds);
    await runCli(['compare', ...Object.keys(seeds), '--diff', 'seeds/001_a778eabecd33c60a.txt#officials'], cli);
    expect(out.join('')).toMatch(/领导干部和公务员科学素质提升行动/u);
  });

  it('rejects a malformed --diff as a usage error', async () => {
    const { cli, err } = io(seeds);
    expect(await runCli(['compare', ...Object.keys(seeds), '--diff', 'nohash'], cli)).toBe(2);
    expect(err.join('')).toMatch(/--diff takes SOURCE#SECTION/u);
  });
});

describe('gangyao template', () => {
  it('lists the built-in templates and prints one as JSON that validates', async () => {
    const a = io({});
    expect(await runCli(['template'], a.cli)).toBe(0);
    expect(a.out.join('')).toMatch(/national-2021 +2021–2035/u);
    const b = io({});
    expect(await runCli(['template', 'national-2021', '--format', 'json'], b.cli)).toBe(0);
    const t = JSON.parse(b.out.join('')) as { items: { id: string; parent: string | null }[] };
    expect(t.items.filter((i) => i.parent === null).map((i) => i.id)).toEqual(
      expect.arrayContaining(['youth', 'farmers', 'workers', 'elderly', 'officials', 'resources', 'digital', 'infrastructure', 'grassroots', 'exchange']),
    );
  });
  it('says what is wrong with a bad template file, by field, and exits 2', async () => {
    const c = io({ 'bad.json': '{"id": "x"}' });
    expect(await runCli(['template', 'bad.json'], c.cli)).toBe(2);
    expect(c.err.join('')).toMatch(/bad\.json: template at title/u);
  });
  it('derives a template from a plan', async () => {
    const d = io(seeds);
    expect(await runCli(['template', 'seeds/000_4b23307378cbe49b.txt', '--format', 'json'], d.cli)).toBe(0);
    expect(JSON.parse(d.out.join('')).items.length).toBeGreaterThan(10);
  });
});

describe('--out', () => {
  it('an output that cannot be written is a plain error with exit 2, not a crash', async () => {
    const { cli, err } = io(seeds);
    cli.writeFile = async () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(await runCli(['analyze', 'seeds/000_4b23307378cbe49b.txt', '--out', '/nonexistent/x.json'], cli)).toBe(2);
    expect(err.join('')).toMatch(/cannot write --out \/nonexistent\/x\.json: no such directory/u);
  });
});

describe('inputs that are not plans', () => {
  it('a template or a report given as a plan says what it is; a text starting with [ is still text', async () => {
    const { cli, out } = io({
      'tmpl.json': JSON.stringify({ id: 't', title: 't', period: { start: 2021, end: 2025 }, basis: [], items: [], targets: [], baseline: null }),
      'report.json': JSON.stringify({ schemaVersion: 1, plans: [] }),
      'bookmark.txt': `[bookmark: _GoBack]\n${seeds['seeds/000_4b23307378cbe49b.txt']}`,
    });
    await runCli(['analyze', 'tmpl.json', 'report.json', 'bookmark.txt', '--format', 'json'], cli);
    const plans = JSON.parse(out.join('')).plans as { source: string; region: string | null; diagnostics: { code: string; message: string }[] }[];
    expect(plans[0]!.diagnostics[0]!.message).toMatch(/tmpl\.json: this is a template: pass it with --template/u);
    expect(plans[1]!.diagnostics[0]!.message).toMatch(/report\.json: this is an analysis report/u);
    expect(plans[2]!.region).toBe('兰州市');
  });
  it('deeply nested HTML is an error for that file only', async () => {
    const deep = `<html><body>${'<b>'.repeat(30000)}科学素质${'</b>'.repeat(30000)}</body></html>`;
    const { cli, out } = io({ 'deep.html': deep, 'seeds/000_4b23307378cbe49b.txt': seeds['seeds/000_4b23307378cbe49b.txt']! });
    expect(await runCli(['analyze', 'deep.html', 'seeds/000_4b23307378cbe49b.txt', '--format', 'json'], cli)).toBe(1);
    const plans = JSON.parse(out.join('')).plans as { region: string | null; diagnostics: { code: string; message: string }[] }[];
    expect(plans[0]!.diagnostics.map((d) => d.message)).toEqual(['deep.html: the HTML is nested too deeply to read']);
    expect(plans[1]!.region).toBe('兰州市');
  });
});
