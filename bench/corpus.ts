/**
 * A deterministic synthetic national corpus of 全民科学素质 implementation plans, made from the seeds:
 * one plan per provincial, prefectural and county-level division of the gazetteer (@vant/area-data),
 * each a seed with the region renamed (and its level words: 我市 → 我县), the headline target and
 * the indicator figures varied, the actions and projects shuffled, dropped, swapped for the same
 * action or project of another seed or extended by another seed's local extra (renumbered), and some
 * noise (site chrome, spaces in figures, punctuation width, typos, CRLF, BOM, GB18030 and UTF-16).
 *
 * The same seeds and the same GENERATOR_VERSION give the same bytes on every machine. Plans come in
 * gazetteer order (a province, its cities, their counties), so the first N plans of the corpus are
 * whole provinces with their parents in the batch, and work per plan is the same at every scale.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { areaList } from '@vant/area-data';

export const GENERATOR_VERSION = 1;

type Level = 'province' | 'city' | 'county' | 'district';

export interface Region {
  code: string;
  name: string;
  level: Level;
  /** Parent city (for counties and districts under a prefecture), then province. */
  city: string | null;
  province: string;
}

// ---------------------------------------------------------------------------------------------
// randomness

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number): boolean => r() < p;

// ---------------------------------------------------------------------------------------------
// regions

const NOT_A_DIVISION = /开发区|高新|园区|管委会|保税|示范区|试验区|新城$|^(?:城区|郊区|矿区|市辖区|县|省直辖县|自治区直辖县级行政区划|省直辖县级行政区划)$/u;
const COUNTY_SUFFIX = /(?:区|县|市|旗|林区|特区)$/u;

/**
 * The provincial, prefectural and county-level divisions of the mainland, in gazetteer order (by
 * code: a province, then each of its cities followed by its counties). About 3,200 in all.
 */
export function regionsOfChina(): Region[] {
  const provinces = areaList.province_list as Record<string, string>;
  const cities = areaList.city_list as Record<string, string>;
  const counties = areaList.county_list as Record<string, string>;
  const out: Region[] = [];
  for (const [code, name] of Object.entries(provinces)) {
    if (Number(code) >= 710000) continue;
    out.push({ code, name, level: 'province', city: null, province: name });
  }
  for (const [code, name] of Object.entries(cities)) {
    const province = provinces[`${code.slice(0, 2)}0000`];
    if (!province || Number(code) >= 710000 || NOT_A_DIVISION.test(name) || name === province) continue;
    out.push({ code, name, level: 'city', city: null, province });
  }
  for (const [code, name] of Object.entries(counties)) {
    const province = provinces[`${code.slice(0, 2)}0000`];
    if (!province || Number(code) >= 710000 || NOT_A_DIVISION.test(name) || !COUNTY_SUFFIX.test(name)) continue;
    const cityName = cities[`${code.slice(0, 4)}00`];
    const city = cityName && cityName !== province && !NOT_A_DIVISION.test(cityName) ? cityName : null;
    out.push({ code, name, level: /区$/u.test(name) && !/林区$/u.test(name) ? 'district' : 'county', city, province });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|区|县|旗|盟|州)$/u;
const ETHNIC = /(?:(?:土家|布依|朝鲜|哈尼|傈僳|拉祜|东乡|纳西|景颇|仫佬|撒拉|毛南|仡佬|蒙古|哈萨克|柯尔克孜|维吾尔|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒)族)+$/u;

function shortName(name: string): string {
  let s = name.replace(SUFFIX, '');
  if (/自治/u.test(name)) s = s.replace(ETHNIC, '');
  return s.length >= 2 ? s : name;
}

const LEVEL_CHAR: Record<Level, string> = { province: '省', city: '市', county: '县', district: '区' };

// ---------------------------------------------------------------------------------------------
// seeds, cut into blocks

interface SeedInfo {
  file: string;
  level: Level;
  own: string;
  city: string | null;
  province: string;
  /** The headline target as written, and a template with {v} for the value. */
  headline: [string, string];
}

/** What the generator knows of each seed (see seeds/README.md). */
const SEEDS: readonly SeedInfo[] = [
  { file: '000_4b23307378cbe49b.txt', level: 'city', own: '兰州市', city: null, province: '甘肃省', headline: ['比例达到 15%', '比例达到 {v}%'] },
  { file: '001_a778eabecd33c60a.txt', level: 'county', own: '砀山县', city: '宿州市', province: '安徽省', headline: ['比例达到13%', '比例达到{v}%'] },
  { file: '002_3c722ad7abbba4b7.txt', level: 'city', own: '拉萨市', city: null, province: '西藏自治区', headline: ['比例达到10%左右', '比例达到{v}%左右'] },
  { file: '003_a2c2ef432eea6382.txt', level: 'city', own: '中山市', city: null, province: '广东省', headline: ['比例力争达到16%', '比例力争达到{v}%'] },
  { file: '004_55c845f41c91051a.txt', level: 'district', own: '上虞区', city: '绍兴市', province: '浙江省', headline: ['比例达到18.5%以上', '比例达到{v}%以上'] },
];

type Kind = 'youth' | 'farmers' | 'workers' | 'elderly' | 'cadres' | 'resources' | 'media' | 'infra' | 'grassroots' | 'exchange' | 'extra';

interface Block {
  seed: number;
  group: 'action' | 'project';
  kind: Kind;
  /** The heading line without its marker, and the lines after it. */
  title: string;
  body: string;
}

interface Seed {
  info: SeedInfo;
  text: string;
  /** Text parts between the groups: [before actions, between, after projects]; null when the seed has no blocks. */
  parts: [string, string, string] | null;
  actions: Block[];
  projects: Block[];
  /** The marker style: leading spaces and the brackets. */
  indent: string;
  open: string;
  close: string;
}

const SUB = /^(\s*)([（(])([一二三四五六七八九十]+)([)）])(.*)$/u;
const TOP = /^\s*[一二三四五六七八九十]+、/u;
const GROUP_LINE = /^\s*[\p{Script=Han}]{2,8}(?:行动|工程)\s*$/u;

function kindOf(title: string): Kind {
  if (/青少年/u.test(title)) return 'youth';
  if (/农(?:牧)?民/u.test(title)) return 'farmers';
  if (/产业工人/u.test(title)) return 'workers';
  if (/老年人/u.test(title)) return 'elderly';
  if (/领导干部/u.test(title)) return 'cadres';
  if (/科技资源|资源转化/u.test(title)) return 'resources';
  if (/信息化|媒体/u.test(title)) return 'media';
  if (/基础设施/u.test(title)) return 'infra';
  if (/基层|服务机制/u.test(title)) return 'grassroots';
  if (/交流/u.test(title)) return 'exchange';
  return 'extra';
}

function cutSeed(info: SeedInfo, index: number, text: string): Seed {
  const lines = text.split('\n');
  const blocks: { start: number; end: number; group: 'action' | 'project'; title: string; indent: string; open: string; close: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = SUB.exec(lines[i]!);
    if (!m) continue;
    const title = m[5]!;
    const head = title.split(/[。.]/u)[0]!;
    const group = /行动$/u.test(head.trim()) ? 'action' : /工程$/u.test(head.trim()) ? 'project' : null;
    if (!group) continue;
    let j = i + 1;
    while (j < lines.length && !SUB.test(lines[j]!) && !TOP.test(lines[j]!) && !GROUP_LINE.test(lines[j]!)) j++;
    while (j > i + 1 && lines[j - 1]!.trim() === '') j--;
    blocks.push({ start: i, end: j, group, title, indent: m[1]!, open: m[2]!, close: m[4]! });
  }
  const mk = (b: (typeof blocks)[number]): Block => ({
    seed: index,
    group: b.group,
    kind: kindOf(b.title),
    title: b.title,
    body: lines.slice(b.start + 1, b.end).join('\n'),
  });
  const actions = blocks.filter((b) => b.group === 'action');
  const projects = blocks.filter((b) => b.group === 'project');
  if (actions.length < 3 || projects.length < 3) {
    return { info, text, parts: null, actions: [], projects: [], indent: '', open: '（', close: '）' };
  }
  const a0 = actions[0]!.start;
  const a1 = actions.at(-1)!.end;
  const p0 = projects[0]!.start;
  const p1 = projects.at(-1)!.end;
  const parts: [string, string, string] = [lines.slice(0, a0).join('\n'), lines.slice(a1, p0).join('\n'), lines.slice(p1).join('\n')];
  const first = actions[0]!;
  return { info, text, parts, actions: actions.map(mk), projects: projects.map(mk), indent: first.indent, open: first.open, close: first.close };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

// ---------------------------------------------------------------------------------------------
// renaming, targets, figures, noise

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Replaces the seed's region names with the target's, longest first, in one pass. */
function renamer(info: SeedInfo, to: Region): (s: string) => string {
  const toCity = to.level === 'province' ? to.name : (to.city ?? to.province);
  const pairs: [string, string][] = [];
  const add = (from: string, target: string) => {
    pairs.push([from, target]);
    const fs = shortName(from);
    if (fs !== from) pairs.push([fs, shortName(target)]);
  };
  add(info.own, to.name);
  if (info.city) add(info.city, toCity);
  add(info.province, to.province);
  const map = new Map<string, string>();
  for (const [f, t] of pairs) if (!map.has(f)) map.set(f, t);
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(keys.map(escapeRe).join('|'), 'gu');
  const from = LEVEL_CHAR[info.level];
  const target = LEVEL_CHAR[to.level];
  const levelRe = from === target ? null : new RegExp(`(?<=[我全本])${from}|${from}(?=级|委|政府|人民政府|科协|直|属|情)|(?<=[:：、，,（(\\s])${from}(?=[\\p{Script=Han}]{1,8}(?:局|委|办|会|厅|馆|院|团|部|中心))`, 'gu');
  return (s) => {
    const renamed = s.replace(re, (m) => map.get(m) ?? m);
    return levelRe ? renamed.replace(levelRe, target) : renamed;
  };
}

const UNITS = /(?<![\d.])(\d{1,6})(\s*)(万人次|万人|人次|名|个|场次|场|所|家|座|支|项)/gu;

function varyFigures(s: string, r: Rand): string {
  return s.replace(UNITS, (m, n: string, sp: string, unit: string) => {
    if (!chance(r, 0.5)) return m;
    const v = Math.max(1, Math.round(Number(n) * (0.5 + 1.5 * r())));
    return `${v}${sp}${unit}`;
  });
}

function targetValue(level: Level, r: Rand): string {
  const [lo, hi] = level === 'province' ? [11, 18] : level === 'city' ? [9, 18] : [7, 16];
  const v = lo + Math.floor(r() * ((hi - lo) * 2 + 1)) / 2;
  return String(v);
}

const CHROME = [
  '打印本页 关闭窗口',
  '分享到：微信 微博 QQ空间',
  '【字体：大 中 小】',
  '扫一扫在手机打开当前页',
  '发布时间：2022-06-{d} 来源：{r}科学技术协会',
  '第 {d} 页 共 {n} 页',
];

function chromeLine(r: Rand, region: string): string {
  const d = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  return pick(r, CHROME).replace('{d}', d).replace('{n}', String(10 + Math.floor(r() * 10))).replace('{r}', region);
}

const TO_HALF: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '；': ';' };
const TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };

function noise(text: string, r: Rand, region: Region): string {
  let lines = text.split('\n');
  if (chance(r, 0.3)) {
    const k = 1 + Math.floor(r() * 4);
    for (let i = 0; i < k; i++) lines.splice(1 + Math.floor(r() * (lines.length - 1)), 0, chromeLine(r, region.name));
  }
  if (chance(r, 0.1)) {
    const i = Math.floor(r() * lines.length);
    if (lines[i]!.length > 40) lines.splice(i, 0, lines[i]!);
  }
  if (chance(r, 0.1)) {
    const i = Math.floor(r() * lines.length);
    if (lines[i]!.length > 40 && !SUB.test(lines[i]!) && !TOP.test(lines[i]!)) lines.splice(i, 1);
  }
  if (chance(r, 0.15)) lines = lines.flatMap((l) => (l.trim() !== '' && chance(r, 0.5) ? [l, ''] : [l]));
  let out = lines.join('\n');
  if (chance(r, 0.3)) out = out.replace(/(?<=[\p{Script=Han}])(\d+(?:\.\d+)?)(?=[\p{Script=Han}%])/gu, ' $1 ');
  if (chance(r, 0.2)) out = out.replace(/[（），：；]/gu, (c) => TO_HALF[c] ?? c);
  else if (chance(r, 0.2)) out = out.replace(/(?<=[\p{Script=Han}])[(),:;]|[(),:;](?=[\p{Script=Han}])/gu, (c) => TO_FULL[c] ?? c);
  if (chance(r, 0.5)) {
    const chars = [...out];
    const n = Math.floor(chars.length / 3000);
    for (let i = 0; i < n; i++) {
      const at = Math.floor(r() * chars.length);
      const from = Math.floor(r() * chars.length);
      if (/\p{Script=Han}/u.test(chars[at]!) && /\p{Script=Han}/u.test(chars[from]!)) chars[at] = chars[from]!;
    }
    out = chars.join('');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// encodings

let gbTable: Map<number, number> | null = null;

/** Unicode → GB18030 two-byte codes, from the platform's decoder. */
function gb18030Table(): Map<number, number> {
  if (gbTable) return gbTable;
  const table = new Map<number, number>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch.charCodeAt(0))) table.set(ch.charCodeAt(0), (hi << 8) | lo);
    }
  }
  gbTable = table;
  return table;
}

/** GB18030 bytes of `s`, or null when a character has no two-byte code. */
function encodeGb18030(s: string): Uint8Array | null {
  const table = gb18030Table();
  const out = new Uint8Array(s.length * 2);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else {
      const g = table.get(c);
      if (g === undefined) return null;
      out[n++] = g >> 8;
      out[n++] = g & 0xff;
    }
  }
  return out.subarray(0, n);
}

function encode(text: string, r: Rand): Uint8Array {
  const x = r();
  if (x < 0.08) {
    const gb = encodeGb18030(text);
    if (gb) return gb;
  }
  if (x >= 0.08 && x < 0.1) {
    const b = Buffer.from(`\ufeff${text}`, 'utf16le');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  const bom = x >= 0.1 && x < 0.2 ? '\ufeff' : '';
  return new TextEncoder().encode(bom + text);
}

// ---------------------------------------------------------------------------------------------
// plans

function seedFor(region: Region, r: Rand): number {
  // Seed 004 (a truncated preview) only for some counties and districts; 001 (a county's) mostly for counties.
  const x = r();
  if (region.level === 'province') return pick(r, [0, 2, 3]);
  if (region.level === 'city') return x < 0.15 ? 1 : pick(r, [0, 2, 3]);
  return x < 0.1 ? 4 : x < 0.5 ? 1 : pick(r, [0, 2, 3]);
}

function recombine(seed: Seed, seeds: readonly Seed[], group: 'action' | 'project', r: Rand): Block[] {
  const own = group === 'action' ? seed.actions : seed.projects;
  const pool = seeds.flatMap((s) => (s === seed ? [] : group === 'action' ? s.actions : s.projects));
  let out = own.map((b) => {
    if (!chance(r, 0.3)) return b;
    const same = pool.filter((x) => x.kind === b.kind && b.kind !== 'extra');
    return same.length > 0 ? pick(r, same) : b;
  });
  if (chance(r, 0.3) && out.length > 2) {
    const i = Math.floor(r() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  }
  if (chance(r, 0.15) && out.length > 3) out.splice(1 + Math.floor(r() * (out.length - 1)), 1);
  if (chance(r, 0.2)) {
    const extras = pool.filter((x) => !out.some((y) => y.kind === x.kind) || x.kind === 'extra');
    const e = extras.length > 0 ? pick(r, extras) : undefined;
    if (e && !out.includes(e)) out = [...out, e];
  }
  return out;
}

/** The text of the plan of `region`. */
export function makePlan(region: Region, seeds: readonly Seed[]): string {
  const r = rng(hashString(`${GENERATOR_VERSION}:${region.code}`));
  const si = seedFor(region, r);
  const seed = seeds[si]!;
  const rename = (info: SeedInfo) => renamer(info, region);
  const own = rename(seed.info);
  let text: string;
  if (seed.parts) {
    const marker = (i: number) => `${seed.indent}${seed.open}${NUMERALS[i] ?? String(i + 1)}${seed.close}`;
    const group = (blocks: Block[]) =>
      blocks.map((b, i) => {
        const fix = b.seed === si ? own : rename(seeds[b.seed]!.info);
        return `${marker(i)}${fix(b.title)}\n${fix(b.body)}`;
      });
    const actions = group(recombine(seed, seeds, 'action', r));
    const projects = group(recombine(seed, seeds, 'project', r));
    text = [own(seed.parts[0]), ...actions, own(seed.parts[1]), ...projects, own(seed.parts[2])].join('\n');
  } else {
    text = own(seed.text);
  }
  const [was, template] = seed.info.headline;
  text = text.replace(own(was), own(template).replace('{v}', targetValue(region.level, r)));
  text = varyFigures(text, r);
  text = noise(text, r, region);
  if (chance(r, 0.1)) text = text.replace(/\n/gu, '\r\n');
  return text;
}

export function loadSeeds(dir: string): Seed[] {
  return SEEDS.map((info, i) => cutSeed(info, i, readFileSync(path.join(dir, info.file), 'utf8')));
}

/** The regions of the first `n` plans (gazetteer order; the whole country when n ≥ its size). */
export function regionsFor(n: number): Region[] {
  return regionsOfChina().slice(0, n);
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

/**
 * Writes (once; reused while the seeds and generator are unchanged) the first `n` plans of the
 * corpus under `root` and returns the directory and its files. All scales share one set of files:
 * each scale's directory holds hard links (or copies) to the first n of them.
 */
export function makeCorpus(root: string, seedDir: string, n: number): Corpus {
  const seedHash = createHash('sha256');
  for (const s of SEEDS) seedHash.update(readFileSync(path.join(seedDir, s.file)));
  const tag = `v${GENERATOR_VERSION}-${seedHash.digest('hex').slice(0, 12)}`;
  const all = path.join(root, tag, 'all');
  const regions = regionsOfChina().slice(0, n);
  mkdirSync(all, { recursive: true });
  let seeds: Seed[] | null = null;
  const names = regions.map((rg) => `${rg.code}.txt`);
  regions.forEach((rg, i) => {
    const f = path.join(all, names[i]!);
    if (existsSync(f)) return;
    seeds ??= loadSeeds(seedDir);
    const r = rng(hashString(`enc:${GENERATOR_VERSION}:${rg.code}`));
    writeFileSync(f, encode(makePlan(rg, seeds), r));
  });
  const dir = path.join(root, tag, `n${n}`);
  const have = existsSync(dir) ? readdirSync(dir).length : -1;
  if (have !== n) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of names) {
      try {
        linkSync(path.join(all, name), path.join(dir, name));
      } catch {
        copyFileSync(path.join(all, name), path.join(dir, name));
      }
    }
  }
  const files = names.map((x) => path.join(dir, x));
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  return { dir, files, bytes };
}
