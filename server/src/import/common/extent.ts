// Where the report is among the blocks of an imported document. A web page saved as Word (or read
// as HTML) carries the site's header, menus, breadcrumbs and share buttons before the report, and
// 附件下载 / 扫一扫 / link lists / 版权所有 after it. The report is found by its text alone:
//
// - it contains the part headings (一、总体情况 … 六、其他需要报告的事项); without any, nothing is trimmed;
// - it starts at its title — a short line naming 政府信息公开…报告, the last one before the first part
//   heading — or, when there is none, at the prose paragraphs (the preamble) right before that heading;
// - when only page furniture (来源/时间, 微信 微博, 全真版, 文件下载…) separates the title from the body,
//   that furniture is dropped and the title kept;
// - it ends at the first footer line after the last part heading (附件下载, 扫一扫, 关闭, 上一篇, 相关链接,
//   友情链接, 版权所有, ICP备案…) — or right after a signature date line that comes before that footer line.
//
// Conservative: nothing before the report is dropped unless it shows a web page's furniture (a known
// word such as 首页 / 当前位置 / 来源, or a menu of short lines), nothing after it unless a footer line
// follows the last part. A few passes over the blocks, constant work per block.
import type { Block, SourceDocument } from './document';

export interface ReportExtent {
  /** Index of the report's first block after its title (inclusive) and of the block after its last one. */
  from: number;
  to: number;
  /**
   * The report's title, when found: one block, or two when the title is broken over two paragraphs
   * (平潭综合实验区2019年 / 政府信息公开工作年度报告). `last < from`; blocks between `last` and `from` are
   * page furniture (来源, 微信 微博, 文件下载…) that is not part of the report.
   */
  title?: { first: number; last: number };
}

/** Blocks looked at before the first part heading for a title. */
const TITLE_WINDOW = 40;
const MAX_TITLE = 60;
const MAX_CHROME = 60;
/** Short lines without punctuation before the report, as many as a site's menu has. */
const MAX_MENU_ITEM = 12;
const MIN_MENU_ITEMS = 6;

/** A part heading of the 2019 / 2021 layouts, and the usual wordings of older reports. */
const PART_HEADING =
  /^[一二三四五六七八][、.．](总体情况|概述|主动公开|依申请公开|收到和处理政府信息公开申请|政府信息公开行政复议|因政府信息公开申请|政府信息公开的收费|存在的主要问题|工作中存在的主要问题|其他需要报告)/;

/** Page furniture around a web page's headline (short lines only). */
const HEAD_CHROME =
  /^(来源|信息来源|文章来源|时间|发布时间|发布日期|更新时间|作者|编辑|责任编辑|浏览|阅读|点击|访问|字号|字体|【|\[|微信|微博|QQ|分享|打印|收藏|全真版|文字版|文件下载|附件下载|相关链接|索引号|信息索引号|发文机关|发布机构|发文字号|成文日期|主题分类|主题词|有效性|视力保护|大中小|我要纠错|当前位置|您的位置|您当前的位置|首页|网站首页|登录|注册|无障碍|长者模式|移动版|English|热门搜索|历史搜索|搜索)/;

/** Footer lines after the article (short lines only). */
const FOOTER =
  /^(附件下载|扫一扫|手机扫一扫|扫描二维码|用手机扫|分享到|分享：|打印本页|打印|关闭窗口|关闭|返回顶部|返回首页|上一篇|下一篇|相关链接|相关文件|相关阅读|相关新闻|相关解读|相关稿件|相关政策|文字解读|图片解读|视频解读|H5解读|友情链接|网站地图|联系我们|使用帮助|网站标识码|版权所有|主办单位|承办单位|技术支持|主办：|承办：|我要纠错|政府网站找错)/;

const FOOTER_ANYWHERE = /ICP备|公网安备|网站标识码/;

/** A signature date alone on its line: 2025年1月20日, 二〇二五年一月二十日, (2025年1月20日), 2025-01-20. */
const DATE_LINE =
  /^[（(]?(\d{4}年\d{1,2}月\d{1,2}日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-./]\d{1,2}[-./]\d{1,2})[）)]?$/;

function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

function paragraphText(block: Block): string | undefined {
  return block.type === 'paragraph' ? compact(block.text) : undefined;
}

function isPartHeading(t: string): boolean {
  return PART_HEADING.test(t);
}

/** A short line naming the report: …政府信息公开…报告… (not a breadcrumb like 政府信息公开年报, not prose). */
function isTitle(t: string): boolean {
  return (
    t.length <= MAX_TITLE &&
    t.includes('政府信息公开') &&
    t.includes('报告') &&
    !/[。；]/.test(t) &&
    !/^(根据|依据|按照|本报告|本年度|现|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(t)
  );
}

/** A title without its agency (it starts with the year or the subject) or without a year. */
function lacksHead(t: string): boolean {
  const year = /\d{4}|[〇零○一二三四五六七八九]{4}年/.test(t);
  return !year || /^(\d{4}|[〇零○一二三四五六七八九]{4})年度?政府信息公开/.test(t) || t.startsWith('政府信息公开');
}

/** The first line of a title broken over two paragraphs: 平潭综合实验区2019年, 昆明市人民政府. */
function isTitleHead(t: string): boolean {
  return t.length > 0 && t.length <= 40 && !/[。；，：]/.test(t) && !HEAD_CHROME.test(t) && !isFooterLine(t) && !isPartHeading(t);
}

/** A paragraph of report prose (sentences), as opposed to a menu item or a link. */
function isProse(t: string): boolean {
  return t.length >= 30 && /[。，；：]/.test(t);
}

function isHeadChrome(t: string): boolean {
  return t.length <= MAX_CHROME && HEAD_CHROME.test(t);
}

/** A line of a web page's footer: short, no sentence (关闭了3个账号，… is prose), a footer word first. */
export function isFooterLine(t: string): boolean {
  if (t.length === 0 || t.length > MAX_CHROME) return false;
  if (FOOTER_ANYWHERE.test(t)) return true;
  return !/[。，；]/.test(t) && FOOTER.test(t.replace(/^[【\[「]/, ''));
}

/** The report's extent among `blocks`; the whole range when no report structure is recognised. */
export function reportExtent(blocks: readonly Block[]): ReportExtent {
  const texts = blocks.map(paragraphText);
  let first = -1;
  let last = -1;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t !== undefined && isPartHeading(t)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { from: 0, to: blocks.length };

  // ---- title: the last title line before the first part heading ----
  let title: { first: number; last: number } | undefined;
  for (let i = first - 1; i >= 0 && i >= first - TITLE_WINDOW; i--) {
    const t = texts[i];
    if (t !== undefined && isTitle(t)) {
      title = { first: i, last: i };
      break;
    }
  }
  if (title && lacksHead(texts[title.last]!)) {
    // Its first line (agency, year) may be the paragraph before.
    for (let i = title.last - 1; i >= 0 && i >= title.last - 3; i--) {
      const t = texts[i];
      if (t === undefined) break;
      if (t === '') continue;
      if (isTitleHead(t)) title.first = i;
      break;
    }
  }

  // ---- body: the prose paragraphs (preamble) right before the first part heading ----
  let body = first;
  const floor = title ? title.last : -1;
  for (let i = first - 1; i > floor; i--) {
    const t = texts[i];
    if (t === undefined) break;
    if (t === '') continue;
    if (!isProse(t)) break;
    body = i;
  }

  // ---- start ----
  let from: number;
  if (title) {
    // Between the title and the body: page furniture only (dropped), or anything else (kept).
    let onlyChrome = true;
    for (let i = title.last + 1; i < body && onlyChrome; i++) {
      const t = texts[i];
      onlyChrome = t !== undefined && (t === '' || isHeadChrome(t));
    }
    from = onlyChrome ? body : title.last + 1;
  } else {
    from = body;
  }
  // What precedes the report is only dropped when it shows a web page's furniture.
  const headEnd = title ? title.first : from;
  let evidence = false;
  let menuItems = 0;
  for (let i = 0; i < headEnd && !evidence; i++) {
    const t = texts[i];
    if (t === undefined) continue;
    if (t.length > 0 && t.length <= MAX_MENU_ITEM && !/[。，；：]/.test(t)) menuItems++;
    evidence = isHeadChrome(t) || isFooterLine(t) || menuItems >= MIN_MENU_ITEMS;
  }
  if (headEnd > 0 && !evidence) {
    title = undefined;
    from = 0;
  }

  // ---- end: at the first footer line after the last part, or right after a signature date before it ----
  let to = blocks.length;
  let date = -1;
  for (let i = last + 1; i < texts.length; i++) {
    const t = texts[i];
    if (t === undefined) continue;
    if (date < 0 && DATE_LINE.test(t)) date = i;
    if (isFooterLine(t)) {
      to = date >= 0 ? date + 1 : i;
      break;
    }
  }
  return title ? { from, to, title } : { from, to };
}

/** The report's blocks: its title (one paragraph, even when written as two) and the blocks of the extent. */
export function extentBlocks(blocks: readonly Block[], extent: ReportExtent): Block[] {
  const body = blocks.slice(extent.from, extent.to);
  const t = extent.title;
  if (!t) return body;
  const head = blocks[t.first];
  if (t.first === t.last || head.type !== 'paragraph') return [...blocks.slice(t.first, t.last + 1), ...body];
  // The lines of a title are written on: 平潭综合实验区2019年 + 政府信息公开工作年度报告.
  let text = '';
  for (let i = t.first; i <= t.last; i++) {
    const b = blocks[i];
    if (b.type === 'paragraph') text += b.text.trim();
  }
  return [{ type: 'paragraph', text, source: head.source }, ...body];
}

/**
 * The document trimmed to its report (see reportExtent); the document itself when nothing is left out.
 * Nothing is said of what was left out, as for a web page (html/locate.ts): a page's menus and footer
 * around a report that was found are no news to the user, and a note on every such file read as a fault.
 */
export function trimToReport(doc: SourceDocument): SourceDocument {
  const extent = reportExtent(doc.blocks);
  const head = extent.title?.first ?? extent.from;
  const between = extent.title ? extent.from - extent.title.last - 1 : 0;
  const outside = head + between + doc.blocks.length - extent.to;
  if (outside === 0 && !(extent.title && extent.title.first !== extent.title.last)) return doc;
  return { ...doc, blocks: extentBlocks(doc.blocks, extent) };
}
