/**
 * Traditional → simplified folding for the characters that matter to alignment (those of the built-in
 * templates and of common plan wording), one code unit for one, so offsets are kept. Generated from
 * OpenCC's s2t / s2tw / s2hk character tables (Apache-2.0) restricted to those characters.
 */
const TRADITIONAL =
  '並來個們倫偉側傑備傳傾僅僑價儀償優儲兒內兩冊別刪則創劃劇動務勝勞勢勵匯區協參員問啓啟單嘗嚴國圍園圓圖團執堅報場塊壇壯夠夢' +
  '奮娛婦媽孫學宮實寧審寬寶將專對導屆層屬峯崗師帶幗幫幹庫廟廢廣廳張強後徑從復徵徹惡愛態慮應懷戰戶掃採揚揮撐擁擇擊擔據擠擴敗' +
  '數斷於時暉暢書會東條業極榮構樂標樞樣樹機檔檢櫥欄權歡歷歸殘氣決沒況減測湧準溝溫滯滿漁潔潛濃濟灣災為煉煥熱營爭爲牽狀獎獨獲' +
  '獸獻現環產畢畫異當疊療發監眾碭確碼礎礙礦祕禮稅種稱積穩競節範築簡籌粵糧紀約紅納紐紙級細終組結絡給統經綜綠維綱網緊線編練縣' +
  '縮縱總績織繞繼續羣義習聞聯聲職聽肅脫腦臺與興舉舊華萬蓋薦薩藝藥藴蘊蘭處號衆術衛衞裏補裝裡襲見規視親覺覽觀觸訂計訊討訓託記' +
  '設許診詐評詢試話該認誠課調請論諧諮謀講謠證識議護讀變讓豐負財貢貧貫責貴費貼資賣賦質購賽贈趨跡踐車軍軟較載輔輝輪輯輻輿轉辦' +
  '農這進遊運過達遞遠適選遺還邊鄉醫針鈴銀銜銷鋒鋼錄鍛鍵鎮鏈鐵鑑長門開閒間閱閲關闢陣陳隊階際險隱雙雜離難雲電靈鞏響頁頂項順預' +
  '領頭頻題額願類顧顯風飛飲養館駕駛騙驅驗驛驟體鬥鴻麗黃點黨齊齡龍';
const SIMPLIFIED =
  '并来个们伦伟侧杰备传倾仅侨价仪偿优储儿内两册别删则创划剧动务胜劳势励汇区协参员问启启单尝严国围园圆图团执坚报场块坛壮够梦' +
  '奋娱妇妈孙学宫实宁审宽宝将专对导届层属峰岗师带帼帮干库庙废广厅张强后径从复征彻恶爱态虑应怀战户扫采扬挥撑拥择击担据挤扩败' +
  '数断于时晖畅书会东条业极荣构乐标枢样树机档检橱栏权欢历归残气决没况减测涌准沟温滞满渔洁潜浓济湾灾为炼焕热营争为牵状奖独获' +
  '兽献现环产毕画异当叠疗发监众砀确码础碍矿秘礼税种称积稳竞节范筑简筹粤粮纪约红纳纽纸级细终组结络给统经综绿维纲网紧线编练县' +
  '缩纵总绩织绕继续群义习闻联声职听肃脱脑台与兴举旧华万盖荐萨艺药蕴蕴兰处号众术卫卫里补装里袭见规视亲觉览观触订计讯讨训托记' +
  '设许诊诈评询试话该认诚课调请论谐咨谋讲谣证识议护读变让丰负财贡贫贯责贵费贴资卖赋质购赛赠趋迹践车军软较载辅辉轮辑辐舆转办' +
  '农这进游运过达递远适选遗还边乡医针铃银衔销锋钢录锻键镇链铁鉴长门开闲间阅阅关辟阵陈队阶际险隐双杂离难云电灵巩响页顶项顺预' +
  '领头频题额愿类顾显风飞饮养馆驾驶骗驱验驿骤体斗鸿丽黄点党齐龄龙';

const FOLD: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (let i = 0; i < TRADITIONAL.length; i++) m.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);
  return m;
})();

/** The same table by code unit, for the hot path of normalisation: 0 = unchanged. */
export const FOLD_CODES: Uint16Array = (() => {
  const a = new Uint16Array(0x10000);
  for (let i = 0; i < TRADITIONAL.length; i++) a[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);
  return a;
})();

/**
 * Folds traditional characters to their simplified forms, one for one (the length is unchanged).
 *
 * @example
 * foldScript('實施青少年科學素質提升行動'); // '实施青少年科学素质提升行动'
 */
export function foldScript(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}
