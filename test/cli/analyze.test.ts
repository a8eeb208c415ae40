import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliIO } from '../../src/cli/run.js';
import { expandGlob, planFilesIn } from '../../src/node.js';
import { AnalysisReportSchema } from '../../src/analyze/analysis-report.js';
import { SEEDS_DIR, seedFiles } from '../seeds.js';

function memoryIO(files: Record<string, Uint8Array | string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async (p, d) => void (written[p] = d),
    expand: async (pattern) => Object.keys(files).filter((f) => f.startsWith(pattern.replace(/\*.*$/u, ''))).sort(),
    readStdin: async () => new Uint8Array(),
    stdout: (s) => void out.push(typeof s === 'string' ? s : new TextDecoder().decode(s)),
    stderr: (s) => void err.push(s),
  };
  return { io, out, err, written };
}

const seedMap = () => Object.fromEntries(seedFiles().map((s) => [`seeds/${s.file}`, s.text]));

describe('gangyao analyze', () => {
  it('prints the JSON report of the contract for the seeds, schema-valid, exit 0', async () => {
    const { io, out, err } = memoryIO(seedMap());
    const code = await runCli(['analyze', ...Object.keys(seedMap()), '--format', 'json'], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const report = AnalysisReportSchema.parse(JSON.parse(out.join('')));
    expect(report.plans.map((p) => p.region)).toEqual(['兰州市', '砀山县', '拉萨市', '中山市', '上虞区']);
    expect(report.template?.id).toBe('national-2021');
    const lanzhou = report.plans[0]!;
    expect(lanzhou.missing).toContain('exchange');
    expect(lanzhou.sections.find((s) => s.title === '服务机制重构工程')?.templateId).toBe('grassroots');
  });

  it('is deterministic: the same input gives the same bytes, whatever the order of other files', async () => {
    const a = memoryIO(seedMap());
    await runCli(['analyze', ...Object.keys(seedMap()), '--format', 'json'], a.io);
    const b = memoryIO(seedMap());
    await runCli(['analyze', ...Object.keys(seedMap()), '--format', 'json'], b.io);
    expect(a.out.join('')).toBe(b.out.join(''));
    const one = (o: string, src: string) => JSON.stringify(JSON.parse(o).plans.find((p: { source: string }) => p.source === src));
    const c = memoryIO(seedMap());
    await runCli(['analyze', ...Object.keys(seedMap()).reverse(), '--format', 'json'], c.io);
    for (const src of Object.keys(seedMap())) expect(one(c.out.join(''), src)).toBe(one(a.out.join(''), src));
  });

  it('reads a batch with an empty file, random bytes, broken JSON, a news sentence and a seed: errors for the bad four, the seed analysed, exit 1', async () => {
    const noise = new Uint8Array(2048).map((_, i) => (i * 131 + 7) % 256);
    const files = {
      'empty.txt': '',
      'random.bin': noise,
      'broken.json': '{"source": "x", "sections": [',
      'news.txt': '今天上午，市委书记主持召开常委会议，研究部署下一阶段经济工作。',
      'seeds/lanzhou.txt': seedMap()['seeds/000_4b23307378cbe49b.txt']!,
    };
    const { io, out, err } = memoryIO(files);
    const code = await runCli(['analyze', ...Object.keys(files), '--format', 'json'], io);
    expect(code).toBe(1);
    expect(err.join('')).toBe('');
    const report = AnalysisReportSchema.parse(JSON.parse(out.join('')));
    const codes = (src: string) => report.plans.find((p) => p.source === src)!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes('empty.txt')).toEqual(['input/empty']);
    expect(codes('random.bin')[0]).toMatch(/^input\/(binary|unreadable)$/u);
    expect(codes('broken.json')).toEqual(['input/bad-json']);
    expect(codes('news.txt')).toEqual(['plan/not-a-plan']);
    const seedPlan = report.plans.find((p) => p.source === 'seeds/lanzhou.txt')!;
    expect(seedPlan.region).toBe('兰州市');
    expect(seedPlan.sections).toHaveLength(10);
    for (const p of report.plans) for (const d of p.diagnostics.filter((x) => x.severity === 'error')) expect(d.message).toContain(p.source);
  });

  it('reports a JSON model with a bad field by its path', async () => {
    const { io, out } = memoryIO({ 'model.json': JSON.stringify({ source: 'x', sections: 'none' }) });
    await runCli(['analyze', 'model.json', '--format', 'json'], io);
    const d = JSON.parse(out.join('')).plans[0].diagnostics;
    expect(d[0].code).toBe('input/bad-model');
    expect(d.map((x: { message: string }) => x.message).join('\n')).toMatch(/model\.json: sections/u);
  });

  it('exits 2 with a message for usage errors and names a missing file', async () => {
    const a = memoryIO({});
    expect(await runCli(['analyze', 'x.txt', '--format', 'yaml'], a.io)).toBe(2);
    expect(a.err.join('')).toMatch(/--format must be one of json, text/u);
    const b = memoryIO({});
    expect(await runCli(['frobnicate'], b.io)).toBe(2);
    const c = memoryIO({});
    expect(await runCli(['analyze', 'missing.txt'], c.io)).toBe(1);
    expect(c.out.join('')).toContain('missing.txt: no such file');
  });

  it('reads every plan file under a directory given as input (nested folders too), not its other files', async () => {
    // A folder as users keep them: one per province, a README, a saved report, a hidden editor file, a
    // link to a plan kept elsewhere, a dangling link, a named pipe (never opened: it would block).
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-dir-'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'gangyao-elsewhere-'));
    const empty = mkdtempSync(path.join(tmpdir(), 'gangyao-empty-'));
    try {
      const seeds = seedFiles();
      mkdirSync(path.join(root, '甘肃省'));
      mkdirSync(path.join(root, '安徽省'));
      writeFileSync(path.join(root, '甘肃省', 'lanzhou.txt'), seeds[0]!.text);
      writeFileSync(path.join(root, '安徽省', 'dangshan.TXT'), seeds[1]!.text);
      writeFileSync(path.join(root, 'lasa.htm'), `<html><body>${seeds[2]!.text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`);
      writeFileSync(path.join(root, 'README.md'), '# 各地实施方案\n');
      writeFileSync(path.join(root, 'r.json'), '{"plans": []}');
      writeFileSync(path.join(root, '.lanzhou.txt.swp'), 'x');
      writeFileSync(path.join(root, '.hidden.txt'), seeds[3]!.text);
      writeFileSync(path.join(elsewhere, 'shangyu.txt'), seeds[4]!.text);
      symlinkSync(path.join(elsewhere, 'shangyu.txt'), path.join(root, 'shangyu.txt'));
      symlinkSync(path.join(elsewhere, 'gone.txt'), path.join(root, 'gone.txt'));
      symlinkSync(elsewhere, path.join(root, 'linked-folder'));
      execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
      const io = { ...memoryIO({}).io, readFile: async (p: string) => new Uint8Array(readFileSync(p)), planFilesIn };
      const out: string[] = [];
      io.stdout = (s) => void out.push(typeof s === 'string' ? s : new TextDecoder().decode(s));
      // Given with a trailing slash: the sources read as a glob over the folder would name them.
      expect(await runCli(['analyze', `${root}/`, '--format', 'json'], io)).toBe(0);
      const report = AnalysisReportSchema.parse(JSON.parse(out.join('')));
      expect(report.plans.map((p) => p.source)).toEqual(['lasa.htm', 'shangyu.txt', '安徽省/dangshan.TXT', '甘肃省/lanzhou.txt'].map((f) => `${root}/${f}`));
      expect(report.plans.map((p) => p.region)).toEqual(['拉萨市', '上虞区', '砀山县', '兰州市']);
      // A folder without plan files is a usage error that names it.
      writeFileSync(path.join(empty, 'notes.md'), 'x');
      const e = memoryIO({});
      expect(await runCli(['analyze', empty], { ...e.io, planFilesIn })).toBe(2);
      expect(e.err.join('')).toContain(`no plan files (.txt, .docx, .html, .htm) in directory ${empty}`);
    } finally {
      for (const d of [root, elsewhere, empty]) rmSync(d, { recursive: true, force: true });
    }
  });

  it('expands ** in a glob to any number of folders, none included', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-glob-'));
    try {
      mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
      for (const f of ['top.txt', 'a/mid.txt', 'a/b/deep.txt', 'a/b/deep.md']) writeFileSync(path.join(root, f), 'x');
      expect(await expandGlob(`${root}/**/*.txt`)).toEqual(['a/b/deep.txt', 'a/mid.txt', 'top.txt'].map((f) => `${root}/${f}`));
      expect(await expandGlob(`${root}/a/**`)).toEqual(['a/b/deep.md', 'a/b/deep.txt', 'a/mid.txt'].map((f) => `${root}/${f}`));
      expect(await expandGlob(`${root}/*.txt`)).toEqual([`${root}/top.txt`]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists only files in a glob, not a pipe (which would hang the read) or hidden names, and reads [!…] and a lone [ as a shell does', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-glob-'));
    try {
      for (const f of ['a.txt', 'b.txt', '[x.txt', '.hidden.txt']) writeFileSync(path.join(root, f), 'x');
      execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
      symlinkSync(path.join(root, 'b.txt'), path.join(root, 'link.txt'));
      symlinkSync(path.join(root, 'gone.txt'), path.join(root, 'dangling.txt'));
      const at = (...fs: string[]) => fs.map((f) => `${root}/${f}`);
      expect(await expandGlob(`${root}/*.txt`)).toEqual(at('[x.txt', 'a.txt', 'b.txt', 'link.txt'));
      expect(await expandGlob(`${root}/[!a].txt`)).toEqual(at('b.txt'));
      expect(await expandGlob(`${root}/[ab].txt`)).toEqual(at('a.txt', 'b.txt'));
      expect(await expandGlob(`${root}/[`)).toEqual([]);
      expect(await expandGlob(`${root}/[x*`)).toEqual(at('[x.txt'));
      expect(await expandGlob(`${root}/.h*`)).toEqual(at('.hidden.txt'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads ranges in a glob class as a shell does, and ** never enters a dot folder, even when another part asks for dot names', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-glob-'));
    try {
      for (const d of ['.git/sub', 'a/.cache']) mkdirSync(path.join(root, d), { recursive: true });
      for (const f of ['a.txt', 'b.txt', '-.txt', '0.txt', '.h.txt', '.git/c.txt', '.git/sub/.d.txt', 'a/e.txt', 'a/.cache/.f.txt', 'a/.g.txt']) writeFileSync(path.join(root, f), 'x');
      const at = (...fs: string[]) => fs.map((f) => `${root}/${f}`);
      // A reversed range holds nothing (it was an invalid regular expression: the CLI stopped with exit 70).
      expect(await expandGlob(`${root}/[z-a].txt`)).toEqual([]);
      // A '-' right after '!' is itself, not a range from '/' (which left out '0' and let '-' in).
      expect(await expandGlob(`${root}/[!-a].txt`)).toEqual(at('0.txt', 'b.txt'));
      expect(await expandGlob(`${root}/[a-].txt`)).toEqual(at('-.txt', 'a.txt'));
      expect(await expandGlob(`${root}/[0-9a].txt`)).toEqual(at('0.txt', 'a.txt'));
      expect(await expandGlob(`${root}/**/.*.txt`)).toEqual(at('.h.txt', 'a/.g.txt'));
      expect(await expandGlob(`${root}/**/*.txt`)).toEqual(at('-.txt', '0.txt', 'a.txt', 'a/e.txt', 'b.txt'));
      expect(await expandGlob(`${root}/.git/**`)).toEqual(at('.git/c.txt'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says why a template file cannot be used, and refuses standard input twice or a third --diff', async () => {
    const files = { ...seedMap(), 'bin.txt': new Uint8Array(300).map((_, i) => (i * 37 + 11) % 256), 'empty.txt': new Uint8Array(0) };
    for (const [template, why] of [['bin.txt', 'binary data'], ['empty.txt', 'the file is empty'], ['nope.json', 'no such file or built-in template']] as const) {
      const { io, err } = memoryIO(files);
      expect(await runCli(['template', template], io)).toBe(2);
      expect(err.join('')).toContain(`template ${template}: `);
      expect(err.join('')).toContain(why);
    }
    const stdin = memoryIO(files);
    expect(await runCli(['analyze', '-', '-'], stdin.io)).toBe(2);
    expect(stdin.err.join('')).toContain('standard input (-) can be given once');
    const diff = memoryIO(files);
    const [a, b, c] = Object.keys(seedMap());
    expect(await runCli(['compare', a!, b!, c!, '--diff', `${a}#0,${b}#0,${c}#0`], diff.io)).toBe(2);
    expect(diff.err.join('')).toContain('--diff takes one or two SOURCE#SECTION');
  });

  it('text output names each region, its target verdict and its local extras', async () => {
    const { io, out } = memoryIO(seedMap());
    await runCli(['analyze', ...Object.keys(seedMap())], io);
    const text = out.join('');
    expect(text).toMatch(/拉萨市 \(city, 西藏自治区\)/u);
    expect(text).toMatch(/falls-short/u);
    expect(text).toContain('实施寺庙僧尼科学素质提升行动');
  });
});

describe('the built CLI on the seeds, scored by gold-check', () => {
  const goldCheck = path.resolve(SEEDS_DIR, '..', '..', 'shared', 'tools', 'gold-check.mjs');
  const cli = path.resolve(SEEDS_DIR, '..', 'dist', 'cli.js');
  it.skipIf(!existsSync(goldCheck) || !existsSync(cli))('meets every bar of the foundation and alignment issues', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gangyao-'));
    const report = execFileSync('node', [cli, 'analyze', ...seedFiles().map((s) => path.join(SEEDS_DIR, s.file)), '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    writeFileSync(path.join(dir, 'r.json'), report);
    const line = execFileSync('node', [goldCheck, path.join(dir, 'r.json'), '--seeds', SEEDS_DIR, '--quiet', '--min-measure-found', '0.95', '--min-measure-acc', '0.92'], { encoding: 'utf8' }).trim();
    expect(line).toMatch(/^OK: target 5\/5 .*sectionFound 51\/51 .*section 51\/51 /u);
    expect(readFileSync(path.join(dir, 'r.json'), 'utf8')).toBe(report);
  });

  it.skipIf(!existsSync(cli))('stops quietly when the reader of its output goes away (… | head), on one thread and on workers', async () => {
    // Ten plans' JSON (over 600 KB) is more than a pipe holds: the CLI is still writing when the reader closes.
    const files = [...seedFiles(), ...seedFiles()].map((s) => path.join(SEEDS_DIR, s.file));
    for (const threads of ['1', '2']) {
      const child = spawn('node', [cli, 'analyze', ...files, '--format', 'json', '--threads', threads], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      let first = '';
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString();
        child.stdout.destroy();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(first.startsWith('{')).toBe(true);
      expect(err).toBe('');
      expect(code).toBe(141);
    }
  });

  it.skipIf(!existsSync(cli))('reads a file whose name looks like a glob, and refuses an --out that is one of its inputs', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-names-'));
    try {
      const plan = path.join(root, 'plan[1].txt');
      writeFileSync(plan, seedFiles()[0]!.text);
      writeFileSync(path.join(root, 'plan1.txt'), seedFiles()[1]!.text);
      const report = JSON.parse(execFileSync('node', [cli, 'analyze', plan, '--format', 'json'], { encoding: 'utf8' })) as { plans: { source: string; region: string }[] };
      expect(report.plans.map((p) => [p.source, p.region])).toEqual([[plan, '兰州市']]);
      // The same file by another name: refused before anything is written.
      let failure: { status: number; stderr: string } | null = null;
      try {
        execFileSync('node', [cli, 'analyze', path.join(root, '*.txt'), '--out', path.join(root, '.', 'plan1.txt')], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        failure = e as { status: number; stderr: string };
      }
      expect(failure?.status).toBe(2);
      expect(failure?.stderr).toContain('is the input');
      expect(readFileSync(path.join(root, 'plan1.txt'), 'utf8')).toBe(seedFiles()[1]!.text);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(cli))('gives the same bytes on one thread and on worker threads', () => {
    const files = [...seedFiles(), ...seedFiles()].map((s) => path.join(SEEDS_DIR, s.file));
    const run = (threads: string) => execFileSync('node', [cli, 'analyze', ...files, '--format', 'json', '--threads', threads], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const one = run('1');
    expect(run('2')).toBe(one);
    expect(JSON.parse(one).plans).toHaveLength(10);
  });
});
