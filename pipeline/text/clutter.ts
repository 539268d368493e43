/**
 * Web-page chrome that survives copying a page as text: breadcrumbs, bylines, share bars, editor
 * lines, "related articles" lists and app promotions. Rules describe how CMS pages are built, not
 * any one site. Dates in bylines are read before the line is dropped.
 */

const MASTHEAD = /^[^\s，。；\d]{2,16}\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s*\d{1,2}:\d{2}(:\d{2})?)?(\s*[^\s，。\d]{1,4})?$/;

/** An e-paper's page: "第一版", "02版", "A3版" (in "（下转02版）", "（上接第一版）"). */
export const EPAPER_PAGE = '第?\\s*[A-Z]?[\\d一二三四五六七八九十]{1,3}\\s*版';

/** A date, perhaps a time, then the source or author's label: the byline of a portal's article. */
export const DATE_AND_SOURCE = '((?:19|20)\\d{2}[年\\-/.]\\d{1,2}[月\\-/.]\\d{1,2}日?)(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?:来源|作者|编辑|发布者)\\s*[:：]';

const REPORTER = new RegExp(
  [
    /^(本报|本台|本刊)?(记者|通讯员|特约记者)\s*[\u4e00-\u9fff]{2,4}((\s|、|，)+((记者|通讯员)\s*)?[\u4e00-\u9fff]{2,4})*(\s*[/／]\s*[^\s/／]{2,12})?$/.source,
    // …or named by the paper, its reporters' names perhaps run together: "法治日报全媒体记者孙立昊洋马金顺".
    // (Names, not a headline that goes on: "新华社记者专访省人大代表".)
    /^[\u4e00-\u9fff]{2,8}(日报|晚报|报|社|台|网)(全媒体|融媒体)?(记者|通讯员)(?![^\n]*(人大|代表|常委|会议|访|调研|视察))\s*[\u4e00-\u9fff]{2,9}((\s|、|，)+[\u4e00-\u9fff]{2,4})*$/.source,
  ].join('|'),
);

export const isReporterLine = (line: string): boolean => REPORTER.test(line.trim());

const LINE_RULES: RegExp[] = [
  /^(首页|当前位置|您的位置|你的位置|所在位置|位置)\s*[:：]?\s*[>＞»›]/, // breadcrumb
  /^(当前位置|您的位置|你的位置|您现在的位置|您的当前位置|你的当前位置|您当前所在的位置|您当前的位置|当前所在位置)[:：]/,
  // A content farm's reading-time line: "本篇文章461字,读完约1分钟".
  /^本篇文章\s*\d+\s*字[，,]?\s*读完约\s*\d+\s*分钟$/,
  // Government portals' accessibility switches and an image's file name left as a line.
  /^(进入|退出)?(老年|长者|关怀|适老)(模式|版)$|^无障碍(阅读|浏览|模式)?$/,
  /^[^\s/，。]{1,40}\.(jpe?g|png|gif|webp)$/i,
  /^(首页|主页)\s*(>|＞|»|›|\/)/,
  // A site's menu bar: "首 页 机构设置 工作动态 审议意见 代表工作 …".
  /^首\s?页(\s+[^\s，。；]{2,8}){3,}$/,
  // A gazette's table of contents: a document's title and its page ("…关于朱野任职的决定 5", "…会议议程（5）").
  // (Not a bill of a plan's table flattened to a line, "某某市电梯安全条例 6": no law's name, and no entry's verb.)
  /^(?!审议|听取|审查|表决|制定|修订)[^。，；,\s]{6,80}(决定|决议|议案|报告|纪要|议程|日程|公告|意见|名单|说明)[》）)]?\s*([（(]\d{1,3}[）)]|\s?\d{1,3})$/,
  // A portal's top links: "设为首页 | 加入收藏".
  /^(设为首页|加入收藏|收藏本站|联系我们|网站地图)(\s*[|｜]\s*(设为首页|加入收藏|收藏本站|联系我们|网站地图))*$/,
  // A breadcrumb broken after its first link: "> 绍兴动态 > 热点专题 > 工作报告".
  /^[>＞»›]\s*[^>＞»›。，\n]{1,16}(\s*[>＞»›]\s*[^>＞»›。，\n]{1,16})+$/,
  // …or printed without its first arrow: "湖南人大网>市县人大>郴州>工作动态>正文".
  /^[^>＞»›。，\n]{1,16}(\s*[>＞»›]\s*[^>＞»›。，\n]{1,16}){2,}$/,
  // (Some portals bracket it: "(信息时间:2019-09-20)  点击量:".)
  /^[（(]?(时间|日期|信息时间|发布时间|发布日期|发表时间|更新时间|刊发日期|刊发时间|发稿时间|来源|信息来源|文章来源|稿件来源|作者|撰稿|供稿|编辑|责任编辑|责编|审核|审校|校对|编校|终审|监制|字体|字号|浏览次数|点击数|阅读|访问量|分享到|分享)[:：]/,
  // A notice's mailbox line, like its telephone line below: "QQ邮箱：…", "电子邮箱：…@…".
  /^(QQ|qq)?(电子)?(邮箱|信箱|邮件)[:：]\s*\S+@\S+$/,
  /^(分享到|打印本页|关闭窗口|返回顶部|扫一扫|扫描到手机|手机扫码|扫码阅读|(更加)?方便分享给朋友|【\s*(打印|关闭|字体|大|中|小|收藏))/,
  /^【?\s*(大|中|小)\s*】?\s*【?\s*(大|中|小)\s*】?$/,
  /(版权所有|ICP备|ICP证|公网安备|技术支持[:：]|主办单位[:：]|承办单位[:：]|网站标识码)/,
  // A contact line ("联系人：某某，联系电话：…。"); not a paragraph of the body that tells readers how to
  // reach the office among other things ("…告知县人大常委会办公室（联系电话：…）。请写明…。"): that one
  // runs to more than one sentence.
  /^(?!.*[。！？].*[。！？]$).*联系电话[:：]/,
  // A call's deadline and contact block: "截止日期：2021年8月10日", "联系方式：…", "联系 人 ：…".
  /^(截止日期|截止时间|联系方式|联\s*系\s*人)\s*[:：]/,
  // E-paper page heads: "天津日报/2025年/1月/13日/第002版要闻", "2024年05月28日 第A03版".
  /^[^\s/]{0,12}报?\s*\/?\s*\d{4}年\s*\/?\s*\d{1,2}月\s*\/?\s*\d{1,2}日\s*\/?\s*第\s*[A-Z]?\d{1,3}\s*版/,
  /^第\s*[A-Z]?\d{1,3}\s*版[:：]?/,
  // An e-paper's page head: "03版:综合总第1083期 >2024-12-25编印".
  /^[A-Z]?\d{1,3}\s*版\s*[:：][^。，]{0,30}(总第\s*\d+\s*期|编印|出版)/,
  // …and its page label and masthead: "a0002版:城事", "温岭日报 数字报纸", a column kicker "某某开发区 〉〉".
  /^[A-Za-z]?\d{1,4}\s*版\s*[:：]\s*[\u4e00-\u9fff]{1,6}$/,
  /^[^\s，。]{2,12}(日报|晚报|时报|报)\s*(数字报纸|数字报|电子版|电子报)$/,
  // An e-paper reader's buttons over the page: "通版阅读请点击：", "展开通版", "当前版：01版", "上一版".
  /^(通版阅读(请点击)?|展开通版|收缩通版|版面导航|本版导航|上一版|下一版)\s*[:：]?$|^当前版\s*[:：]\s*[A-Z]?\d{1,3}\s*版$/,
  /^[^，。]{1,20}\s*(〉〉|>>|》》)$/,
  // A content farm's keyword line: four or more short phrases joined by "-" that name no congress,
  // meeting or site ("国产…-激情…-…"); a page title "市人大常委会召开…-某某网" names one.
  /^(?![^\n]*(人大|常委|代表|会议|政府|委员会|新闻|网|报))[^。，,；\s\d-]{2,24}(\s*-\s*[^。，,；\s\d-]{2,24}){3,}$/,
  // A photo's caption and credit: "新闻发布会现场。某某网 某某摄", "图为检查组在现场查看（记者 某某 摄）".
  /^[^，,；;]{0,50}[\s。（(]\s*(?:[^\s。（(]{1,8}\s*)?(?:记者|通讯员)?\s*[\u4e00-\u9fff]{2,4}\s*(?<!拍)摄\s*[)）]?$/,
  // A photo's caption naming who stands where: "某某（右二）与某某代表（左一）在某地调研" (no sentence ends it).
  /^(?=[^。！？]{4,100}$)[^。；;]*[（(](前排|后排)?[左右中][一二三四五六七]?[）)][^。；;]*$/,
  // A date and the source after it: "2026年01月22日 来源:上海普陀", "2024-05-11 09:30 作者：某某".
  new RegExp(`^${DATE_AND_SOURCE}`),
  // A forum's edit note: "本帖最后由某某于2021-1-19 21:20 编辑".
  /^本帖最后由.{1,40}于.{4,30}编辑/,
  // A share bar left as a line: "—分享—".
  /^[—\-－]*\s*(分享|分享到)\s*[—\-－]*$/,
  // A reporter's byline on its own line: "本报记者 张立平", "记者 王某 通讯员 李某", "记者王某/某某快报".
  REPORTER,
  // A masthead line: source, ISO date and time, and perhaps a font button ("绵阳晚报 2018-04-11 09:10 大字").
  MASTHEAD,
  // A copy's note of where it came from: "Original URL: http://…", "原文链接：…".
  /^(Original URL|Source URL|原文链接|原文地址|本文链接)\s*[:：]/i,
  // A site's address alone on a line ("rd.example.gov.cn", "https://www.example.cn/").
  /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+){2,}(\/\S*)?$/i,
  // Page buttons and leftovers of markup: "正文复制", "![]()", a lone "|".
  /^(正文)?复制(链接|本文)?$|^!\[[^\]]*\][（(][^）)]*[）)]\|?$|^[|｜\s]+$/,
];

/** A heading after which the rest of the page is links and promotions. */
const TAIL_START = /^(相关稿件|相关新闻|相关文章|相关链接|相关阅读|相关报道|延伸阅读|推荐阅读|热点新闻|热门文章|上一篇|下一篇|上一条|下一条)\s*[:：]?/;

export function isClutterLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  // A portal's sidebar and menus bullet their links ("•当前位置：首页>…", "•新思想"): the bullet is the menu's,
  // and a bulleted word or two is a link. (Official texts number their entries; they do not bullet them.)
  const unbulleted = t.replace(BULLET, '');
  if (unbulleted !== t && BULLETED_LINK.test(unbulleted)) return true;
  return LINE_RULES.some((re) => re.test(unbulleted)) || isBylineCombination(unbulleted);
}
const BULLET = /^•\s*/;
// (A plan's bulleted month or field, "•三月份", "•监督工作", is a heading.)
const BULLETED_LINK = /^(?![^，,。；;：:]*(月|工作|季度))[^，,。；;：:]{1,12}$/;

/** "作者:… 文章来源:… 发布时间:…" on one line, whatever comes first. */
function isBylineCombination(t: string): boolean {
  const labels = t.match(/(来源|作者|发布时间|发布日期|时间|日期|编辑|字体|浏览|版次|阅读次数|点击数|语音阅读)[:：]/g);
  return !!labels && labels.length >= 2 && t.length < 160;
}

export function isTailStart(line: string): boolean {
  return TAIL_START.test(line.trim());
}

/** An ISO date from a byline such as "时间:2025-02-26" or "发布时间:2021-11-11 15:25:21". */
export function bylineDate(line: string): string | null {
  // A call's deadline ("截止日期：2021年8月10日") is no publication date.
  if (/^\s*(截止|报送|提交)/.test(line)) return null;
  // "作者:2023年02月10日" on an e-paper's 版次 line: a byline's full date is its publication date too.
  if (!/(时间|日期|版次|作者|来源|发布)[:：]|第\s*[A-Z]?\d{1,3}\s*版/.test(line) && !MASTHEAD.test(line.trim())) return null;
  return isoDate(line);
}

/** How many days a month has (a lenient Date would roll "02-30" into March). */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function isoDate(s: string): string | null {
  // "2025-01-13", "2025年1月13日", and e-paper heads' "2025年/1月/13日".
  const m = /(\d{4})\s*(?:[-/.]|年\s*\/?)\s*(\d{1,2})\s*(?:[-/.]|月\s*\/?)\s*(\d{1,2})/.exec(s);
  // Day first, as some mirror sites print it: "30.10.2018".
  const dayFirst = m ? null : /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(s);
  if (!m && !dayFirst) return null;
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(dayFirst![3]), Number(dayFirst![2]), Number(dayFirst![1])];
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
