/**
 * Known indicator keys, most specific first: the first whose pattern matches a cleaned name (NFKC,
 * no spaces, quotation marks or 科普/科技 brackets) names the indicator.
 */
export const INDICATOR_KEYS: readonly (readonly [string, RegExp])[] = [
  ['科技小院', /科技小院/u],
  ['科技志愿服务组织', /志愿服务(组织|队伍?)/u],
  ['志愿服务活动', /志愿服务活动/u],
  ['科技志愿者', /(科技|科普)志愿者/u],
  ['研学实践教育基地', /研学(实践)?(教育)?基地/u],
  ['科普示范单位', /科普示范(单位|社区|村|学校|企业)/u],
  ['科普示范县', /科普示范(县|区|市)/u],
  ['科普基地', /科普(教育|示范)?基地/u],
  ['高素质农民', /高素质农(牧)?民/u],
  ['农民培训', /农(牧)?民.*培训|培训.*农(牧)?民/u],
  ['农村实用人才', /实用人才/u],
  ['科学教师培训', /(科学类?|科技)教师/u],
  ['科技辅导员', /辅导员/u],
  ['老年人培训', /老年人/u],
  ['高技能人才', /高技能人才/u],
  ['技能人才', /技能人才/u],
  ['职业技能培训', /技能培训/u],
  ['劳模和工匠人才创新工作室', /创新工作室/u],
  ['应急科普专家', /应急科普专家/u],
  ['科普专家', /科普专家|科学传播专家/u],
  ['科普宣传员', /科普(宣传|信息)员/u],
  ['科普大篷车', /科普大篷车/u],
  ['科学家精神进校园', /科学家精神进校园/u],
];

/** Keys of rates and levels (a name with 率 or 水平 is only ever one of these, or its own cleaned name). */
export const RATE_KEYS: readonly (readonly [string, RegExp])[] = [
  ['健康素养水平', /健康素养/u],
  ['科学素质比例', /科学素质(的)?比例/u],
  ['科普覆盖率', /科普覆盖率/u],
];

/** A level named in an indicator: 国家级科普教育基地, 市级科普示范单位. */
export const SCOPE = /(国家|省|自治区|市|州|县|区)级/u;

/** Verbs and quantifiers that open an indicator's name without naming what is counted. */
export const LEADING_VERBS =
  /^(?:建立|建成|建设|创建|申报|培育|培训|培养|开展|完成|组建|举办|选聘|打造|实施|支持成立|成立|组织|累计|新建|注册|每年|全市|全县|全区|全省|各类|各级|达到|新增|认定|评选|配备)/u;

/** 万人 → 人 (×10000), 名/位 → 人, 人(次) → 人次, 场 → 场次; 人次 stays apart from 人. */
export function normaliseUnit(unit: string, value: number): { unit: string; value: number } {
  let u = unit.normalize('NFKC').replace(/\s/gu, '').replace(/\(次\)/u, '次');
  let v = value;
  if (u.startsWith('万') && u.length > 1) {
    u = u.slice(1);
    v = Math.round(v * 10000 * 1000) / 1000;
  } else if (u.startsWith('亿') && u.length > 1) {
    u = u.slice(1);
    v = Math.round(v * 1e8 * 1000) / 1000;
  }
  if (u === '名' || u === '位') u = '人';
  if (u === '名次' || u === '位次') u = '人次';
  if (u === '场') u = '场次';
  return { unit: u, value: v };
}
