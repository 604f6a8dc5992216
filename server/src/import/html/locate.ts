// Where the report sits in a saved web page. Structural, not by a CMS's class names:
//  1. markers: the report's part headings (一、总体情况 … 六、其他需要报告的事项, not inside links) and
//     its data tables (申请人情况, 第二十条, 行政复议 …);
//  2. the container: the smallest element holding every marker (their lowest common ancestor). With
//     too few markers (not a standard report), the element with the most non-link text less its link
//     text (menus and footers are mostly links, so they fall outside);
//  3. site chrome left at the container's edges (print / share / 扫一扫 / 附件下载 lines, link lists,
//     the 索引号 metadata table) is trimmed;
//  4. the title: kept when the container starts with it, else the nearest title-like line above the
//     container (a separate `<h1>` or title `<div>`), else the page's `<title>`.
import type { Block, ImportText } from '../common/document';
import type { NodeInfo, RawBlock } from './extract';

const HEADING = /^[一二三四五六][\s]*[、.．，,][\s]*/;
const HEADING_WORDS = /总体情况|概述|主动公开|收到和处理|依申请|行政复议|行政诉讼|存在的主要问题|改进情况|整改|其他需要报告|其他事项/;
const TABLE_WORDS = /申请人情况|本年新收|第二十条|行政复议|行政诉讼|本年新?制作|信息内容|予以公开|不予公开/;
/** A title-like line: names the 政府信息公开 annual report. */
const TITLE = /政府信息公开.{0,8}(报告|年报)/;
/** …and names a year too. */
const TITLE_WITH_YEAR = /(?:19|20)\d{2}\s*年.{0,40}政府信息公开.{0,8}(报告|年报)|[〇零一二三四五六七八九]{4}\s*年.{0,40}政府信息公开.{0,8}(报告|年报)/;
const MAX_TITLE = 80;

/** Lines of site chrome (whole short paragraphs). */
const CHROME =
  /^[【[(（\s]*(打印|关闭|关闭窗口|打印本页|打印本文|收藏|分享|分享到|返回顶部|返回|字体|字号|扫一扫|附件下载|附件：?$|相关链接|相关文件|相关阅读|上一篇|下一篇|责任编辑|编辑[:：]|浏览次数|访问次数|阅读次数|点击数|来源[:：]|信息来源|发布时间|发布日期|时间[:：]|索引号)/;
const META_TABLE = /索引号|发布机构|发文机关|成文日期|生成日期|公开方式|主题分类|公开时限/;

function isParagraph(rb: RawBlock): boolean {
  return rb.block.type === 'paragraph';
}

function textOf(rb: RawBlock): string {
  if (rb.block.type === 'paragraph') return rb.block.text;
  let s = '';
  for (const row of rb.block.rows) for (const c of row) s += `${c.text} `;
  return s;
}

const linkDense = (rb: RawBlock) => rb.linkChars * 2 >= rb.chars && rb.chars > 0;

export function headingPart(rb: RawBlock): number | undefined {
  if (!isParagraph(rb) || linkDense(rb)) return undefined;
  const t = textOf(rb);
  if (t.length > 60 || !HEADING.test(t) || !HEADING_WORDS.test(t)) return undefined;
  return '一二三四五六'.indexOf(t[0]) + 1;
}

export function isReportTable(rb: RawBlock): boolean {
  return rb.block.type === 'table' && TABLE_WORDS.test(textOf(rb));
}

function isChrome(rb: RawBlock): boolean {
  if (rb.block.type === 'table') return !isReportTable(rb) && META_TABLE.test(textOf(rb));
  if (linkDense(rb)) return true;
  const t = textOf(rb);
  return t.length <= 60 && CHROME.test(t);
}

/** Sentences that name the report without being its title (the preamble, a reference to it). */
const NOT_TITLE = /^(根据|依据|按照|本报告|本年度|现|特此|附件)/;

function isTitleLike(rb: RawBlock, needYear: boolean): boolean {
  if (!isParagraph(rb) || linkDense(rb)) return false;
  const t = textOf(rb);
  return t.length <= MAX_TITLE && !NOT_TITLE.test(t) && (needYear ? TITLE_WITH_YEAR : TITLE).test(t);
}

const AGENCY_END = /(政府|委员会|管委会|办公室|办公厅|厅|局|署|院|委|办|区|县|市|州|盟|旗|镇|乡|街道|中心)$/;

/**
 * A title set as two centred lines (`平潭综合实验区2019年` / `政府信息公开工作年度报告`) is one line:
 * among the first blocks, a short line followed by a title-like line that, joined to it, names a year
 * or ends in an agency's name.
 */
function joinSplitTitle(chosen: RawBlock[]): RawBlock[] {
  for (let i = 0; i + 1 < Math.min(chosen.length, 4); i++) {
    const a = chosen[i];
    const b = chosen[i + 1];
    if (a.block.type !== 'paragraph' || b.block.type !== 'paragraph' || !isTitleLike(b, false)) continue;
    const at = a.block.text;
    if (at.length > 40 || TITLE.test(at) || /[:：。；;，,]/.test(at) || HEADING.test(at) || linkDense(a)) continue;
    const joined = at + b.block.text;
    if (joined.length > MAX_TITLE) continue;
    if (!(TITLE_WITH_YEAR.test(joined) && !TITLE_WITH_YEAR.test(b.block.text)) && !AGENCY_END.test(at)) continue;
    const merged: RawBlock = {
      block: { type: 'paragraph', text: joined, source: a.block.source },
      anchor: a.anchor,
      chars: a.chars + b.chars,
      linkChars: a.linkChars + b.linkChars,
    };
    return [...chosen.slice(0, i), merged, ...chosen.slice(i + 2)];
  }
  return chosen;
}

export interface Location {
  blocks: Block[];
  /** The report's headings or tables were found. */
  located: boolean;
  container?: NodeInfo;
  title: 'in-body' | 'above' | 'title-element' | 'none';
  notes: ImportText[];
}

/**
 * The element with the most non-link text, less its link text (menus, link lists and footers are
 * mostly links); of equal scores, the deepest. A page of links only: the whole page.
 */
function mainContent(list: NodeInfo[], blocks: RawBlock[], root: NodeInfo): NodeInfo {
  const score = new Float64Array(list.length);
  const chars = new Float64Array(list.length);
  for (const rb of blocks) {
    score[rb.anchor.id] += rb.chars - 2 * rb.linkChars;
    chars[rb.anchor.id] += rb.chars;
  }
  for (let i = list.length - 1; i > 0; i--) {
    const p = list[i].parent;
    if (p) {
      score[p.id] += score[i];
      chars[p.id] += chars[i];
    }
  }
  let best = root;
  for (let i = root.id; i <= root.end; i++) {
    if (chars[i] === 0) continue;
    if (score[i] > score[best.id] || (score[i] === score[best.id] && list[i].depth > best.depth)) best = list[i];
  }
  return score[best.id] > 0 ? best : root;
}

export function locateReport(
  blocks: RawBlock[],
  list: NodeInfo[],
  root: NodeInfo,
  pageTitle: { text: string; line: number } | undefined,
): Location {
  const notes: ImportText[] = [];
  const markers: RawBlock[] = [];
  const parts = new Set<number>();
  let tableMarkers = 0;
  for (const rb of blocks) {
    const part = headingPart(rb);
    if (part !== undefined) {
      parts.add(part);
      markers.push(rb);
    } else if (isReportTable(rb)) {
      tableMarkers++;
      markers.push(rb);
    }
  }
  const located = markers.length >= 2 && (parts.size >= 2 || tableMarkers >= 1);
  let container: NodeInfo;
  if (located) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of markers) {
      lo = Math.min(lo, m.anchor.id);
      hi = Math.max(hi, m.anchor.end);
    }
    container = markers[0].anchor;
    while (container.parent && !(container.id <= lo && container.end >= hi)) container = container.parent;
  } else {
    container = mainContent(list, blocks, root);
    notes.push({
      'zh-cn': '网页中没有找到年度报告的章节标题（一、总体情况……）和统计表，已读取网页正文的主要部分，请核对导入的内容。',
      en: "The report's part headings (一、总体情况 …) and tables were not found in the page; its main text was read instead. Please check the imported text.",
    });
  }
  const inside = (rb: RawBlock) => rb.anchor.id >= container.id && rb.anchor.id <= container.end;
  let first = blocks.findIndex(inside);
  if (first < 0) return { blocks: [], located, container, title: 'none', notes };
  let last = first;
  for (let i = first; i < blocks.length; i++) if (inside(blocks[i])) last = i;
  const firstMarker = located ? blocks.indexOf(markers[0]) : first;
  const lastMarker = located ? blocks.indexOf(markers[markers.length - 1]) : last;
  // Chrome at the container's edges; never past a marker. A title line is kept.
  while (first < firstMarker && (isChrome(blocks[first]) || !inside(blocks[first])) && !isTitleLike(blocks[first], false)) first++;
  while (last > lastMarker && (isChrome(blocks[last]) || !inside(blocks[last]))) last--;
  const chosen = joinSplitTitle(blocks.slice(first, last + 1).filter(inside));

  // ---- the title ----
  let title: Location['title'] = 'none';
  const out: Block[] = [];
  const head = chosen.slice(0, 3);
  if (head.some((rb) => isTitleLike(rb, false))) {
    title = 'in-body';
  } else {
    let found: RawBlock | undefined;
    for (const needYear of [true, false]) {
      for (let i = first - 1; i >= 0 && !found; i--) {
        if (!inside(blocks[i]) && isTitleLike(blocks[i], needYear)) found = blocks[i];
      }
      if (found) break;
    }
    if (found && found.block.type === 'paragraph') {
      out.push(found.block);
      title = 'above';
    } else if (pageTitle && pageTitle.text !== '') {
      const segments = pageTitle.text.split(/\s*(?:[_|｜]|[-—–]+)\s*/).filter((s) => s !== '');
      const seg =
        segments.find((s) => TITLE_WITH_YEAR.test(s)) ?? segments.find((s) => TITLE.test(s)) ?? segments.find((s) => /报告|年报/.test(s));
      if (seg) {
        out.push({ type: 'paragraph', text: seg, source: { format: 'html', line: pageTitle.line, path: 'title' } });
        title = 'title-element';
      }
    }
  }
  for (const rb of chosen) out.push(rb.block);
  return { blocks: out, located, container, title, notes };
}
