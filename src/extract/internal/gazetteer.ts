import { areaList } from '@vant/area-data';
import type { Level } from '../../model/index.js';
import { firstAtOrAfter } from '../../text/sorted.js';
import { textMarks } from './text-marks.js';
import { isHanUnit } from './han.js';

/** An administrative division from the GB/T 2260 gazetteer. */
export interface Division {
  code: string;
  /** The full name with its suffix (上虞区). */
  name: string;
  /** The name without its suffix (上虞), or '' when that would be a single character. */
  short: string;
  level: Level;
}

export interface NameHit {
  start: number;
  end: number;
  name: string;
  divisions: Division[];
}

/** A character trie over names: `name` is set on the node where a name ends. */
interface TrieNode {
  next: Map<number, TrieNode>;
  name: string | null;
}

interface Index {
  byName: Map<string, Division[]>;
  /** Full names read backwards from their last character, so a suffix character is matched by walking left. */
  tails: TrieNode;
  byShort: Map<string, Division[]>;
  /** Short names read forwards. */
  heads: TrieNode;
  /** 1 for each code unit that starts a short name. */
  shortFirst: Uint8Array;
  byCode: Map<string, Division>;
}

/** The characters a division's full name ends with. */
const SUFFIX_CHARS = '省市区县州旗盟';
/** 省市区县州旗盟 as a code test. */
function isSuffixCode(c: number): boolean {
  return c === 0x7701 || c === 0x5e02 || c === 0x533a || c === 0x53bf || c === 0x5dde || c === 0x65d7 || c === 0x76df;
}
/** Gazetteer entries that are not divisions a plan would name itself after. */
const NOT_A_DIVISION = /开发区|高新|园区|管委会|保税|示范区|试验区|新城$|^(?:城区|郊区|矿区|市辖区|县|省直辖县|自治区直辖县级行政区划)$/u;
/** Keep county-level entries with a county-level suffix (towns of 中山/东莞 are in the list too). */
const COUNTY_SUFFIX = /(?:区|县|市|旗|林区|特区)$/u;
const SUFFIX =
  /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|区|县|旗|盟|州)$/u;
/** Ethnic names before 自治州/自治县 (延边朝鲜族自治州 → 延边). */
const ETHNIC = new RegExp(
  '(?:(?:' +
    '乌孜别克|柯尔克孜|俄罗斯|鄂伦春|鄂温克|达斡尔|塔吉克|塔塔尔|维吾尔|哈萨克|土家|布依|朝鲜|哈尼|傈僳|高山|拉祜|东乡|纳西|景颇|' +
    '仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|蒙古|汉|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京' +
    ')族|蒙古|哈萨克|柯尔克孜|维吾尔)+$',
  'u',
);
/** Short names that are common words in plans rather than places. */
const COMMON_WORDS = new Set([
  '和平', '长安', '新华', '向阳', '太平', '永安', '光明', '东方', '白云', '青山', '城中', '市中', '新城', '新兴', '中心',
  '宝山', '南山', '东山', '北山', '西湖', '江北', '河东', '河西', '城东', '城西', '城南', '城北', '红旗', '前进', '胜利',
  '建设', '发展', '文明', '团结', '先进', '民主', '友好', '平安', '安全', '和谐', '振兴', '开放', '共和', '永定', '吉利',
  '福田', '龙华', '清河', '新民', '长治', '大通', '通化', '安定', '新和', '大方', '正安', '安宁', '富民', '宜良', '和田',
  '资源', '合作', '互助', '公安', '平和', '兴国', '惠民', '会同', '富裕', '明水', '民和', '兴和', '建平', '新平', '惠农',
  '开发', '工农', '新建', '共和', '中方', '大关', '和政', '新市', '康平', '新源', '大新', '文成', '开化', '新化', '兰西',
  '普陀', '鼓楼', '朝阳', '海城', '安新', '海安', '长宁', '永新', '永和', '泰和', '保安', '安远', '长兴', '双桥',
]);

let cached: Index | null = null;

function trieNode(): TrieNode {
  return { next: new Map(), name: null };
}

/** Adds `name` to the trie, read backwards when `reverse`. */
function addToTrie(root: TrieNode, name: string, reverse: boolean): void {
  let node = root;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(reverse ? name.length - 1 - k : k);
    let child = node.next.get(c);
    if (!child) {
      child = trieNode();
      node.next.set(c, child);
    }
    node = child;
  }
  node.name = name;
}

function levelOfCounty(name: string): Level {
  return /区$/u.test(name) && !/林区$/u.test(name) ? 'district' : 'county';
}

function shortOf(name: string): string {
  let s = name.replace(SUFFIX, '');
  if (/自治/u.test(name)) s = s.replace(ETHNIC, '');
  return s.length >= 2 ? s : '';
}

function build(): Index {
  const byName = new Map<string, Division[]>();
  const byShort = new Map<string, Division[]>();
  const byCode = new Map<string, Division>();
  const add = (code: string, name: string, level: Level) => {
    if (Number(code) >= 710000 || NOT_A_DIVISION.test(name)) return;
    const d: Division = { code, name, short: shortOf(name), level };
    byCode.set(code, d);
    const list = byName.get(name);
    if (list) list.push(d);
    else byName.set(name, [d]);
    if (d.short && !COMMON_WORDS.has(d.short)) {
      const sl = byShort.get(d.short);
      if (sl) sl.push(d);
      else byShort.set(d.short, [d]);
    }
  };
  for (const [code, name] of Object.entries(areaList.province_list)) add(code, name, 'province');
  for (const [code, name] of Object.entries(areaList.city_list)) add(code, name, 'city');
  for (const [code, name] of Object.entries(areaList.county_list)) {
    if (COUNTY_SUFFIX.test(name)) add(code, name, levelOfCounty(name));
  }
  // A municipality's districts sit under a city entry of the same name (北京市 110100): keep the province.
  for (const [name, list] of byName) {
    const provinces = list.filter((d) => d.level === 'province');
    if (provinces.length > 0 && list.length > 1) byName.set(name, provinces);
  }
  for (const [s, list] of byShort) {
    const provinces = list.filter((d) => d.level === 'province');
    if (provinces.length > 0 && list.length > 1 && list.every((d) => d.name === list[0]!.name)) byShort.set(s, provinces);
  }
  const tails = trieNode();
  for (const n of byName.keys()) addToTrie(tails, n, true);
  const heads = trieNode();
  const shortFirst = new Uint8Array(0x10000);
  for (const n of byShort.keys()) {
    addToTrie(heads, n, false);
    shortFirst[n.charCodeAt(0)] = 1;
  }
  return { byName, tails, byShort, heads, shortFirst, byCode };
}

/** The gazetteer index, built once on first use. */
function index(): Index {
  cached ??= build();
  return cached;
}

/** Divisions with this full name. */
export function divisionsNamed(name: string): Division[] {
  return index().byName.get(name) ?? [];
}

/** Higher divisions, nearest first (上虞区 → 绍兴市, 浙江省); a municipality's city entry is skipped. */
export function parentsOf(d: Division): Division[] {
  const { byCode } = index();
  const out: Division[] = [];
  const push = (code: string) => {
    const p = byCode.get(code);
    if (p && p.code !== d.code && !out.some((x) => x.name === p.name)) out.push(p);
  };
  if (d.level === 'county' || d.level === 'district') push(d.code.slice(0, 4) + '00');
  if (d.level !== 'province') push(d.code.slice(0, 2) + '0000');
  return out.filter((p) => p.name !== d.name);
}

/**
 * A full name is not read inside a longer word: a two-character name (范县) needs a non-Chinese character or
 * another division name before it (示范县 is not 范县), and 合作市场 / 城关区域 are words, not places.
 */
function plausibleName(text: string, start: number, end: number): boolean {
  // Reads stay inside the text (a read past either end makes optimised code start over).
  const next = end < text.length ? text[end] : '';
  const last = text[end - 1];
  if ((last === '市' && next === '场') || (last === '区' && next === '域')) return false;
  if (end - start > 2 || start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return !isHanUnit(before) || isSuffixCode(before);
}

/** Ranges up to this long (titles) are read unit by unit rather than from the text's marks. */
const SHORT_RANGE = 256;

/** Positions of suffix characters in [start, end), in order. */
function suffixPositions(text: string, start: number, end: number): number[] {
  if (end - start <= SHORT_RANGE) {
    const out: number[] = [];
    for (let i = start; i < end; i++) if (isSuffixCode(text.charCodeAt(i))) out.push(i);
    return out;
  }
  const all = textMarks(text).suffixes;
  const out: number[] = [];
  for (let k = firstAtOrAfter(all, start); k < all.length && all[k]! < end; k++) out.push(all[k]!);
  return out;
}

/**
 * Full division names in [start, end) of `text`, left to right, longest match first, not overlapping
 * (浙江省绍兴市上虞区 → 浙江省, 绍兴市, 上虞区). Linear: names are looked up only at suffix characters,
 * by walking the reversed-name trie to the left.
 */
export function findDivisionNames(text: string, start: number, end: number): NameHit[] {
  const { byName, tails } = index();
  const hits: NameHit[] = [];
  let lastEnd = start;
  const lengths: number[] = [];
  for (const i of suffixPositions(text, start + 1, end)) {
    // The lengths (2 or more, from lastEnd on) of the names ending at i, shortest first.
    let n = 0;
    let node: TrieNode | undefined = tails;
    for (let k = i; k >= lastEnd && node; k--) {
      node = node.next.get(text.charCodeAt(k));
      if (node?.name != null && i + 1 - k >= 2) lengths[n++] = i + 1 - k;
    }
    for (let j = n - 1; j >= 0; j--) {
      const len = lengths[j]!;
      if (plausibleName(text, i + 1 - len, i + 1)) {
        const name = text.slice(i + 1 - len, i + 1);
        hits.push({ start: i + 1 - len, end: i + 1, name, divisions: byName.get(name)! });
        lastEnd = i + 1;
        break;
      }
    }
  }
  return hits;
}

/**
 * Short names (上虞 for 上虞区) of divisions whose level is in `levels`, in [start, end). A short name
 * followed by a suffix character is skipped (中山 in 中山市 is not 中山区). Common words are never short names.
 */
export function findShortNames(text: string, start: number, end: number, levels: ReadonlySet<Level>): NameHit[] {
  const { byShort, heads, shortFirst } = index();
  const hits: NameHit[] = [];
  const lengths: number[] = [];
  let i = start;
  while (i < end) {
    // Most characters start no short name: one table look-up passes them.
    if (shortFirst[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    let found: NameHit | null = null;
    // The lengths (2 or more, up to end) of the short names starting at i, shortest first; longest tried first.
    let n = 0;
    let node: TrieNode | undefined = heads;
    for (let k = i; k < end && node; k++) {
      node = node.next.get(text.charCodeAt(k));
      if (node?.name != null && k + 1 - i >= 2) lengths[n++] = k + 1 - i;
    }
    for (let j = n - 1; j >= 0; j--) {
      const len = lengths[j]!;
      const name = text.slice(i, i + len);
      const divisions = byShort.get(name)!.filter((d) => levels.has(d.level));
      if (divisions.length > 0) {
        // Followed by a suffix character it is part of a full name; at the very end of the text it is not.
        const next = text[i + len];
        if (next === undefined || !SUFFIX_CHARS.includes(next)) found = { start: i, end: i + len, name, divisions };
        break;
      }
    }
    if (found) {
      hits.push(found);
      i = found.end;
    } else i++;
  }
  return hits;
}

/** Whether `name` (full or short) belongs to a division. */
export function isDivisionName(name: string): boolean {
  const { byName, byShort } = index();
  return byName.has(name) || byShort.has(name);
}

/** Short-name lookup (no level filter). */
export function divisionsWithShort(name: string): Division[] {
  return index().byShort.get(name) ?? [];
}
