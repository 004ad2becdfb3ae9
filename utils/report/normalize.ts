/**
 * Text normalization for matching: full-width → half-width, traditional → simplified,
 * whitespace removed. Used on labels and prose before any comparison; what the user sees is
 * always the page's own text.
 */

// Traditional characters that occur in report labels and prose, with their simplified forms
// (same position in both strings). Hand-collected; extend when a report shows a miss.
// tests/unit/traditional.test.ts holds every pair to OpenCC (a maintained converter): a
// character that simplified Chinese also writes (著 in 显著, 覆 in 覆盖, 瞭望, 甦醒) must not
// be here, or simplified text would be rewritten and taken for traditional.
export const TRADITIONAL = '開處請數據關係為於項與結轉辦資訊況務復複議訴訟審維護糾聯機構業會織總計屬國規範點單發報條責權當無現製補確認獲訪舉費徵繳納罰強許執詢內過穩險經濟營長問題進應該個們這來對從後還動態區縣鎮鄉廳衛醫療學實際圍環設備網絡頁種類別決導領組員職體統說準標檔號書記錄庫證諮歷曆臺檢傳電話萬億減額價採購買賣專欄門戶廣東車馬級積極歸參興舊齊產財貨幣貴陝寧遼龍雲蘇滬漢縱橫雙廠廢園場嚴讓謝識講評論試詳諾誤調謀諸謂讀變邊遠適選遞運達違遺邏鄭鄰鋪錯鍵鐵閉閒間閱闡陽陰陳隊階隱隨雖雜離難靈響順預頒頻顧顯風飛館養驗髮鬥鳳麼黨齡尋將屆層歲兒兩倉側偵債傷儲優殺幹彈徹惡愛慶憲懷戰擔擊擴攝敵斷時晉曉暫樣樓氣溝滅漸災煙熱燈爭狀獨獻畫異盡監盤眾礎禮禦稅窮競筆節築簡簽糧紀約紛紙線細終給絕綜綠緊編緣縮績續習聲聽脈腦臨艱藥蘭術衝裝襲視覺觀訂討診貢貼賴贊趨跡躍軍輔輕較載農連週釋針鈴銀銷鎖閣陸雞頂須頭顏飯驅骯鬧魯鹽麥齒勵勞勢協卻厲叢啟嗎噸團圖圓壓壞壯壽奪奮婦媽孫寫寬寶峽島幫徑慮憶懸戲拋挾捨掃掛揚換損搖搶攜擁擇擬擺攤敘斂暢曬朧棄棟樂樸橋歐歡殘毀淨淺渾測湧滿漁潔潛澤濃濕瀏灣爐牆獎瑪癒碼禍稱穀窩筍籌籃紅紐純紡絲綱緩繫纖罷義聖聞肅膠膽艙莊葉蓋蘋蟲衆裡襯見覽託訓詞誌誕語誠課誰談諒諧謊謹譯譽讚貞負貧販貫貸貿賀賊賓賞賠賢質賽贈趕蹤軌軟軸輛輪輸辭遲遷鄒醞釀鈔鉛銅鋼錢鍋鏡鐘閃閥闊陣隸雛霧靜韓頓頗頸顆願顛飄飽餅餘騎騙驚髒鬆魚鮮鳥鴨鵝鷹麗齋龜峯佈偽傑僅劃劇劍勁勝勳匯卹厭吳呂喪喬嘆噴嚇嚮囑堅堯塊塵墊墳壇壘壩夢夾奧妝姦婁嬰孃寵尷屍屜嶺巔巖帥師帳帶幀幾廁廂廈廚廟廬彎彙愜慘慣憐懇懶戀戔捲掄揀擋擠擾攏敗斬昇暈曇朮棲椏楊楓榮槍樁樞樹橢櫃歎氫氾沒洶浹涇涼淚淪渙湯溫滄滯滲漲漿潑澀澆濾瀉瀋灑灘烏煉煩爺牽犧狹猶獄獅瑣瓊甕畝畢瘋癡盜盞盧睜礙祿禪禿稟穎窪窺竄竊箋篩簾籤籲糞糰紋紗紹絃絨綁綏綢綫緒締緯縫縷繃繞繩繪纏罈羅翹聳脅脫脹腎膚膩臉臟艦艷茲莖荊莢華萵蓮蔣蔥蕭薦薩藍藝蘆蘊虛虜虧蝦螢蠅蠟蠶衊裊褲襖覓觸訃訝訣詐詔詛詠詣詩詫詭詮誇誘誡誦諜諦諫謁謄謎謙謠譁譏譜譴讒讖豈豎豐貓貝貪貶貽賄賦賬賭賺賻贅贍贏贓趙踐蹟躉軀軒軔輒輝輩輯輿轄轍轎辮辯迴逕遊遙遜邁邐郵鄧醜醬釁釐鉤鉸銘鋒鋤鋸錦錨鍊鍛鎊鏈鏟鐲鑄鑑鑒鑼鑽閏閑閩閻闆闖闢陘陞隴雋霽靂靚韌韻頃頌頑頜頰頹顫顱飆飢飪飼飾餃餓餵饅饑饒駁駐駕駛駭騰騷驕驟驢鬍鬱魘鯉鯨鳴鴻鵬鶴鹵麵黃黴齣龐並佔併倆倖傘僞兇冊凈凜凱剛剝劉勻匱咼唄啞喚嗚嘩嘯噁囂圇堊塗墜壙奐奬媧嫻嬌嬤孌孿寢屨岡峴崗嵐嶄巒巹廄彌彥徠恆悅悵惱惲愷慟慪慾憂憑憤懟懨戧戩扞挩捫掙揮搗摟摯撈撐撓撥撫撲撻擄擰擲擻攔攙攬攪斃斕暉曄曖梟棖棧楨榿槳樑樺橈檉檯櫓櫻欒歟殤殼氈汙沖洩淒渦湊溈滷滸漚潰潤澇濁濱瀝瀟灕煒熒燉燙燭爍爛牘犢猻獁獵獷琺璽瓏疊瘡瘧皚盃盪睏瞞矯礦祕禎稈稜穌窯竅筧箏篋簍簫籠籬粵紂紉紓紘紜紮絀紳絆絳綉綑綴綵綸綺綻緋緘緙緝緞練緬緲縊縐縛縝縞縲繅繆繒繡繭繹纈纓纜缽罌羈羥翬耬聰聵腫膃膾臏臘臠艤芻苧莧萊蒔蓽蔔蔞蕁蕓蕢蕪薈薑藎藪藹蘀蘄蘚蘢則償夠濫張繼註爲裏麪懲';
export const SIMPLIFIED = '开处请数据关系为于项与结转办资讯况务复复议诉讼审维护纠联机构业会织总计属国规范点单发报条责权当无现制补确认获访举费征缴纳罚强许执询内过稳险经济营长问题进应该个们这来对从后还动态区县镇乡厅卫医疗学实际围环设备网络页种类别决导领组员职体统说准标档号书记录库证咨历历台检传电话万亿减额价采购买卖专栏门户广东车马级积极归参兴旧齐产财货币贵陕宁辽龙云苏沪汉纵横双厂废园场严让谢识讲评论试详诺误调谋诸谓读变边远适选递运达违遗逻郑邻铺错键铁闭闲间阅阐阳阴陈队阶隐随虽杂离难灵响顺预颁频顾显风飞馆养验发斗凤么党龄寻将届层岁儿两仓侧侦债伤储优杀干弹彻恶爱庆宪怀战担击扩摄敌断时晋晓暂样楼气沟灭渐灾烟热灯争状独献画异尽监盘众础礼御税穷竞笔节筑简签粮纪约纷纸线细终给绝综绿紧编缘缩绩续习声听脉脑临艰药兰术冲装袭视觉观订讨诊贡贴赖赞趋迹跃军辅轻较载农连周释针铃银销锁阁陆鸡顶须头颜饭驱肮闹鲁盐麦齿励劳势协却厉丛启吗吨团图圆压坏壮寿夺奋妇妈孙写宽宝峡岛帮径虑忆悬戏抛挟舍扫挂扬换损摇抢携拥择拟摆摊叙敛畅晒胧弃栋乐朴桥欧欢残毁净浅浑测涌满渔洁潜泽浓湿浏湾炉墙奖玛愈码祸称谷窝笋筹篮红纽纯纺丝纲缓系纤罢义圣闻肃胶胆舱庄叶盖苹虫众里衬见览托训词志诞语诚课谁谈谅谐谎谨译誉赞贞负贫贩贯贷贸贺贼宾赏赔贤质赛赠赶踪轨软轴辆轮输辞迟迁邹酝酿钞铅铜钢钱锅镜钟闪阀阔阵隶雏雾静韩顿颇颈颗愿颠飘饱饼余骑骗惊脏松鱼鲜鸟鸭鹅鹰丽斋龟峰布伪杰仅划剧剑劲胜勋汇恤厌吴吕丧乔叹喷吓向嘱坚尧块尘垫坟坛垒坝梦夹奥妆奸娄婴娘宠尴尸屉岭巅岩帅师帐带帧几厕厢厦厨庙庐弯汇惬惨惯怜恳懒恋戋卷抡拣挡挤扰拢败斩升晕昙术栖桠杨枫荣枪桩枢树椭柜叹氢泛没汹浃泾凉泪沦涣汤温沧滞渗涨浆泼涩浇滤泻沈洒滩乌炼烦爷牵牺狭犹狱狮琐琼瓮亩毕疯痴盗盏卢睁碍禄禅秃禀颖洼窥窜窃笺筛帘签吁粪团纹纱绍弦绒绑绥绸线绪缔纬缝缕绷绕绳绘缠坛罗翘耸胁脱胀肾肤腻脸脏舰艳兹茎荆荚华莴莲蒋葱萧荐萨蓝艺芦蕴虚虏亏虾萤蝇蜡蚕蔑袅裤袄觅触讣讶诀诈诏诅咏诣诗诧诡诠夸诱诫诵谍谛谏谒誊谜谦谣哗讥谱谴谗谶岂竖丰猫贝贪贬贻贿赋账赌赚赙赘赡赢赃赵践迹趸躯轩轫辄辉辈辑舆辖辙轿辫辩回径游遥逊迈逦邮邓丑酱衅厘钩铰铭锋锄锯锦锚炼锻镑链铲镯铸鉴鉴锣钻闰闲闽阎板闯辟陉升陇隽霁雳靓韧韵顷颂顽颌颊颓颤颅飙饥饪饲饰饺饿喂馒饥饶驳驻驾驶骇腾骚骄骤驴胡郁魇鲤鲸鸣鸿鹏鹤卤面黄霉出庞并占并俩幸伞伪凶册净凛凯刚剥刘匀匮呙呗哑唤呜哗啸恶嚣囵垩涂坠圹奂奖娲娴娇嬷娈孪寝屦冈岘岗岚崭峦卺厩弥彦徕恒悦怅恼恽恺恸怄欲忧凭愤怼恹戗戬捍捝扪挣挥捣搂挚捞撑挠拨抚扑挞掳拧掷擞拦搀揽搅毙斓晖晔暧枭枨栈桢桤桨梁桦桡柽台橹樱栾欤殇壳毡污冲泄凄涡凑沩卤浒沤溃润涝浊滨沥潇漓炜荧炖烫烛烁烂牍犊狲犸猎犷珐玺珑叠疮疟皑杯荡困瞒矫矿秘祯秆棱稣窑窍笕筝箧篓箫笼篱粤纣纫纾纮纭扎绌绅绊绛绣捆缀彩纶绮绽绯缄缂缉缎练缅缈缢绉缚缜缟缧缫缪缯绣茧绎缬缨缆钵罂羁羟翚耧聪聩肿腽脍膑腊脔舣刍苎苋莱莳荜卜蒌荨芸蒉芜荟姜荩薮蔼萚蕲藓茏则偿够滥张继注为里面惩';

let t2s: Map<string, string> | undefined;
let traditionalChar: RegExp | undefined;
/** 1 for each code unit in TRADITIONAL (all of them are in the BMP). */
let traditionalUnit: Uint8Array | undefined;
function traditionalMap(): Map<string, string> {
  if (!t2s) {
    const map = new Map<string, string>();
    const t = Array.from(TRADITIONAL);
    const s = Array.from(SIMPLIFIED);
    for (let i = 0; i < t.length; i++) map.set(t[i], s[i]);
    traditionalChar = new RegExp(`[${TRADITIONAL}]`, 'g');
    const units = new Uint8Array(0x10000);
    for (let i = 0; i < TRADITIONAL.length; i++) units[TRADITIONAL.charCodeAt(i)] = 1;
    traditionalUnit = units;
    t2s = map;
  }
  return t2s;
}

/** Full-width ASCII (０-９, Ａ-Ｚ, （）, ，…) and the ideographic space → half-width. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Traditional → simplified, character by character, for matching only. */
export function toSimplified(text: string): string {
  const map = traditionalMap();
  return text.replace(traditionalChar!, (ch) => map.get(ch) ?? ch);
}

/** True when the text holds several traditional-only characters (e.g. 開, 數, 請). */
export function looksTraditional(text: string): boolean {
  traditionalMap();
  const units = traditionalUnit!;
  let hits = 0;
  // The first 4000 code units, counted until five.
  for (let i = 0, end = Math.min(text.length, 4000); i < end && hits < 5; i++) hits += units[text.charCodeAt(i)];
  return hits >= 5;
}

/** All kinds of whitespace, including &nbsp; and zero-width characters. */
export const WHITESPACE = /[\s\u00a0\u200b-\u200d\ufeff]+/g;
/** The code units WHITESPACE matches, one by one (for a scan without a regular expression; tests hold the two equal). */
export const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff';

/** Collapse runs of whitespace to one space and trim: for display of page text. */
export function cleanText(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** Pinyin a mirror site put after each traditional character: 主動(dòng)公開. */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;
/** Only after a Chinese character (a lookbehind in PINYIN would slow every normalize down). */
const afterHanzi = (text: string, at: number) => at > 0 && text.charCodeAt(at - 1) >= 0x4e00 && text.charCodeAt(at - 1) <= 0x9fff;
const dropPinyin = (text: string) => (text.includes('(') ? text.replace(PINYIN, (m, at: number, all: string) => (afterHanzi(all, at) ? '' : m)) : text);

/** The variants the matching form unifies, one character for one. */
const unifyMarks = (text: string) =>
  text
    .replace(/[“”„‟"「」『』]/g, '"')
    .replace(/[．]/g, '.')
    .replace(/[〔【]/g, '[')
    .replace(/[〕】]/g, ']');

/**
 * What normalize() makes of each UTF-16 code unit, pinyin aside: toHalfWidth, toSimplified,
 * WHITESPACE and unifyMarks are each one character for one (or none), so their composition is
 * a table. DROPPED: the unit is removed (whitespace). Built on first use and assigned whole;
 * tests/unit/normalize.test.ts holds every entry to the four functions it stands for.
 */
const DROPPED = -1;
let unitTable: Int32Array | undefined;
function normalizeTable(): Int32Array {
  if (unitTable) return unitTable;
  const table = new Int32Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  const t = traditionalMap();
  for (const [from, to] of t) table[from.charCodeAt(0)] = to.charCodeAt(0);
  // Every code unit WHITESPACE matches: \s (Unicode's spaces and line ends), nbsp, zero-widths; U+3000 too.
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) table[c] = DROPPED;
  for (let c = 0x2000; c <= 0x200d; c++) table[c] = DROPPED;
  for (const ch of '“”„‟"「」『』') table[ch.charCodeAt(0)] = 0x22;
  table[0xff0e] = 0x2e;
  table[0x3014] = table[0x3010] = 0x5b;
  table[0x3015] = table[0x3011] = 0x5d;
  return (unitTable = table);
}

/**
 * Matching forms of short texts already seen (labels and cells recur on every page and in
 * every table reading): normalize is pure, so a repeat is a look-up. Bounded; emptied when full.
 */
const seen = new Map<string, string>();
const SEEN_MAX_LENGTH = 200;
const SEEN_MAX_ENTRIES = 8192;

/**
 * The matching form of a text: half-width, simplified, no whitespace, no mirror pinyin, with
 * the usual variants unified (、．。 after an ordinal, curly quotes, 「」). One pass over the
 * text with normalizeTable; the same as
 * unifyMarks(dropPinyin(toSimplified(toHalfWidth(text)).replace(WHITESPACE, ''))),
 * since none of the marks unified is a character the pinyin pattern looks at.
 */
export function normalize(text: string): string {
  const short = text.length <= SEEN_MAX_LENGTH;
  if (short) {
    const known = seen.get(text);
    if (known !== undefined) return known;
  }
  const table = unitTable ?? normalizeTable();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const to = table[c];
    if (to === c) continue;
    if (from < i) out += text.slice(from, i);
    if (to !== DROPPED) out += String.fromCharCode(to);
    from = i + 1;
  }
  const result = dropPinyin(from === 0 ? text : from < text.length ? out + text.slice(from) : out);
  if (short) {
    if (seen.size >= SEEN_MAX_ENTRIES) seen.clear();
    seen.set(text, result);
  }
  return result;
}

/**
 * normalize() with, for each character of the result, its index in `text`: to find a label in
 * the matching form and cut the page's own text at it (a report on one line).
 */
export function normalizeWithMap(text: string): { norm: string; at: number[] } {
  const s = toSimplified(toHalfWidth(text));
  let kept = '';
  const at: number[] = [];
  const space = new RegExp(`^${WHITESPACE.source}$`);
  for (let i = 0; i < s.length; i++) {
    if (space.test(s[i])) continue;
    kept += s[i];
    at.push(i);
  }
  // Drop the pinyin spans from both.
  let norm = '';
  const map: number[] = [];
  let from = 0;
  for (const m of kept.matchAll(PINYIN)) {
    if (!afterHanzi(kept, m.index)) continue;
    norm += kept.slice(from, m.index);
    map.push(...at.slice(from, m.index));
    from = m.index + m[0].length;
  }
  norm += kept.slice(from);
  map.push(...at.slice(from));
  return { norm: unifyMarks(norm), at: map };
}

/**
 * normalize(), but only as far as matching `words` (already in matching form) needs:
 * whitespace removed, and only the traditional and full-width forms of the characters those
 * words use mapped. One small character class instead of the whole traditional table, so the
 * content script's test on every gov.cn page stays far below a millisecond.
 */
export function normalizerFor(words: string[]): (text: string) => string {
  return normalizerWith(matchingMap(words));
}

/**
 * A matchingMap written as one string of pairs (other form, its matching form), as the content
 * scripts ship it (made in advance, so that they need not carry the traditional table), and back.
 */
export const mapToPairs = (map: Map<string, string>): string => [...map].map(([other, matching]) => other + matching).join('');
export function mapFromPairs(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i], pairs[i + 1]);
  return map;
}

/** For normalizerFor: the traditional and full-width forms of the characters `words` use, each to its matching form. */
export function matchingMap(words: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const ch of new Set(words.join(''))) {
    for (let i = SIMPLIFIED.indexOf(ch); i >= 0; i = SIMPLIFIED.indexOf(ch, i + 1)) map.set(TRADITIONAL[i], ch);
    const code = ch.charCodeAt(0);
    if (code > 0x20 && code < 0x7f) map.set(String.fromCharCode(code + 0xfee0), ch);
  }
  return map;
}

/**
 * The normalizer of a map made by matchingMap: whitespace removed, each key replaced by its
 * value. Needs none of the traditional table, so the detector can ship a map made at build
 * time (utils/report/quickCheck.ts) instead of the table.
 */
export function normalizerWith(map: Map<string, string>): (text: string) => string {
  // Two native passes, no callback per whitespace run: on the detector's first (and often
  // only) call, a callback per match or a loop over the text runs cold in the interpreter and
  // cost about a millisecond on every gov.cn page. Most pages hold none of the mapped
  // characters (traditional, full-width), so the second pass rarely runs.
  const escape = (c: string) => (c === '\\' || c === ']' || c === '^' || c === '-' ? `\\${c}` : c);
  const keys = `[${[...map.keys()].map(escape).join('')}]`;
  const any = new RegExp(keys);
  const each = new RegExp(keys, 'g');
  return (text) => {
    const bare = text.replace(WHITESPACE, '');
    return map.size && any.test(bare) ? bare.replace(each, (m) => map.get(m)!) : bare;
  };
}
