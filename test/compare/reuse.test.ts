import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../src/compare/internal/candidate-index.js';
import { foldAll } from '../../src/compare/internal/section-text.js';
import { shingleHashes, winnow, winnowInto } from '../../src/compare/internal/shingles.js';
import { REUSE_METHOD } from '../../src/compare/measure-reuse.js';
import { compareBatch, loadBatch, pastedFromHeadings, seedBatch } from './helpers.js';
import { seedFiles } from '../seeds.js';

const LASA = 'seeds/002_3c722ad7abbba4b7.txt';
const DANGSHAN = 'seeds/001_a778eabecd33c60a.txt';
const ZHONGSHAN = 'seeds/003_a2c2ef432eea6382.txt';

describe('measureReuse', () => {
  const seeds = seedBatch();
  const withPasted = loadBatch([
    ...seedFiles().map((s) => ({ source: `seeds/${s.file}`, text: s.text })),
    { source: 'synthetic/pasted.txt', text: pastedFromHeadings() },
  ]);
  const c = compareBatch(withPasted);

  it('scores a plan pasted together from template headings high on reuse', () => {
    const pasted = c.reuse.sections.filter((s) => s.source === 'synthetic/pasted.txt');
    expect(pasted).toHaveLength(10);
    for (const s of pasted) {
      expect(s.class).toBe('restated');
      expect(s.template).toBeGreaterThan(0.9);
      expect(s.spans.some((x) => x.from === 'template')).toBe(true);
    }
    const plan = c.reuse.plans.find((p) => p.source === 'synthetic/pasted.txt');
    expect(plan?.reuse).toBeGreaterThan(0.9);
    expect(plan?.restated).toBe(10);
    // …while it covers every template item: coverage alone would call it a strong plan.
    expect(c.matrix.rows.find((r) => r.source === 'synthetic/pasted.txt')?.score).toBeGreaterThan(0.8);
    for (const p of c.reuse.plans.filter((x) => x.source.startsWith('seeds/'))) expect(p.reuse!).toBeLessThan(0.5);
  });

  it("scores 拉萨's 寺庙僧尼 section as local content", () => {
    const monks = c.reuse.sections.find((s) => s.source === LASA && s.title.includes('寺庙僧尼'));
    expect(monks).toMatchObject({ class: 'local', templateId: null, peers: 0, bestPeer: null });
    expect(monks!.local).toBeGreaterThan(0.9);
    expect(c.outliers.some((o) => o.kind === 'local' && o.source === LASA && o.message.includes('寺庙僧尼'))).toBe(true);
  });

  it('finds passages shared between plans, with spans into the text as read', () => {
    const s = c.reuse.sections.find((x) => x.source === DANGSHAN && x.templateId === 'officials')!;
    expect(s.bestPeer?.source).toBe(ZHONGSHAN);
    expect(s.peers).toBeGreaterThan(0.4);
    expect(s.spansIn).toBe('text');
    const text = seeds.results.find((r) => r.source === DANGSHAN)!.text!;
    const peerSpans = s.spans.filter((x) => x.from === 'peer' && x.source === ZHONGSHAN);
    expect(peerSpans.length).toBeGreaterThan(0);
    const zsText = seeds.results.find((r) => r.source === ZHONGSHAN)!.text!.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
    for (const x of peerSpans) {
      const passage = text.slice(x.start, x.end).normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
      expect(passage.length).toBeGreaterThanOrEqual(REUSE_METHOD.minRunPeer);
      // Runs are made of 8-grams found in the peer; the longest passages are found whole.
      if (passage.length >= 30) expect(zsText.includes(passage.slice(0, 20))).toBe(true);
    }
  });

  it('compares each section with at most three candidate sections of other plans', () => {
    for (const s of c.reuse.sections) {
      const peers = new Set(s.spans.filter((x) => x.from === 'peer').map((x) => `${x.source}#${x.section}`));
      expect(peers.size).toBeLessThanOrEqual(REUSE_METHOD.candidates);
      for (const p of peers) expect(p.startsWith(`${s.source}#`)).toBe(false);
    }
  });

  it('gives a fast-diff side-by-side of two sections on request', () => {
    const d = compareBatch(seeds, { diff: { a: { source: DANGSHAN, section: 'officials' }, b: { source: ZHONGSHAN, section: 'officials' } } }).reuse.diff;
    expect(d?.a).toMatchObject({ source: DANGSHAN, title: '领导干部和公务员科学素质提升行动' });
    expect(d?.b).toMatchObject({ source: ZHONGSHAN, title: '实施领导干部和公务员科学素质提升行动' });
    const left = d!.ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
    const right = d!.ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
    expect(left).toContain('进一步强化领导干部和公务员对科教兴国');
    expect(right).toContain('中山建设国际化现代化创新型城市');
    expect(d!.similarity).toBeGreaterThan(0.2);
    // Without b: the section sharing most with a.
    const best = compareBatch(seeds, { diff: { a: { source: DANGSHAN, section: 4 } } }).reuse.diff;
    expect(best?.b.source).toBe(ZHONGSHAN);
  });

  it("counts more of the template's wording when it is given", () => {
    const officials = (r: ReturnType<typeof compareBatch>) => r.reuse.sections.find((x) => x.source === DANGSHAN && x.templateId === 'officials')!;
    const outline = '进一步强化领导干部和公务员对科教兴国、创新驱动发展等战略的认识，提高科学决策能力，树立科学执政理念';
    const more = compareBatch(seeds, { templateTexts: { 'national-2021': outline } });
    expect(officials(more).template).toBeGreaterThan(officials(c).template + 0.1);
  });

  it('measures a plan whose lines end in CR alone, LS or vertical tabs as the same plan with LF', () => {
    const figures = (b: ReturnType<typeof loadBatch>) => compareBatch(b).reuse.sections.map((x) => [x.templateId, x.template, x.peers, x.class]);
    const lf = loadBatch(seedFiles().map((f) => ({ source: f.file, text: f.text.replace(/\r\n/gu, '\n') })));
    for (const br of ['\r', '\u2028', '\v']) {
      const other = loadBatch(seedFiles().map((f) => ({ source: f.file, text: f.text.replace(/\r?\n/gu, br) })));
      expect(figures(other), JSON.stringify(br)).toEqual(figures(lf));
    }
  });

  it('reports a diff it cannot make instead of throwing', () => {
    const r = compareBatch(seeds, { diff: { a: { source: 'nowhere.txt', section: 0 } } });
    expect(r.reuse.diff).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain('compare/diff-not-found');
    expect(r.diagnostics.find((d) => d.code === 'compare/diff-not-found')?.message).toBe('no section #0 (counted from 0) in nowhere.txt');
    // An empty name matches no section (it matched the first by "containing" it).
    const empty = compareBatch(seeds, { diff: { a: { source: seeds.report.plans[0]!.source, section: '' } } });
    expect(empty.reuse.diff).toBeNull();
    expect(empty.diagnostics.find((d) => d.code === 'compare/diff-not-found')?.message).toBe(`no section "" in ${seeds.report.plans[0]!.source}`);
  });
});

describe('the candidate index', () => {
  const fp = (s: string) => winnow(shingleHashes(foldAll(s), 8), 8);

  it('winnows so that a shared passage of window + n − 1 characters always shares a fingerprint', () => {
    const shared = '推进科普与教育文化旅游等深度融合构建';
    expect(shared.length).toBeGreaterThanOrEqual(15);
    const a = new Set(fp(`甲乙丙丁戊己庚辛壬癸${shared}子丑寅卯`));
    const b = fp(`天地玄黄宇宙洪荒${shared}日月盈昃辰宿列张`);
    expect(b.some((h) => a.has(h))).toBe(true);
  });

  it('winnows into work buffers exactly as winnow does', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (const length of [0, 1, 5, 8, 9, 30, 200]) {
      for (const range of [3, 1000, 2 ** 40]) {
        const hashes = Float64Array.from({ length }, () => next() % range);
        const out = new Float64Array(length);
        const count = winnowInto(hashes, 8, out, new Int32Array(length));
        expect([...out.subarray(0, count)]).toEqual(winnow(hashes, 8));
      }
    }
  });

  it('proposes the sections of other plans that share rare passages, best first, never its own plan', () => {
    const index = new CandidateIndex();
    const copied = '鼓励高校科研院所与农村专业技术协会合作建立科技小院推进农村科普示范基地创建';
    index.add(0, 0, fp(`本市${copied}`));
    index.add(1, 1, fp(`我县${copied}打造服务平台`));
    index.add(2, 2, fp('完全不同的一段文字讲的是老年人健康科普服务'));
    index.add(3, 0, fp(`另一节${copied}`));
    expect(index.candidates(0, fp(`本市${copied}`), 3)).toEqual([1]);
    expect(index.candidates(1, fp(`我县${copied}`), 3)).toEqual([0, 3]);
    expect(index.candidates(2, fp('完全不同的一段文字讲的是老年人健康科普服务'), 3)).toEqual([]);
  });
});
