import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliIO } from '../../src/cli/run.js';
import { entryKeyParts, loadKeyParts, readCachedFile, readCachedLoad, type CachedFile, type CachedLoad, type EntryCache } from '../../src/cli/entry-cache.js';
import type { Plan } from '../../src/model/plan.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { BatchWant } from '../../src/cli/run.js';
import { openFileCache } from '../../src/cli/file-cache.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { loadPlanFromText } from '../../src/load/load-plan.js';
import { Worker } from 'node:worker_threads';
import { SEEDS_DIR, seedFiles } from '../seeds.js';
import { suzhouFrom } from '../compare/helpers.js';

/** Runs `fn` with a new folder under the system's temp dir, removed after it (also when it fails). */
async function inTempDir(prefix: string, fn: (dir: string) => unknown): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function memoryIO(files: Record<string, Uint8Array | string>, cache?: (dir: string) => EntryCache) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async () => undefined,
    expand: async () => [],
    readStdin: async () => new Uint8Array(),
    stdout: (s) => void out.push(typeof s === 'string' ? s : new TextDecoder().decode(s)),
    stderr: (s) => void err.push(s),
    ...(cache ? { openCache: cache } : {}),
  };
  return { io, out, err };
}

/**
 * The file store, with the keys it was asked for and found: `seen` counts the files' values and the
 * comparisons with parents, `loads` the files' models kept apart (keys told apart by their first part,
 * the layout of what they hold).
 */
function counted(dir: string) {
  const store = openFileCache(dir);
  const seen = { gets: 0, found: 0, puts: 0 };
  const loads = { gets: 0, found: 0, puts: 0 };
  const isLoad = new Set<string>();
  const tally = (k: string) => (isLoad.has(k) ? loads : seen);
  const cache: EntryCache = {
    ...store,
    key: (parts) => {
      const k = store.key(parts);
      if (String(parts[0]).startsWith('gangyao-load-cache/')) isLoad.add(k);
      return k;
    },
    get: (k) => {
      tally(k).gets++;
      const v = store.get(k);
      if (v) tally(k).found++;
      return v;
    },
    put: (k, v) => {
      tally(k).puts++;
      return store.put(k, v);
    },
  };
  return { cache: () => cache, seen, loads };
}

/** What `analyze --format json` keeps of each file. */
const JSON_WANT: BatchWant = { entries: false, json: true, texts: false, plans: false, parents: false, reuse: false, evidence: true };

const seeds = () => Object.fromEntries(seedFiles().map((s) => [`seeds/${s.file}`, s.text]));

async function analyze(files: Record<string, string | Uint8Array>, extra: string[], cache?: (dir: string) => EntryCache) {
  const m = memoryIO(files, cache);
  const code = await runCli(['analyze', ...Object.keys(files), ...extra], m.io);
  return { code, out: m.out.join(''), err: m.err.join('') };
}

async function compare(files: Record<string, string | Uint8Array>, extra: string[], cache?: (dir: string) => EntryCache) {
  const m = memoryIO(files, cache);
  const code = await runCli(['compare', ...Object.keys(files), '--format', 'json', ...extra], m.io);
  return { code, out: m.out.join(''), err: m.err.join('') };
}

describe('gangyao analyze --cache DIR', () => {
  it('gives the same bytes as without it, keeps one entry per plan read, and finds them all on the next run', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const plain = await analyze(seeds(), ['--format', 'json']);
      const c = counted(dir);
      const first = await analyze(seeds(), ['--format', 'json', '--cache', dir], c.cache);
      expect(first.err).toBe('');
      expect(first.out).toBe(plain.out);
      expect(c.seen).toEqual({ gets: 5, found: 0, puts: 5 });
      // Each model kept apart as well; not looked up while the entries are found.
      expect(c.loads).toEqual({ gets: 5, found: 0, puts: 5 });
      const again = await analyze(seeds(), ['--format', 'json', '--cache', dir], c.cache);
      expect(again.out).toBe(plain.out);
      expect(again.code).toBe(plain.code);
      expect(c.seen).toEqual({ gets: 10, found: 5, puts: 5 });
      expect(c.loads).toEqual({ gets: 5, found: 0, puts: 5 });
      // The text summary keeps the entries (not their JSON): made and kept once (from the models found,
      // not parsed again), then read back from the cache, the same text.
      const plainText = (await analyze(seeds(), [])).out;
      expect((await analyze(seeds(), ['--cache', dir], c.cache)).out).toBe(plainText);
      expect(c.seen).toEqual({ gets: 15, found: 5, puts: 10 });
      expect(c.loads).toEqual({ gets: 10, found: 5, puts: 5 });
      expect((await analyze(seeds(), ['--cache', dir], c.cache)).out).toBe(plainText);
      expect(c.seen).toEqual({ gets: 20, found: 10, puts: 10 });
    });
  });

  it('serves what it kept (so a re-run reads nothing again), and a changed plan or template misses', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = seeds();
      const [lanzhou] = Object.keys(files);
      const c = counted(dir);
      await analyze(files, ['--format', 'json', '--cache', dir], c.cache);
      // Tamper with the kept entry of one plan: the next run shows it, proof that it was not read again.
      const store = openFileCache(dir);
      const key = store.key(entryKeyParts(null, JSON_WANT, lanzhou!, new TextEncoder().encode(files[lanzhou!] as string)));
      const kept = readCachedFile(store.get(key), JSON_WANT)!;
      const tampered = new TextDecoder().decode(kept.json!).replace('"region":"兰州市"', '"region":"某某市"');
      store.put(key, { ...kept, json: new TextEncoder().encode(tampered) } satisfies CachedFile);
      const served = JSON.parse((await analyze(files, ['--format', 'json', '--cache', dir], c.cache)).out);
      expect(served.plans[0].region).toBe('某某市');
      // The plan corrected (one character more): its bytes give another key, and it is read anew.
      const corrected = { ...files, [lanzhou!]: `${files[lanzhou!] as string}\n` };
      const fresh = JSON.parse((await analyze(corrected, ['--format', 'json', '--cache', dir], c.cache)).out);
      expect(fresh.plans[0].region).toBe('兰州市');
      // Another template asked for: every plan is analysed anew, from its model found (not parsed again).
      const before = { ...c.seen };
      const loadsBefore = { ...c.loads };
      const other = await analyze(files, ['--format', 'json', '--template', 'earlier-2016', '--cache', dir], c.cache);
      expect(c.seen).toEqual({ gets: before.gets + 5, found: before.found, puts: before.puts + 5 });
      expect(c.loads).toEqual({ gets: loadsBefore.gets + 5, found: loadsBefore.found + 5, puts: loadsBefore.puts });
      expect(JSON.parse(other.out).template.id).toBe('earlier-2016');
      expect(other.out).toBe((await analyze(files, ['--format', 'json', '--template', 'earlier-2016'])).out);
    });
  });

  it('reads a damaged entry as missing and makes it anew', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const plain = await analyze(seeds(), ['--format', 'json']);
      await analyze(seeds(), ['--format', 'json', '--cache', dir], openFileCache);
      // Cut every kept entry short, as a full disk would.
      for (const sub of readdirSync(dir)) {
        for (const f of readdirSync(path.join(dir, sub))) {
          const p = path.join(dir, sub, f);
          const b = readFileSync(p);
          writeFileSync(p, b.subarray(0, b.length - 10));
        }
      }
      const c = counted(dir);
      const again = await analyze(seeds(), ['--format', 'json', '--cache', dir], c.cache);
      expect(again.out).toBe(plain.out);
      // The store's checksum finds them damaged: none is found, each is made anew.
      expect(c.seen).toEqual({ gets: 5, found: 0, puts: 5 });
      expect(readCachedFile('not an entry', JSON_WANT)).toBeNull();
      expect(readCachedFile({ layout: 'gangyao-entry-cache/1', read: true, digest: { template: null, errors: 0, warnings: 0 }, json: new Uint8Array([0x7b]) }, JSON_WANT)).toBeNull();
    });
  });

  it('says once that the cache cannot be written and still gives the report', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const blocked = path.join(dir, 'file');
      writeFileSync(blocked, '');
      const plain = await analyze(seeds(), ['--format', 'json']);
      // The cache's folder is a file: nothing can be kept in it.
      const r = await analyze(seeds(), ['--format', 'json', '--cache', blocked], openFileCache);
      expect(r.out).toBe(plain.out);
      expect(r.code).toBe(plain.code);
      expect(r.err.match(/cannot write the cache/gu)).toHaveLength(1);
      expect(r.err).toContain(blocked);
    });
  });

  it('keeps nothing for files that were not read, and reports them as without it', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = { 'empty.txt': '', 'seed.txt': Object.values(seeds())[0]! };
      const c = counted(dir);
      const m = memoryIO(files, c.cache);
      const code = await runCli(['analyze', 'empty.txt', 'gone.txt', 'seed.txt', '--format', 'json', '--cache', dir], m.io);
      expect(code).toBe(1);
      const report = JSON.parse(m.out.join(''));
      expect(report.plans.map((p: { source: string }) => p.source)).toEqual(['empty.txt', 'gone.txt', 'seed.txt']);
      expect(report.plans[1].diagnostics[0].code).toBe('input/unreadable');
      // The missing file has no key; the empty one is looked up but, not being a plan, not kept.
      expect(c.seen).toEqual({ gets: 2, found: 0, puts: 1 });
    });
  });

  it('is a usage error where the host has no cache', async () => {
    const none = memoryIO(seeds());
    expect(await runCli(['analyze', ...Object.keys(seeds()), '--cache', '/nonexistent'], none.io)).toBe(2);
    expect(none.err.join('')).toContain('--cache is not available here');
  });

  it('keys an entry by everything it depends on', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const store = openFileCache(dir);
      const bytes = new TextEncoder().encode('到2025年,全市公民具备科学素质的比例达到15%');
      const base = store.key(entryKeyParts(null, JSON_WANT, 'a.txt', bytes));
      expect(base).toMatch(/^[0-9a-f]{64}$/u);
      expect(store.key(entryKeyParts(null, JSON_WANT, 'a.txt', bytes))).toBe(base);
      const others = [
        entryKeyParts(NATIONAL_2021, JSON_WANT, 'a.txt', bytes),
        entryKeyParts(null, { ...JSON_WANT, evidence: false }, 'a.txt', bytes),
        entryKeyParts(null, { ...JSON_WANT, json: false, entries: true }, 'a.txt', bytes),
        entryKeyParts(null, { ...JSON_WANT, texts: true }, 'a.txt', bytes),
        entryKeyParts(null, { ...JSON_WANT, parents: true }, 'a.txt', bytes),
        entryKeyParts(null, { ...JSON_WANT, plans: true }, 'a.txt', bytes),
        entryKeyParts(null, JSON_WANT, 'b.txt', bytes),
        entryKeyParts(null, JSON_WANT, 'a.txt', bytes.subarray(1)),
      ].map((p) => store.key(p));
      expect(new Set([base, ...others]).size).toBe(9);
    });
  });
});

/** The national template as a file a user corrects: its JSON, with `alias` added to the first item's aliases when given. */
function templateFile(alias?: string): string {
  const t = JSON.parse(JSON.stringify(NATIONAL_2021)) as { items: { aliases: string[] }[] };
  if (alias) t.items[0]!.aliases.push(alias);
  return JSON.stringify(t, null, 2);
}

/** `gangyao COMMAND` on `plans` with `--template tpl.json` (its text `template`). */
async function withTemplate(command: 'analyze' | 'compare', plans: Record<string, string | Uint8Array>, template: string, extra: string[], cache?: (dir: string) => EntryCache) {
  const m = memoryIO({ ...plans, 'tpl.json': template }, cache);
  const code = await runCli([command, ...Object.keys(plans), '--template', 'tpl.json', '--format', 'json', ...extra], m.io);
  return { code, out: m.out.join(''), err: m.err.join('') };
}

describe('--cache DIR after the template is corrected', () => {
  it('analyses each plan again from its model found, without parsing it again: the same bytes as without the cache', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = seeds();
      const c = counted(dir);
      const first = await withTemplate('analyze', files, templateFile(), ['--cache', dir], c.cache);
      expect(first.out).toBe((await withTemplate('analyze', files, templateFile(), [])).out);
      expect(c.loads).toEqual({ gets: 5, found: 0, puts: 5 });
      // Corrected: every entry missed, every model found.
      const corrected = templateFile('青少年科普');
      const plain = await withTemplate('analyze', files, corrected, []);
      expect(plain.out).not.toBe(first.out);
      const again = await withTemplate('analyze', files, corrected, ['--cache', dir], c.cache);
      expect(again.out).toBe(plain.out);
      expect(again.code).toBe(plain.code);
      expect(c.seen).toEqual({ gets: 10, found: 0, puts: 10 });
      expect(c.loads).toEqual({ gets: 10, found: 5, puts: 5 });
      // Proof that a plan is not parsed again: its kept model, tampered with, is what the next correction shows.
      const store = openFileCache(dir);
      const [lanzhou] = Object.keys(files);
      const loadKey = store.key(loadKeyParts(lanzhou!, new TextEncoder().encode(files[lanzhou!] as string)));
      const load = readCachedLoad(store.get(loadKey))!;
      // A plan text is not kept twice: decoding the bytes gives it.
      expect(load).toMatchObject({ text: null, decoded: true });
      const model = store.unpack(load.model) as Plan;
      expect(model.region?.name).toBe('兰州市');
      store.put(loadKey, { ...load, model: store.pack({ ...model, region: { ...model.region!, name: '某某市' } }) } satisfies CachedLoad);
      const served = JSON.parse((await withTemplate('analyze', files, templateFile('青少年科学'), ['--cache', dir], c.cache)).out);
      expect(served.plans.map((p: { region: string }) => p.region)).toContain('某某市');
    });
  });

  it('reads a kept model that does not unpack as missing: the plan is parsed and its model kept anew', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = seeds();
      const c = counted(dir);
      await withTemplate('analyze', files, templateFile(), ['--cache', dir], c.cache);
      const store = openFileCache(dir);
      const [lanzhou] = Object.keys(files);
      const loadKey = store.key(loadKeyParts(lanzhou!, new TextEncoder().encode(files[lanzhou!] as string)));
      // Bytes that are no packed model, under a valid checksum (only a hand-made value can be such).
      store.put(loadKey, { ...readCachedLoad(store.get(loadKey))!, model: new Uint8Array([0xff, 0x0f, 0x01, 0x02]) } satisfies CachedLoad);
      const corrected = templateFile('青少年科普');
      const again = await withTemplate('analyze', files, corrected, ['--cache', dir], c.cache);
      expect(again.err).toBe('');
      expect(again.out).toBe((await withTemplate('analyze', files, corrected, [])).out);
      expect(c.loads).toEqual({ gets: 10, found: 5, puts: 6 });
      expect(store.unpack(readCachedLoad(store.get(loadKey))!.model)).toMatchObject({ region: { name: '兰州市' } });
      // Diagnostics that are no diagnostics: a miss as well (they would have failed the file).
      store.put(loadKey, { ...readCachedLoad(store.get(loadKey))!, diagnostics: [42 as unknown as Diagnostic] } satisfies CachedLoad);
      expect(readCachedLoad(store.get(loadKey))).toBeNull();
      const third = templateFile('青少年科学');
      expect((await withTemplate('analyze', files, third, ['--cache', dir], c.cache)).out).toBe((await withTemplate('analyze', files, third, [])).out);
    });
  });

  it('keeps the text of a page (HTML) with its model, which decoding its bytes does not give', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const [name, text] = Object.entries(seeds())[0]!;
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>方案</title></head><body>${(text as string)
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('\n')}</body></html>`;
      const files = { [name.replace(/\.txt$/u, '.html')]: html };
      await withTemplate('analyze', files, templateFile(), ['--cache', dir], openFileCache);
      const store = openFileCache(dir);
      const load = readCachedLoad(store.get(store.key(loadKeyParts(Object.keys(files)[0]!, new TextEncoder().encode(html)))))!;
      expect(load.decoded).toBe(false);
      expect(load.text).toContain('兰州');
      expect(load.text).not.toContain('<p>');
      const corrected = templateFile('青少年科普');
      const again = await withTemplate('analyze', files, corrected, ['--cache', dir], openFileCache);
      expect(again.out).toBe((await withTemplate('analyze', files, corrected, [])).out);
      expect(JSON.parse(again.out).plans[0].region).toBe('兰州市');
    });
  });

  it('still serves the comparisons with parents, which read only the models: compare re-run, the same bytes as without the cache', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = family();
      const c = counted(dir);
      const first = await withTemplate('compare', files, templateFile(), ['--cache', dir], c.cache);
      expect(first.out).toBe((await withTemplate('compare', files, templateFile(), [])).out);
      // Six plans and one comparison with a parent.
      expect(c.seen).toEqual({ gets: 7, found: 0, puts: 7 });
      const corrected = templateFile('青少年科普');
      const again = await withTemplate('compare', files, corrected, ['--cache', dir], c.cache);
      expect(again.out).toBe((await withTemplate('compare', files, corrected, [])).out);
      // The six plans' values missed (another template), their models and the comparison found.
      expect(c.seen).toEqual({ gets: 14, found: 1, puts: 13 });
      expect(c.loads).toEqual({ gets: 12, found: 6, puts: 6 });
      const parents = JSON.parse(again.out).parents as { region: string; comparisons: { parentRegion: string }[] }[];
      expect(parents.find((p) => p.region === '砀山县')!.comparisons).toMatchObject([{ parentRegion: '宿州市' }]);
    });
  });
});

describe('gangyao analyze --cache DIR: what the review found', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('refuses a bad --threads when every plan is found, as without the cache', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      await analyze(seeds(), ['--cache', dir], openFileCache);
      const plain = await analyze(seeds(), ['--threads', '0']);
      const all = await analyze(seeds(), ['--threads', '0', '--cache', dir], openFileCache);
      expect(plain.code).toBe(2);
      expect(all.code).toBe(plain.code);
      expect(all.err).toBe(plain.err);
      expect(all.out).toBe(plain.out);
    });
  });

  it('reads each input once: a pipe (/dev/fd/N) gives the same report as without the cache', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const text = Object.values(seeds())[0] as string;
      const pipe = () => {
        // A pipe: its bytes come once, then it is at its end.
        let read = false;
        return async () => {
          if (read) return new Uint8Array();
          read = true;
          return enc(text);
        };
      };
      const plain = memoryIO({});
      plain.io.readFile = pipe();
      const cached = memoryIO({}, openFileCache);
      cached.io.readFile = pipe();
      const a = await runCli(['analyze', '/dev/fd/63', '--format', 'json'], plain.io);
      const b = await runCli(['analyze', '/dev/fd/63', '--format', 'json', '--cache', dir], cached.io);
      expect(b).toBe(a);
      expect(cached.out.join('')).toBe(plain.out.join(''));
    });
  });

  it('never keeps the report of bytes other than those of its key (a plan changed during the run, then changed back)', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const [x, y] = Object.values(seeds()) as string[];
      // First run: the plan is X when looked up, Y when read for the analysis (saved meanwhile).
      const during = memoryIO({}, openFileCache);
      let reads = 0;
      during.io.readFile = async () => enc(reads++ === 0 ? x! : y!);
      await runCli(['analyze', 'plan.txt', '--format', 'json', '--cache', dir], during.io);
      // The plan is X again: the report is X's, as without the cache.
      const plain = await analyze({ 'plan.txt': x! }, ['--format', 'json']);
      const again = await analyze({ 'plan.txt': x! }, ['--format', 'json', '--cache', dir], openFileCache);
      expect(again.out).toBe(plain.out);
    });
  });

  it('reads an entry damaged in place (same length) as missing: no crash, no broken JSON', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      await analyze(seeds(), ['--format', 'json', '--cache', dir], openFileCache);
      for (const sub of readdirSync(dir)) {
        for (const f of readdirSync(path.join(dir, sub))) {
          const p = path.join(dir, sub, f);
          const b = readFileSync(p);
          b[b.length >> 1] = 0x22; // a stray quote in the entry's JSON
          writeFileSync(p, b);
        }
      }
      for (const fmt of ['json', 'text']) {
        const plain = await analyze(seeds(), ['--format', fmt]);
        const again = await analyze(seeds(), ['--format', fmt, '--cache', dir], openFileCache);
        expect(again.out).toBe(plain.out);
      }
    });
  });
});

const cli = path.resolve(SEEDS_DIR, '..', 'dist', 'cli.js');
const seedPath = (i: number) => path.join(SEEDS_DIR, seedFiles()[i]!.file);

describe('the built CLI with --cache DIR: what the review found', () => {
  it.skipIf(!existsSync(cli) || !existsSync('/dev/fd'))('reads a pipe once (bash <(…)), on one thread and on workers', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
      const run = (extra: string) =>
        spawnSync('bash', ['-c', `node ${q(cli)} analyze <(cat ${q(seedPath(0))}) <(cat ${q(seedPath(1))}) --format json ${extra}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
      for (const threads of ['1', '2']) {
        const plain = run(`--threads ${threads}`);
        const cached = run(`--threads ${threads} --cache ${q(dir)}`);
        expect(cached.status).toBe(plain.status);
        expect(cached.stdout.replace(/\/dev\/fd\/\d+/gu, 'FD')).toBe(plain.stdout.replace(/\/dev\/fd\/\d+/gu, 'FD'));
      }
    });
  });

  it.skipIf(!existsSync(cli) || !existsSync('/proc/self'))('goes on when the cache is under /proc (where mkdir -p would spin)', () => {
    // Not a timing test: without the fix the process never ends, and the generous limit only stops it.
    const r = spawnSync('node', [cli, 'analyze', seedPath(0), '--format', 'json', '--cache', '/proc/gangyao-cache-test'], { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stderr.match(/cannot write the cache/gu)).toHaveLength(1);
  });

  it.skipIf(!existsSync(cli))('does not serve entries made with another version of a dependency (npm update)', async () => {
    // The built gangyao in a folder of its own, its dependencies linked but for @vant/area-data, copied.
    await inTempDir('gangyao-deps-', async (root) => {
      const pkg = path.resolve(SEEDS_DIR, '..');
      cpSync(path.join(pkg, 'dist'), path.join(root, 'dist'), { recursive: true, filter: (f) => !f.includes('node_modules') });
      cpSync(path.join(pkg, 'package.json'), path.join(root, 'package.json'));
      mkdirSync(path.join(root, 'node_modules', '@vant'), { recursive: true });
      for (const e of readdirSync(path.join(pkg, 'node_modules'))) {
        if (e !== '@vant') symlinkSync(path.join(pkg, 'node_modules', e), path.join(root, 'node_modules', e));
      }
      const area = path.join(root, 'node_modules', '@vant', 'area-data');
      cpSync(path.join(pkg, 'node_modules', '@vant', 'area-data'), area, { recursive: true });
      const cache = path.join(root, 'cache');
      const run = (...extra: string[]) => spawnSync('node', [path.join(root, 'dist', 'cli.js'), 'analyze', seedPath(0), '--format', 'json', ...extra], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
      expect(run('--cache', cache)).toBe(run());
      // A new release of the region data: 兰州市 gets another code.
      const data = path.join(area, 'dist', 'index.js');
      writeFileSync(data, readFileSync(data, 'utf8').replace('    620100: ', '    620177: '));
      const meta = JSON.parse(readFileSync(path.join(area, 'package.json'), 'utf8')) as { version: string };
      writeFileSync(path.join(area, 'package.json'), JSON.stringify({ ...meta, version: `${meta.version}-next` }));
      const plain = run();
      expect(plain).toContain('"regionCode":"620177"');
      expect(run('--cache', cache)).toBe(plain);
    });
  });
});

/** The seeds and 宿州市's plan, the parent of 砀山's: a batch with one comparison with a parent. */
function family(): Record<string, string> {
  const files = seeds() as Record<string, string>;
  const dangshan = Object.values(files).find((t) => t.includes('砀山县'))!;
  return { ...files, 'synthetic/suzhou.txt': suzhouFrom(dangshan) };
}

describe('gangyao compare --cache DIR', () => {

  it('gives the same bytes as without it, and serves each plan and each comparison with a parent it kept', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = family();
      const plain = await compare(files, []);
      // 砀山 is compared with 宿州市's plan: one comparison with a parent in the batch.
      const parents = JSON.parse(plain.out).parents as { region: string; comparisons: { parentRegion: string; delta: number | null }[] }[];
      expect(parents.find((p) => p.region === '砀山县')!.comparisons).toMatchObject([{ parentRegion: '宿州市', delta: -1 }]);
      const c = counted(dir);
      const first = await compare(files, ['--cache', dir], c.cache);
      expect(first.err).toBe('');
      expect(first.out).toBe(plain.out);
      // Six plans and one comparison with a parent, made and kept; then all found.
      expect(c.seen).toEqual({ gets: 7, found: 0, puts: 7 });
      const again = await compare(files, ['--cache', dir], c.cache);
      expect(again.out).toBe(plain.out);
      expect(again.code).toBe(plain.code);
      expect(c.seen).toEqual({ gets: 14, found: 7, puts: 7 });
      // The parent corrected (its target): it and its comparison with 砀山 are made anew, the other five served.
      const corrected = { ...files, 'synthetic/suzhou.txt': (files['synthetic/suzhou.txt'] as string).replace('比例达到14%', '比例达到12%') };
      const fresh = await compare(corrected, ['--cache', dir], c.cache);
      expect(fresh.out).toBe((await compare(corrected, [])).out);
      expect(c.seen).toEqual({ gets: 21, found: 12, puts: 9 });
      const ds = (JSON.parse(fresh.out).parents as typeof parents).find((p) => p.region === '砀山县')!;
      expect(ds.comparisons).toMatchObject([{ parentRegion: '宿州市', delta: 1 }]);
    });
  });

  it('keeps apart what analyze and compare keep of a plan, and what each output of compare reads', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = family();
      await analyze(files, ['--format', 'json', '--cache', dir], openFileCache);
      for (const extra of [[], ['--no-parent-compare'], ['--template', 'earlier-2016']]) {
        const plain = await compare(files, extra);
        expect((await compare(files, [...extra, '--cache', dir], openFileCache)).out).toBe(plain.out);
        expect((await compare(files, [...extra, '--cache', dir], openFileCache)).out).toBe(plain.out);
      }
      const md = memoryIO(files);
      await runCli(['compare', ...Object.keys(files), '--format', 'md'], md.io);
      for (let run = 0; run < 2; run++) {
        const cached = memoryIO(files, openFileCache);
        await runCli(['compare', ...Object.keys(files), '--format', 'md', '--cache', dir], cached.io);
        expect(cached.out.join('')).toBe(md.out.join(''));
      }
    });
  });
});

describe('the built CLI: compare --cache DIR on worker threads', () => {
  it.skipIf(!existsSync(cli))('gives the same bytes as without it on a first and a second run, and after a plan is corrected', async () => {
    await inTempDir('gangyao-cache-', async (root) => {
      const files = family();
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, 'in', name)), { recursive: true });
        writeFileSync(path.join(root, 'in', name), text);
      }
      const inputs = Object.keys(files).map((f) => path.join(root, 'in', f));
      const run = (...extra: string[]) => {
        const r = spawnSync('node', [cli, 'compare', ...inputs, '--format', 'json', '--threads', '2', ...extra], { encoding: 'utf8', maxBuffer: 64 << 20 });
        expect(r.stderr).toBe('');
        return r.stdout;
      };
      const cache = path.join(root, 'cache');
      const plain = run();
      expect(JSON.parse(plain).plans).toBe(6);
      expect(run('--cache', cache)).toBe(plain);
      expect(run('--cache', cache)).toBe(plain);
      writeFileSync(inputs[inputs.length - 1]!, (files['synthetic/suzhou.txt'] as string).replace('比例达到14%', '比例达到12%'));
      expect(run('--cache', cache)).toBe(run());
    });
  });
});

describe('compare --cache DIR: what the second review found', () => {
  /** Every value file of a cache folder. */
  const values = (dir: string) => readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => path.join(dir, sub, f)));

  it("serves no value copied under another key (another plan's, or a comparison's): it reads as missing", async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = family();
      const plain = await compare(files, []);
      await compare(files, ['--cache', dir], openFileCache);
      // Each value copied over the next one (a cache synchronised wrongly, files restored by hand): each
      // still has its checksum, but none is the value of the key it is now under.
      const all = values(dir);
      const bytes = all.map((f) => readFileSync(f));
      all.forEach((f, i) => writeFileSync(f, bytes[(i + 1) % all.length]!));
      const c = counted(dir);
      const again = await compare(files, ['--cache', dir], c.cache);
      expect(again.out).toBe(plain.out);
      expect(c.seen.found).toBe(0);
    });
  });

  it('finds what it kept of a saved plan model (.json, read without a text) on the next run', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = family();
      const [first] = seedFiles();
      const withModel = { ...files, 'saved/model.json': JSON.stringify(loadPlanFromText(first!.text, first!.file).plan) };
      const plain = await compare(withModel, []);
      const c = counted(dir);
      expect((await compare(withModel, ['--cache', dir], c.cache)).out).toBe(plain.out);
      const kept = c.seen.puts;
      expect((await compare(withModel, ['--cache', dir], c.cache)).out).toBe(plain.out);
      // Everything found, nothing made or kept again: the model as well as the texts.
      expect(c.seen.puts).toBe(kept);
      expect(c.seen.found).toBe(kept);
    });
  });

  it('keeps values from two threads of one process under the same keys without failing (a plan given twice, read on two workers)', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      // The store as the workers open it, from the sources (each worker registers tsx to read them).
      // The two write the same keys in step: each waits for the other before each value.
      const code = `
        const { workerData, parentPort } = require('node:worker_threads');
        (async () => {
          const { register } = await import('tsx/esm/api');
          register();
          const { openFileCache } = await import(workerData.module);
          const store = openFileCache(workerData.dir);
          const value = { text: 'x'.repeat(256 << 10) };
          const step = new Int32Array(workerData.step);
          const failures = [];
          for (let i = 0; i < 40; i++) {
            // A barrier of two: the second to arrive wakes the first.
            if (Atomics.add(step, 0, 1) % 2 === 0) Atomics.wait(step, 0, 2 * i + 1, 5000);
            else Atomics.notify(step, 0);
            const why = store.put(store.key(['same key', String(i)]), value);
            if (why) failures.push(why);
          }
          parentPort.postMessage(failures);
        })().catch((e) => parentPort.postMessage([String(e)]));`;
      const module = path.resolve(SEEDS_DIR, '..', 'src', 'cli', 'file-cache.ts');
      const step = new SharedArrayBuffer(4);
      const workers = [0, 1].map(() => new Worker(code, { eval: true, workerData: { dir, module, step } }));
      const failures = await Promise.all(workers.map((w) => new Promise<string[]>((resolve, reject) => w.once('message', resolve).once('error', reject))));
      await Promise.all(workers.map((w) => w.terminate()));
      expect(failures.flat()).toEqual([]);
      expect(values(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });
});

describe('--cache DIR that cannot be written, or holds something odd', () => {
  it('still serves what it holds after a value could not be kept (a full or read-only cache)', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      await analyze(seeds(), ['--format', 'json', '--cache', dir], openFileCache);
      // The store now refuses every write: the first plan (new) cannot be kept; the five after it are found.
      const store = openFileCache(dir);
      const seen = { found: 0 };
      const readOnly: EntryCache = {
        ...store,
        get: (k) => {
          const v = store.get(k);
          if (v) seen.found++;
          return v;
        },
        put: () => 'read-only file system',
      };
      const first = 'a/new.txt';
      const files = { [first]: (Object.values(seeds())[0] as string).replace('兰州', '某某'), ...seeds() };
      const plain = await analyze(files, ['--format', 'json']);
      const r = await analyze(files, ['--format', 'json', '--cache', dir], () => readOnly);
      expect(r.out).toBe(plain.out);
      expect(r.err.match(/cannot write the cache/gu)).toHaveLength(1);
      expect(seen.found).toBe(5);
    });
  });

  it.skipIf(!existsSync(cli) || !existsSync('/usr/bin/mkfifo'))('passes over a FIFO put where a value would be, instead of waiting on it', async () => {
    // The built CLI in a process of its own: without the fix it waits for ever, and the generous limit only stops it.
    await inTempDir('gangyao-cache-', async (dir) => {
      const run = (...extra: string[]) => spawnSync('node', [cli, 'analyze', seedPath(0), '--format', 'json', ...extra], { encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });
      const cache = path.join(dir, 'cache');
      expect(run('--cache', cache).status).toBe(0);
      // Every value of the cache (the one plan's) replaced by a FIFO.
      for (const sub of readdirSync(cache)) {
        for (const f of readdirSync(path.join(cache, sub))) {
          rmSync(path.join(cache, sub, f));
          expect(spawnSync('/usr/bin/mkfifo', [path.join(cache, sub, f)]).status).toBe(0);
        }
      }
      const r = run('--cache', cache);
      expect(r.signal).toBeNull();
      expect(r.stdout).toBe(run().stdout);
    });
  });
});

describe('--cache DIR: what the third review found', () => {
  it('holds a model found in the cache for later as bytes of its own, not as a view into the whole value read (its text, its entry …), in one thread', async () => {
    await inTempDir('gangyao-cache-', async (dir) => {
      const files = family();
      // The plans kept, not their comparison with a parent: the next run finds every plan, then makes
      // that comparison from the models it held while the batch was read.
      await compare(files, ['--no-parent-compare', '--cache', dir], openFileCache);
      const store = openFileCache(dir);
      let gets = 0;
      const unpacked: boolean[] = [];
      const cache: EntryCache = {
        ...store,
        get: (k) => (gets++, store.get(k)),
        unpack: (bytes) => {
          // What is unpacked once the batch was read is what the batch held until then.
          if (gets > Object.keys(files).length) unpacked.push(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength);
          return store.unpack(bytes);
        },
      };
      const cached = await compare(files, ['--cache', dir], () => cache);
      expect(cached.out).toBe((await compare(files, [])).out);
      // 砀山's model and its parent's (宿州市), for their comparison.
      expect(unpacked).toEqual([true, true]);
    });
  });
});

describe('the built CLI: --cache DIR after the template is corrected, on worker threads', () => {
  it.skipIf(!existsSync(cli))('finds every model and every comparison with a parent kept on the workers: only the entries are new, the same bytes as without the cache', async () => {
    await inTempDir('gangyao-cache-', async (root) => {
      const files = family();
      for (const [name, text] of Object.entries({ ...files, 'tpl.json': templateFile(), 'fixed.json': templateFile('青少年科普').replace('"title": "全民科学素质行动规划纲要', '"title": "（修订）全民科学素质行动规划纲要') })) {
        mkdirSync(path.dirname(path.join(root, 'in', name)), { recursive: true });
        writeFileSync(path.join(root, 'in', name), text);
      }
      const inputs = Object.keys(files).map((f) => path.join(root, 'in', f));
      const run = (command: 'analyze' | 'compare', template: string, ...extra: string[]) => {
        const r = spawnSync('node', [cli, command, ...inputs, '--format', 'json', '--threads', '2', '--template', path.join(root, 'in', template), ...extra], { encoding: 'utf8', maxBuffer: 64 << 20 });
        expect(r.stderr).toBe('');
        return r.stdout;
      };
      const cache = path.join(root, 'cache');
      const count = () => readdirSync(cache).reduce((n, sub) => n + readdirSync(path.join(cache, sub)).length, 0);
      expect(run('compare', 'tpl.json', '--cache', cache)).toBe(run('compare', 'tpl.json'));
      // Six plans' values, their six models, and 砀山's comparison with 宿州市's plan.
      expect(count()).toBe(13);
      const plain = run('compare', 'fixed.json');
      expect(plain).not.toBe(run('compare', 'tpl.json'));
      expect(run('compare', 'fixed.json', '--cache', cache)).toBe(plain);
      // Only the six plans' values for the corrected template are new: no model, no comparison made anew.
      expect(count()).toBe(19);
      expect(JSON.parse(plain).parents.find((p: { region: string }) => p.region === '砀山县').comparisons).toMatchObject([{ parentRegion: '宿州市' }]);
      // analyze, another command, finds the models the workers of compare kept.
      expect(run('analyze', 'fixed.json', '--cache', cache)).toBe(run('analyze', 'fixed.json'));
      expect(count()).toBe(25);
    });
  });
});
