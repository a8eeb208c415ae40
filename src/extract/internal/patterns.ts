/**
 * The patterns the extractors read plans with, in one place (tested in test/extract/patterns.test.ts).
 * All carry the `u` flag and name their groups. Global ones are only used through `matchAll` (which
 * copies the regex) or `execAll` (which leaves `lastIndex` at 0), so sharing them is safe. Quantifiers are bounded where a long run of the same
 * characters could otherwise make a scan quadratic. (The gazetteer's name rules and the numeral
 * parser's token rules live with their data, in gazetteer.ts and parse-chinese-number.ts.)
 */

/** Chinese numeral characters (digits, small units, 万/亿). */
export const CN_NUMERAL = '零〇○一二两三四五六七八九十百千万亿';

/** A Chinese character. */
export const HAN = /\p{Script=Han}/u;

/** A character that ends a sentence. */
export const SENTENCE_END_CHAR = /[。;；\n]/u;

// ---------------------------------------------------------------------------------------------
// Years and periods

/**
 * A year phrase: `到2025年`, `2020年底`, `截至2021年`, `“十三五”末` (the end of a five-year plan).
 * Dates (2022年12月) are left out. `fy` is the ordinal of the five-year plan (十四五 → 四).
 */
export const YEAR_PHRASE =
  /(?<pre>截至|截止到|截止|到|至|在|于)?(?<y>(?:19|20)\d{2})年(?!\d{1,2}月|度)(?<post>底|末|前)?|(?<pre5>到)?[“"]?十(?<fy>[一二三四五六])五[”"]?(?:规划)?(?:时期|期)?(?<post5>末期|期末|末|结束时)/gu;

/** A five-year plan named anywhere (`十四五`, `“十三五”时期`), for implied periods. */
export const FIVE_YEAR_PLAN = /十(?<fy>[一二三四五六])五/gu;

/**
 * `到2025年` and the like: a deadline that implies the end of a plan's period. `asOf`: 截至/截止到 before it
 * (截至2020年底), a state at a date rather than a deadline ahead.
 */
export const DEADLINE_YEAR = /(?<asOf>截止?)?(?:到|至)(?<y>(?:19|20)\d{2})年/gu;

/**
 * Words that say a deadline is already reached (…达到8%,已完成“十三五”目标; 达到了; 实现了): with 已 or 了
 * only, as 圆满完成 and 如期完成 also end a deadline ahead (…达到10%,如期完成目标任务).
 */
export const REACHED_WORD = /已经?(?:完成|实现|达到|达成|超过|超额|提前|圆满|顺利|如期)|(?:完成|实现|达到|达成|超过|突破)了/gu;

/** The plan's own name right before a range of years: `实施方案(`, `行动计划`. */
export const PLAN_NAME_BEFORE = /(?:方案|计划|规划|纲要)[(（]?$/u;

/** A cited notice's title running up to a position (`关于印发…实施方案(2021—2025年)`). */
export const CITED_NOTICE_BEFORE = /关于印发[^,，]*$/u;

/**
 * A range of years: `2022-2025年`, `2021—2025`, `2021年至2025年`, and `20222025` whose dash was lost.
 * The caller checks that the years make a plausible period.
 */
export const YEAR_RANGE =
  /(?<!\d)(?<a>(?:19|20)\d{2})(?:年?(?<sep>[-—–~～至到]{1,2})|(?<glued>))(?<b>(?:19|20)\d{2})(?!\d)年?/gu;

// ---------------------------------------------------------------------------------------------
// Targets

/**
 * The headline metric, 公民具备科学素质的比例 and its variants: 公民具备基本科学素质的比例,
 * 具备科学素质的公民(的)比例, 公民科学素质达标率 / 水平.
 */
export const TARGET_METRIC =
  /具备(?:基本)?科学素(?:质|养)(?:的)?(?:公民|居民|人口|人群)?(?:的)?(?:比例|比重|占比)|公民(?:的)?科学素(?:质|养)(?:达标率|水平|比例)/gu;

/** A percentage after a target metric: `15%`, `10.8 %`, `百分之十五`, or a change in points `2个百分点`. */
export const TARGET_FIGURE =
  /(?<![\d.])(?<num>\d{1,3}(?:\.\d{1,4})?) ?[%％](?!\d)|百分之(?<cn>[零〇一二两三四五六七八九十点]{1,6})|(?<![\d.])(?<delta>\d{1,3}(?:\.\d{1,4})?|[一二两三四五六七八九十][一二两三四五六七八九十点]{0,5})个?百分点/gu;

/** Words that set a target's comparator and tone, as they are read before a figure. */
export const TARGET_WORD =
  /力争|争取|努力|(?:达到|不低于)或(?:超过|高于)|超过|高于|大于|突破|不低于|不少于|提高到|提升到|提高至(?!少)|提升至(?!少)|增长到|增加到|增至(?!少)|达到|达|大约|约|接近|左右|以上/gu;

/** Words after a figure that qualify it. */
export const TARGET_POST_WORD = /^(?:及以上|以上|左右)/u;

/**
 * A clause that continues the same metric after a comma (`…10.8%,提高到2025年的16%`), possibly with
 * its own local subject (`全省…达到15%,全市达到16%`) or led by a year (`…,2035年达到25%`, `…,2025年目标15%`).
 * 确保 continues it only when a level or a figure follows (`,确保达到15%`, `,确保2025年达到15%`), not when
 * another subject does (`,确保科普场馆覆盖率达到90%`) or the figure is a share of something else (`,确保80%的乡镇…`).
 */
export const TARGET_CONTINUATION =
  /^(?<own>(?:全|我|本)(?:市|县|区|州|旗|盟|省))?(?:(?<year>(?:19|20)\d{2}年(?:底|末)?(?:目标值?|预期值?)?(?:为|达到?)?)(?=\d)|(?:(?<year2>(?:19|20)\d{2}年(?:底|末)?)|["“”]?十[一二三四五六七八九]五["“”]?(?:时期)?(?:末期?|期末)[,，]?)?(?:(?:公民|居民)?(?:并|再|力争|争取|努力|确保(?:到(?:19|20)\d{2}年(?:底|末)?)?(?=达到|超过|高于|不低于|不少于|提高到|提升到|实现|(?:19|20)\d{2}年|\d{1,3}(?:\.\d{1,4})? ?[%％](?!(?:以上|左右)?的)|百分之)|提高|提升|增长|增加|达到|超过|高于|到|至|其中)))/u;

/** A national word in a figure's own clause (`(全国超过15%)`), not one in a comparison (全国平均水平). */
export const NATIONAL_WORD = /(?:全国|我国|中国|国家)(?!平均|水平|先进|前列|领先)/u;

/** A national subject just before the metric or a figure (全国/我国 …). */
export const NATIONAL_SUBJECT = /(?:全国|我国|中国|国家)[^,，;；。:：]{0,8}$/u;

/** A population group before 具备科学素质: the figure is that group's, not the headline. */
export const GROUP_SUBJECT =
  /(?<g>农村居民|城镇居民|城镇劳动者|社区居民|农牧民|农民|青少年|未成年人|产业工人|职工|老年人|领导干部和公务员|领导干部|公务员|妇女)$/u;

/** A place name right before the metric (拉萨市公民…): its level character. */
export const PLACE_SUBJECT = /(?<l>县|区|旗|市|州|盟|省)(?:的)?(?:公民|居民)?$/u;

/** A local subject (我市, 全县 …) and its level character. */
export const LOCAL_SUBJECT = /(?:我|全|本)(?<l>县|区|旗|市|州|盟|省)/u;

/** Markers of a figure already reached. */
export const PAST_MARKER = /由|从|已|截至|截止|(?<!实)现为|当前为|目前为/u;

// ---------------------------------------------------------------------------------------------
// Indicators

/**
 * A figure: Arabic (with thousands separators or decimals) or Chinese numerals. Lengths are bounded so
 * that a long run of digits or numerals without a unit costs linear time, not quadratic.
 */
const NUM = `\\d{1,3}(?:,\\d{3}){1,4}(?!\\d)(?:\\.\\d{1,6})?|\\d{1,12}(?:\\.\\d{1,6})?|[零〇○一二两三四五六七八九十][零〇○一二两三四五六七八九十百千]{0,11}`;

/**
 * A figure with its unit: `1000人(次)`, `2万人次`, `50个`, `1至2个`, `1000余人`, `25%`, `一名`.
 * Units are listed longest first, each with the words that make it something else (`个月`, `人才`,
 * `场馆`, `期间`, `项目`, `部门` …). A match right after {@link NOT_BEFORE_FIGURE} is part of a longer
 * token (第十二次, G20个) and is dropped by the caller: a lookbehind here would make the scan three times slower.
 */
export const INDICATOR_FIGURE = new RegExp(
  `(?<num>${NUM})(?<mult>千万|百万|万|亿)?` +
    `(?:(?<range>至|到|-|—|~)(?<num2>${NUM})(?<mult2>千万|百万|万|亿)?)?` +
    `(?<approx>余|多)?` +
    `(?<unit>人\\(次\\)|人次|家次|场次|批次|课时|学时|平方米|平方公里|公顷|元|个百分点|百分点|%` +
    `|人(?!民|文|才|工|类|体|身|格|性|们|口|群|均|次)|名(?!单|称|录|义|誉|牌|片|师)|位(?!置|于|一体|列)` +
    `|个(?!月|性|体|案|人|百分点)|家(?!庭|长|园|属|乡|族|人|政|电)|所(?!有|在|属|需|以|得|谓|长)` +
    `|场(?!馆|所|景|地|域|合|次)|次(?!年|日|数|要|生|序|级|贷)|期(?!间|末|限|刊|望|待|中|次)` +
    `|项(?!目)|支(?!持|撑|部|出|付|柱)|座(?!谈)|处(?!理|置|于|长|室)|部(?!门|署|分|委|长|队|级|位)` +
    `|篇|册|套|台(?!账|阶)|件(?!事)|条(?!例|件|款)|本(?!地|市|县|区|实施|级)|户(?!口|外|籍)` +
    `|门(?!类|户|槛)|节(?!目|日|约|能)|堂|亩|种(?!植|子|类|养)|幅|辆|站(?!点|长)|批(?!准|示范))`,
  'gu',
);

/** Characters an {@link INDICATOR_FIGURE} match can start with. */
export const FIGURE_START_CHARS = '0123456789零〇○一二两三四五六七八九十';

/** Characters of an {@link INDICATOR_FIGURE} match before its unit: numerals, separators, 万/亿, range marks, 余/多. */
export const FIGURE_BODY_CHARS = `${FIGURE_START_CHARS}百千,.万亿至到-—~余多`;

/** The first characters of {@link INDICATOR_FIGURE}'s units (keep in step with the unit list above). */
export const FIGURE_UNIT_FIRST_CHARS = '人家场批课学平公元个百%名位所次期项支座处部篇册套台件条本户门节堂亩种幅辆站';

/** A character that cannot precede a figure that starts a token (digits, numerals, 第, Latin letters). */
export const NOT_BEFORE_FIGURE = new RegExp(`[\\d.A-Za-z${CN_NUMERAL}第]`, 'u');

/** Comparator words read right before a figure (`超过500个`, `不少于2场次`, `达到1000人`). */
export const INDICATOR_PRE_WORD =
  /(?<w>超过|多于|高于|大于|突破|不少于|不低于|至少|达到|达|提高到|提升到|提高至|提升至|增加到|增长到|增至|大约|约|接近|近)了?$/u;

/** 至少 before a short verb (`至少配备一名`, `至少举办一期`). */
export const INDICATOR_PRE_VERB = /(?<w>至少)[\p{Script=Han}]{1,2}$/u;

/** Comparator words right after a figure (`3万人次以上`, `1000名左右`). */
export const INDICATOR_POST_WORD = /^(?<w>及以上|以上|左右|以内|以下)/u;

/** A comparator and a figure followed by a character that is not a known unit nor a date word. */
export const UNITLESS_FIGURE =
  /(?:不少于|不低于|超过|至少|达到)(?<num>\d{1,12}(?:\.\d{1,6})?)(?<next>(?![年月日号万亿千百余多])[\p{Script=Han}])/gu;

/** A yearly rate. */
export const PER_YEAR = /每年|年均|每年度|平均每年/u;

/** Words at the start of a name that scope or time it rather than say what is counted. */
export const NAME_LEAD =
  /^(?:(?:到|至|截至)?(?:19|20)\d{2}年(?:底|末|前)?|[“"]?十[一二三四五]五[”"]?(?:期间|时期|末)?|全(?:市|县|区|省|州|旗|盟|镇)|我(?:市|县|区|省|州|旗|盟)|其中|每年|年均|力争|争取|确保|并且|并|且|另|再|共)+/u;

/** Words at the end of a name before the figure (comparators, 的). */
export const NAME_TAIL =
  /(?:超过|多于|高于|大于|突破|不少于|不低于|至少|达到|达|提高到|提升到|提高至|提升至|增加到|增长到|增至|大约|约|接近|近|力争|争取|共计|总计|共|为|的|了)+$/u;

/** Words at the start of the text after a unit that qualify the figure rather than name it. */
export const NAME_AFTER_LEAD = /^(?:及以上|以上|左右|以内|以下|之间|余|多)?(?:的)?/u;

/** Where a clause holding several figures is cut between them (`10名宿州工匠、20名…`, `6项行动和5项工程`). */
export const BETWEEN_FIGURES = /[、和及与]/u;

/** Text after a unit that starts a verb phrase rather than naming what is counted (投入500万元用于…). */
export const NAME_AFTER_VERB = /^(?:用于|用来|进行|开展|参加|参与|接受|覆盖|投入|(?:增加|增长|提高|提升|扩大|上升|发展|增)?(?:到|至)(?:[\d零〇一二两三四五六七八九十]|(?:19|20)\d{2}年))/u;

/** What leads a value reached: 由/从, and its time (2020年(底)的, “十三五”末的, 现有的, 目前的). */
const BASE_LEAD = '(?:由|从)(?:(?:19|20)\\d{2}年(?:底|末)?的?|[“"]?十[一二三四五六]五[”"]?(?:时期|期)?末的?|现有的?|目前的?)?';

/**
 * A value reached in the name before a figure, or the figure itself (科普基地由2020年的20个增加到30个): the name
 * ends before it.
 */
export const NAME_BASE = new RegExp(`${BASE_LEAD}(?!(?:19|20)\\d{2}年)(?:[\\d零〇一二两三四五六七八九十]|$)`, 'u');

/** A value reached right before a figure (由2020年的|20个到30个, 从|60%至80%): the figure is a base, not a range's lower bound. */
export const BASE_BEFORE = new RegExp(`${BASE_LEAD} ?$`, 'u');

/** An increase word right before a figure (提高|20%至80%, 增加|5个至20个). */
export const INCREASE_BEFORE = /(?:提高|提升|增长|增加|新增|上升|扩大)了?$/u;

/** Numbering left at the start of a clause (三、五项重点工程). */
export const NAME_ORDINAL = /^[一二三四五六七八九十\d]+/u;

/** `实施6项科学素质提升行动`, `三、五项重点工程`: the plan counting its own parts. */
export const STRUCTURE_COUNT_BEFORE = /(?:^|实施|开展|包括|设置)(?:以下)?$/u;
export const STRUCTURE_COUNT_AFTER = /(?:行动|工程)$/u;

// ---------------------------------------------------------------------------------------------
// Agencies

/** The role words of a label of units (牵头单位, 责任部门 …), as alternatives of a regex source. */
export const ROLE_WORDS = '牵头|责任|主责|配合|协办|参与';
/** The same with the words only a note's own labels use (协同单位, 协作单位). */
export const ROLE_WORDS_ALL = `${ROLE_WORDS}|协同|协作`;
/** A label of units that opens a note, as a regex source: with its colon (`责任单位:`, `主要责任单位:`) or in 【】 (`【责任单位】`). */
export const ROLE_UNIT_LABEL = `(?:【(?:主要)?(?:${ROLE_WORDS})(?:单位|部门)】|(?:主要)?(?:${ROLE_WORDS})(?:单位|部门)[:：])`;

/**
 * A role label inside a responsibility note: `牵头单位:`, `责任部门:`, `配合单位:`, `【配合单位】` (its 【 is the
 * label's, not the end of the units before it); or a bare role word with its colon before a unit's name
 * (`牵头:市科协`, group `bare`), which counts only where a label may start (see `labelledSegments`).
 */
export const ROLE_LABEL = new RegExp(`【?(?:主要(?=(?:${ROLE_WORDS_ALL})(?:单位|部门)))?(?<role>${ROLE_WORDS_ALL})(?:(?:单位|部门)(?<colon>[:：]|】[:：]?)?|(?<bare>[:：])(?=[ \\t]*\\p{Script=Han}))`, 'gu');

/** The verb that closes a list of units (`…按职责分工负责`, `…牵头`, `…配合`). */
export const ROLE_TAIL =
  /(?:(?<lead>牵头负责|牵头)|(?<assist>配合|协助|参与)|(?<resp>按照?职(?:责|能)分工(?:负责|落实)|分工负责|共同负责|负责落实|负责))$/u;

/**
 * A line that starts with a role label (`牵头单位:市科协`, `【牵头单位】市科协`); not a whole note in 【】
 * (`【牵头单位:市科协】`: a bracketed note, read to its 】).
 */
export const ROLE_LINE = new RegExp(`^[ \\t]*${ROLE_UNIT_LABEL}`, 'u');

/** A note's content that starts with a role word (a label without its colon). */
export const ROLE_WORD_START = new RegExp(`^(?:${ROLE_WORDS_ALL})`, 'u');

/** What may stand before a label inside a note (start, a separator or a space). */
export const LABEL_SEPARATOR = /[;；,， \t]/u;

/** A trailing 等 / 等单位 / 等部门 after a unit. */
export const UNIT_ETC = /等(?:单位|部门)?$/u;

/** Generic words that are not units (`其他成员单位`, `各有关部门`). */
export const GENERIC_UNIT =
  /^(?:.{0,20}(?:其他|其它|各|有关|相关)(?:成员|有关|相关)?(?:单位|部门)|(?:其他|其它)?成员(?:单位)?|有关方面|相关方面)$/u;

/** How the names of offices end (局, 委, 科协, 政府 …; not 馆, 中心, 站, 队, which name the things a measure builds), as a regex source. */
export const OFFICE_WORDS = '局|委|办|部|厅|科协|联|政府';

/** How the names of units end (for notes with neither label nor verb). */
export const AGENCY_END =
  /(?:局|委|办|部|厅|会|院|处|室|所|站|中心|社|队|团|馆|联|政府|镇|乡|街道|园区|公司|集团|银行|学校|大学|党校|台|署|科协|小组)(?:\([^()]*\))?$/u;

/** A header cell of a 工作分工表. */
export const ANNEX_HEADER_CELL =
  /^(?:序号|编号|类别|分类|类型|项目|工作内容|工作任务|重点任务|主要任务|具体任务|任务内容|任务|内容|具体措施|工作措施|主要措施|措施|事项|行动|工程|名称|牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|配合部门|协办单位|参与单位|完成时限|完成时间|时间进度|时限|备注)$/u;

/** Header labels of the lead, responsible, assisting and task columns. */
export const ANNEX_LEAD_LABEL = /牵头/u;
export const ANNEX_RESPONSIBLE_LABEL = /责任|主责/u;
export const ANNEX_ASSIST_LABEL = /配合|协办|参与|协同/u;
export const ANNEX_TITLE_LABEL = /任务|内容|措施|项目|行动|工程|名称|事项/u;

/** A row number cell. */
export const ANNEX_ROW_NUMBER = /^\d{1,3}[.、]?$/u;

// ---------------------------------------------------------------------------------------------
// Basis documents and document numbers

/**
 * The year and number of a document number: `〔2021〕9号`, `[2021]121号`, `(2022)25号`. The issuer
 * (国发, 皖政办秘 …) is the run of Chinese characters right before it, read by the caller.
 */
export const DOC_NUMBER_TAIL = /[〔\[(【［（](?<year>(?:19|20)\d{2})[〕\]）)】］]第?(?<num>\d{1,5})号/gu;

/** What comes before an issuer in running text and is not part of it (`根据`, `印发` …). */
export const ISSUER_LEAD = /^.*(?:根据|依据|按照|参照|贯彻|落实|印发|转发|关于|以及|和|及|与|见|是|的|为|文号|字号)/u;

/** Verbs that cite a plan's basis; the citation runs to the end of the sentence. */
export const CITING_VERB = /根据|依据|按照|遵照|依照|参照|贯彻|落实|对照|对标|深入实施|全面实施/gu;

/** The national outline named without its issuer: 全民科学素质行动规划纲要(2021—2035年). */
export const NATIONAL_OUTLINE = /^(?:关于印发)?全民科学素质行动(?:规划|计划)纲要(?:\([^()]*\))?(?:的通知)?$/u;

/** `以下简称` right before a 《title》: an alias, not a document. */
export const ALIAS_BEFORE = /简称$/u;

/** A title in 《》. */
export const BOOK_TITLE = /《(?<title>[^《》\n]{1,160})》/gu;

/** A notice cited without 《》 (lost in extraction): `关于印发…的通知`. */
export const BARE_NOTICE = /关于(?:印发|转发)[^,，。;；、《》\n]{2,80}?的(?:通知|意见|决定)/gu;

/** A label before the plan's own number. */
export const OWN_NUMBER_LABEL = /(?:发文字号|发文号|文号|文件编号)[:：]?$/u;

/** Issuers of national documents: 国发, 国办发, 中发, 科协发, 人社部发 … */
export const NATIONAL_ISSUER = /^(?:国|中发|中办发|中共中央|科协发|全国)|部(?:发|函|令)/u;

/** A law of the People's Republic. */
export const NATIONAL_LAW = /^中华人民共和国.{1,30}法$/u;

/** Titles issued by national bodies. */
export const NATIONAL_TITLE = /^(?:国务院|中共中央|中国科协|中国科学技术协会|全国|国家)/u;

// ---------------------------------------------------------------------------------------------
// Region, draft

/** Words before a short name that make it a place (结合上虞实际, 为上虞…). */
export const SHORT_NAME_CONTEXT =
  /(?:^|[^\p{Script=Han}]|为|在|对|把|将|让|与|和|到|向|结合|立足|服务|助力|推动|推进|建设|打造|美丽|美好|全面)$/u;

/** A plan's reference to itself: 我市, 全县, 本区. */
export const SELF_REFERENCE = /(?<w>我|全|本)(?<l>自治区|省|市|州|盟|县|区|旗)/gu;

/** Draft markers near the top. */
export const DRAFT_MARK = /征求意见稿|送审稿|草案|讨论稿|修改稿|审议稿|代拟稿/u;
