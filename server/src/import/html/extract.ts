// The page's DOM → paragraphs and tables in reading order, each remembering the element it came from
// (so that the report can then be located structurally, see locate.ts). Every walk here is iterative:
// a page of ten thousand nested elements costs time proportional to its size and no call stack.
import { DomHandler, Parser } from 'htmlparser2';
import type { Block, ImportText, SourceLocation, TableBlock, TableCell } from '../common/document';
import { collapse, visibleLength } from './text';

type Doc = DomHandler['root'];
type AnyNode = Doc['children'][number];
export type El = Extract<AnyNode, { attribs: Record<string, string> }>;
type TextNode = Extract<AnyNode, { type: 'text' }>;

/** What the walks know of one visible element. */
export interface NodeInfo {
  el: El;
  /** Preorder number among visible elements. */
  id: number;
  /** Last preorder number inside this element (its subtree is id … end). */
  end: number;
  parent?: NodeInfo;
  depth: number;
  /** 1-based position among the parent's child elements of the same name (0 until needed). */
  tagIndex: number;
  /** 1-based number of a table among all `<table>` elements of the page, in document order. */
  tableNo?: number;
  /** A `<table>` sits somewhere inside. */
  hasTable: boolean;
  /** Deeper than `maxDepth`: its text is still read, its structure is not. */
  flat: boolean;
}

export interface RawBlock {
  block: Block;
  /** The element holding the block: the block element of a paragraph, the `<table>` of a table. */
  anchor: NodeInfo;
  /** Visible characters, and those of them inside links. */
  chars: number;
  linkChars: number;
}

export interface Extracted {
  blocks: RawBlock[];
  /** Visible elements in preorder (list[i].id === i). */
  list: NodeInfo[];
  /** The document itself (id 0): every top-level element's parent; what is walked. */
  root: NodeInfo;
  /** Text and location of the first `<title>`. */
  title?: { text: string; line: number };
  /** Elements were found at all (else the input is not HTML). */
  elementCount: number;
  notes: ImportText[];
}

/** Elements whose content is never report text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'frame', 'frameset', 'noframes',
  'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'select', 'option', 'optgroup',
  'datalist', 'textarea', 'button', 'input', 'map', 'area', 'xml', 'link', 'meta', 'base',
]);

/** Elements that start and end a line of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HIDDEN_STYLE = /(?:^|[;\s"'])(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

function isHidden(el: El): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a.type !== undefined && a.type.toLowerCase() === 'hidden') return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function isElement(node: AnyNode): node is El {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** 1-based line of a character offset, by binary search over the line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(1, lo);
  }
}

/** Characters handed to the parser at a time: the time budget is checked between pieces. */
const PARSE_CHUNK = 64 * 1024;

/** htmlparser2's DOM builder, telling how many elements are open; text can be muted. */
class DepthHandler extends DomHandler {
  /** Open elements whose text is never shown (script, style …) among those the parser skipped. */
  muted = 0;
  get depth(): number {
    return this.tagStack.length - 1;
  }
  override ontext(data: string): void {
    if (this.muted === 0) super.ontext(data);
  }
}

/**
 * htmlparser2's parser with the open-element stack capped: beyond `cap` open elements, start and end
 * tags are ignored (their text still goes to the deepest element; a block-level tag leaves a space,
 * the content of a script, style … is dropped; inline `display:none` is no longer seen there).
 * The parser keeps that stack with `unshift`, so without a cap a page of n nested tags costs n² time.
 */
class CappedParser extends Parser {
  private readonly skipped = new Map<string, number>();
  constructor(
    private readonly source: string,
    private readonly handler: DepthHandler,
    options: ConstructorParameters<typeof Parser>[1],
    private readonly cap: number,
  ) {
    super(handler, options);
  }
  override onopentagname(start: number, endIndex: number): void {
    if (this.handler.depth >= this.cap) {
      const name = this.source.slice(start, endIndex).toLowerCase();
      if (!this.isVoidElement(name)) {
        this.skipped.set(name, (this.skipped.get(name) ?? 0) + 1);
        if (SKIP.has(name)) this.handler.muted++;
        else if (BLOCK.has(name)) this.handler.ontext(' ');
        return;
      }
    }
    super.onopentagname(start, endIndex);
  }
  override onclosetag(start: number, endIndex: number): void {
    if (this.skipped.size > 0) {
      const name = this.source.slice(start, endIndex).toLowerCase();
      const n = this.skipped.get(name);
      if (n !== undefined) {
        if (n > 1) this.skipped.set(name, n - 1);
        else this.skipped.delete(name);
        if (SKIP.has(name)) this.handler.muted = Math.max(0, this.handler.muted - 1);
        else if (BLOCK.has(name)) this.handler.ontext(' ');
        return;
      }
    }
    super.onclosetag(start, endIndex);
  }
}

/** htmlparser2 in pieces (the DOM of `parseDocument`), so that a huge page can be stopped in time. */
function parse(html: string, tick: () => void, cap: number): Doc {
  const options = { withStartIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  const handler = new DepthHandler(undefined, options);
  const parser = new CappedParser(html, handler, options, cap);
  for (let i = 0; i < html.length; i += PARSE_CHUNK) {
    parser.write(html.slice(i, i + PARSE_CHUNK));
    tick();
  }
  parser.end();
  return handler.root;
}

export interface ExtractOptions {
  maxDepth: number;
  /** Throws when the time budget is spent; called every few thousand nodes. */
  tick: () => void;
}

const MAX_COLSPAN = 1000;
/** Grid slots examined when joining split labels; larger tables are left as written. */
const MAX_GRID = 200_000;

/**
 * A tall label cell cut in two by a page break in the Word file the page was made from (the 2019
 * 平潭 page writes `三、本年度办理结果` as two rowspan=10 cells, one above the other) is one cell:
 * vertically adjacent cells in the same grid column, of the same width and the same text, at least one
 * of them spanning rows, are joined into the upper one.
 */
export function joinSplitLabels(rows: TableCell[][]): void {
  let area = 0;
  for (const row of rows) for (const c of row) area += c.colSpan;
  if (area > MAX_GRID) return;
  const covered: boolean[][] = rows.map(() => []);
  // Per grid column: the last cell that started in it, and the row just below that cell.
  const lastCell: (TableCell | undefined)[] = [];
  const below: number[] = [];
  const drop = new Set<TableCell>();
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (covered[r][c]) c++;
      const above = below[c] === r ? lastCell[c] : undefined;
      const label = cell.text !== '' && /[^\d\s.,，。%％-]/.test(cell.text);
      let owner = cell;
      if (above && label && above.text === cell.text && above.colSpan === cell.colSpan && (above.rowSpan > 1 || cell.rowSpan > 1)) {
        above.rowSpan += cell.rowSpan;
        drop.add(cell);
        owner = above;
      }
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) covered[r + dr][c + dc] = true;
      }
      lastCell[c] = owner;
      below[c] = r + cell.rowSpan;
      c += cell.colSpan;
    }
  });
  if (drop.size === 0) return;
  for (let r = 0; r < rows.length; r++) rows[r] = rows[r].filter((cell) => !drop.has(cell));
}

export function extract(html: string, options: ExtractOptions): Extracted {
  // Elements deeper than maxDepth are read as text only (below); the parser itself stops building
  // structure a little further down.
  const doc = parse(html, options.tick, Math.max(64, 2 * options.maxDepth));
  const lines = new LineIndex(html);
  const notes: ImportText[] = [];
  const { maxDepth, tick } = options;

  // ---- prepass: visible elements in preorder, depths, table numbers, which elements hold tables ----
  const infos = new Map<El, NodeInfo>();
  const list: NodeInfo[] = [];
  let tables = 0;
  let elementCount = 0;
  let title: Extracted['title'];
  // The document as the root element (no name, no attributes): top-level elements hang from it, so a
  // fragment without <body>, or content after </html>, is read like the rest.
  const root: NodeInfo = { el: doc as unknown as El, id: 0, end: 0, depth: 0, tagIndex: 1, hasTable: false, flat: false };
  list.push(root);
  let flatSeen = false;
  {
    // Parallel stacks (fewer allocations than one object per node).
    const nodes: AnyNode[] = [];
    const parents: (NodeInfo | undefined)[] = [];
    const depths: number[] = [];
    const hiddens: boolean[] = [];
    const pushChildren = (children: AnyNode[], parent: NodeInfo | undefined, depth: number, hidden: boolean) => {
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (!isElement(child)) continue;
        nodes.push(child);
        parents.push(parent);
        depths.push(depth);
        hiddens.push(hidden);
      }
    };
    pushChildren(doc.children, root, 1, false);
    let steps = 0;
    while (nodes.length > 0) {
      if ((++steps & 4095) === 0) tick();
      const node = nodes.pop() as El;
      const parent = parents.pop();
      const depth = depths.pop()!;
      const hidden = hiddens.pop()!;
      elementCount++;
      if (node.name === 'table') tables++;
      // The page's <title> (in <head>, or misplaced at the top level; not an <svg>'s <title>).
      const parentName = (node.parent as El | null)?.name;
      if (node.name === 'title' && !title && (parentName === 'head' || parentName === 'html' || parentName === undefined)) {
        let t = '';
        for (const c of node.children) if (c.type === 'text') t += (c as TextNode).data;
        title = { text: collapse(t), line: lines.lineOf(node.startIndex ?? 0) };
      }
      if (hidden || SKIP.has(node.name) || node.type !== 'tag' || isHidden(node)) {
        // Not shown: only counted (table numbers follow the page's own `<table>` order).
        pushChildren(node.children, undefined, depth + 1, true);
        continue;
      }
      const info: NodeInfo = {
        el: node,
        id: list.length,
        end: list.length,
        parent,
        depth,
        tagIndex: 0,
        hasTable: false,
        flat: depth > maxDepth,
      };
      if (info.flat) flatSeen = true;
      list.push(info);
      infos.set(node, info);
      if (node.name === 'table') {
        info.tableNo = tables;
        for (let p = info.parent; p && !p.hasTable; p = p.parent) p.hasTable = true;
      }
      pushChildren(node.children, info, depth + 1, false);
    }
    for (let i = list.length - 1; i > 0; i--) {
      const p = list[i].parent;
      if (p && list[i].end > p.end) p.end = list[i].end;
    }
  }
  if (flatSeen) {
    notes.push({
      'zh-cn': `网页的元素嵌套超过 ${maxDepth} 层，更深处的内容只读取了文字，未识别段落和表格结构。`,
      en: `The page nests elements more than ${maxDepth} deep; deeper content was read as plain text, without paragraph or table structure.`,
    });
  }
  const blocks: RawBlock[] = [];

  const lineOfNode = (node: { startIndex: number | null }) => lines.lineOf(node.startIndex ?? 0);

  /** Position among same-name siblings, computed for all of a parent's children at the first need. */
  const tagIndexOf = (info: NodeInfo): number => {
    if (info.tagIndex === 0) {
      const siblings = info.el.parent?.children ?? [info.el];
      const counts = new Map<string, number>();
      for (const sib of siblings) {
        if (!isElement(sib)) continue;
        const n = (counts.get(sib.name) ?? 0) + 1;
        counts.set(sib.name, n);
        const si = infos.get(sib);
        if (si) si.tagIndex = n;
      }
    }
    return info.tagIndex;
  };
  const NAME = /^[A-Za-z_][\w-]{0,40}$/;
  const stepPath = (info: NodeInfo): string => {
    const { id, class: cls } = info.el.attribs;
    if (id && NAME.test(id)) return `${info.el.name}#${id}`;
    const first = cls?.trim().split(/\s+/)[0];
    if (first && NAME.test(first)) return `${info.el.name}.${first}`;
    return `${info.el.name}[${tagIndexOf(info)}]`;
  };
  /**
   * A short CSS-like path: up to three steps (`div.TRS_Editor > p[12]`), each `tag#id`, `tag.class` or
   * `tag[n]` (n-th of its name among its siblings), starting at an element with an id when there is one.
   */
  const pathOf = (info: NodeInfo): string => {
    const steps: string[] = [];
    for (let p: NodeInfo | undefined = info; p?.parent && steps.length < 3; p = p.parent) {
      const step = stepPath(p);
      steps.push(step);
      if (step.includes('#')) break;
    }
    return steps.length > 0 ? steps.reverse().join(' > ') : 'body';
  };
  const loc = (line: number, path: string): SourceLocation => ({ format: 'html', line, path });

  // ---- text of one table cell (or caption): lines at block boundaries and <br> ----
  const cellText = (cell: NodeInfo): string => {
    const kids = cell.el.children;
    if (kids.length === 0) return '';
    if (kids.length === 1 && kids[0].type === 'text') return collapse((kids[0] as TextNode).data);
    const out: string[] = [];
    let current = '';
    // `null` marks the end of a block element: a line break.
    const BREAK = null;
    const work: (AnyNode | null)[] = [];
    for (let i = cell.el.children.length - 1; i >= 0; i--) work.push(cell.el.children[i]);
    let steps = 0;
    while (work.length > 0) {
      if ((++steps & 4095) === 0) tick();
      const node = work.pop()!;
      if (node === BREAK) {
        out.push(current);
        current = '';
        continue;
      }
      if (node.type === 'text') {
        current += (node as TextNode).data;
        continue;
      }
      if (!isElement(node)) continue;
      const info = infos.get(node);
      if (!info) continue; // hidden or skipped
      if (node.name === 'br') {
        out.push(current);
        current = '';
        continue;
      }
      const block = BLOCK.has(node.name) && !info.flat;
      if (block) {
        out.push(current);
        current = '';
        work.push(BREAK);
      } else if (info.flat && BLOCK.has(node.name)) {
        current += ' ';
      }
      for (let i = node.children.length - 1; i >= 0; i--) work.push(node.children[i]);
    }
    out.push(current);
    const kept: string[] = [];
    for (const l of out) {
      const c = collapse(l);
      if (c !== '') kept.push(c);
    }
    return kept.join('\n');
  };

  // ---- one data table (no table inside): rows in thead / body / tfoot order ----
  interface RowRef {
    info: NodeInfo;
    section: 0 | 1 | 2;
    /** 1-based position among the table's visible rows, in source order. */
    sourceIndex: number;
  }
  const tableRows = (table: NodeInfo): { rows: RowRef[]; captions: NodeInfo[] } => {
    const rows: RowRef[] = [];
    const captions: NodeInfo[] = [];
    const stack: { node: AnyNode; section: 0 | 1 | 2 }[] = [];
    for (let i = table.el.children.length - 1; i >= 0; i--) stack.push({ node: table.el.children[i], section: 1 });
    let n = 0;
    while (stack.length > 0) {
      const { node, section } = stack.pop()!;
      if (!isElement(node)) continue;
      const info = infos.get(node);
      if (!info) continue;
      if (node.name === 'tr') {
        rows.push({ info, section, sourceIndex: ++n });
        continue;
      }
      if (node.name === 'caption') {
        captions.push(info);
        continue;
      }
      if (node.name === 'td' || node.name === 'th') continue; // a cell outside any row: ignored
      const s: 0 | 1 | 2 = node.name === 'thead' ? 0 : node.name === 'tfoot' ? 2 : node.name === 'tbody' ? 1 : section;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], section: s });
    }
    const ordered = [...rows.filter((r) => r.section === 0), ...rows.filter((r) => r.section === 1), ...rows.filter((r) => r.section === 2)];
    return { rows: ordered, captions };
  };

  const rowCells = (tr: NodeInfo): NodeInfo[] => {
    const cells: NodeInfo[] = [];
    const stack: AnyNode[] = [];
    for (let i = tr.el.children.length - 1; i >= 0; i--) stack.push(tr.el.children[i]);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isElement(node)) continue;
      const info = infos.get(node);
      if (!info || node.name === 'tr') continue;
      if (node.name === 'td' || node.name === 'th') {
        cells.push(info);
        continue;
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
    return cells;
  };

  const spanOf = (raw: string | undefined): number => {
    if (raw === undefined) return 1;
    const n = parseInt(raw.trim(), 10);
    return Number.isFinite(n) ? n : 1;
  };

  /** The table block, or undefined when the table is really a frame around content (one cell). */
  const readTable = (table: NodeInfo): { block?: TableBlock; captions: NodeInfo[]; cellCount: number } => {
    const { rows: refs, captions } = tableRows(table);
    const tableNo = table.tableNo ?? 0;
    const built: TableCell[][] = [];
    let cellCount = 0;
    for (const ref of refs) {
      tick();
      const cells: TableCell[] = [];
      rowCells(ref.info).forEach((cell, ci) => {
        cells.push({
          text: cellText(cell),
          rowSpan: spanOf(cell.el.attribs.rowspan),
          colSpan: spanOf(cell.el.attribs.colspan),
          source: loc(lineOfNode(cell.el), `table[${tableNo}] > tr[${ref.sourceIndex}] > ${cell.el.name}[${ci + 1}]`),
        });
      });
      cellCount += cells.length;
      built.push(cells);
    }
    if (cellCount <= 1) return { captions, cellCount };
    // Clamp spans: rowspan=0 means "to the end of the table"; nothing spans past the last row.
    built.forEach((row, r) => {
      const left = built.length - r;
      for (const cell of row) {
        cell.rowSpan = cell.rowSpan <= 0 ? left : Math.min(cell.rowSpan, left);
        cell.colSpan = Math.max(1, Math.min(cell.colSpan, MAX_COLSPAN));
      }
    });
    // Rows with no cell at all, or only empty single-row cells (Word's spacer rows), carry nothing:
    // dropped, and the row spans that crossed them shortened accordingly.
    const keep = built.map((row) => row.some((c) => c.text !== '' || c.rowSpan > 1));
    if (keep.some((k) => !k)) {
      const keptBefore: number[] = [0];
      for (let r = 0; r < built.length; r++) keptBefore.push(keptBefore[r] + (keep[r] ? 1 : 0));
      built.forEach((row, r) => {
        for (const cell of row) cell.rowSpan = Math.max(1, keptBefore[r + cell.rowSpan] - keptBefore[r]);
      });
    }
    const rows = built.filter((_, r) => keep[r]);
    joinSplitLabels(rows);
    if (!rows.some((row) => row.some((c) => c.text !== ''))) return { captions, cellCount };
    return {
      block: { type: 'table', rows, source: loc(lineOfNode(table.el), `table[${tableNo}]`) },
      captions,
      cellCount,
    };
  };

  // ---- the flow: paragraphs and tables in reading order ----
  let parts: string[] = [];
  let paraChars = 0;
  let paraLinkChars = 0;
  let paraAnchor: NodeInfo | undefined;
  let paraLine = 0;
  let nextLine: number | undefined;
  let linkDepth = 0;
  let preDepth = 0;
  const blockStack: NodeInfo[] = [root];

  const flush = () => {
    if (paraAnchor && paraChars > 0) {
      const text = collapse(parts.join(''));
      if (text !== '') {
        blocks.push({
          block: { type: 'paragraph', text, source: loc(paraLine, pathOf(paraAnchor)) },
          anchor: paraAnchor,
          chars: visibleLength(text),
          linkChars: Math.min(paraLinkChars, visibleLength(text)),
        });
      }
    }
    parts = [];
    paraChars = 0;
    paraLinkChars = 0;
    paraAnchor = undefined;
  };

  const addText = (node: TextNode, data: string) => {
    const visible = visibleLength(data);
    if (visible > 0 && !paraAnchor) {
      paraAnchor = blockStack[blockStack.length - 1];
      if (nextLine !== undefined) paraLine = nextLine;
      else {
        const lead = data.length - data.trimStart().length;
        paraLine = lines.lineOf((node.startIndex ?? 0) + lead);
      }
      nextLine = undefined;
    }
    parts.push(data);
    paraChars += visible;
    if (linkDepth > 0) paraLinkChars += visible;
  };

  type Work = { node: AnyNode } | { exit: NodeInfo; block: boolean };
  const work: Work[] = [];
  const pushChildren = (el: El) => {
    for (let i = el.children.length - 1; i >= 0; i--) work.push({ node: el.children[i] });
  };
  pushChildren(root.el);
  let steps = 0;
  while (work.length > 0) {
    if ((++steps & 4095) === 0) tick();
    const item = work.pop()!;
    if ('exit' in item) {
      const el = item.exit.el;
      if (el.name === 'a') linkDepth--;
      if (el.name === 'pre') preDepth--;
      if (item.block) {
        flush();
        blockStack.pop();
        nextLine = undefined;
      }
      continue;
    }
    const node = item.node;
    if (node.type === 'text') {
      const data = (node as TextNode).data;
      if (preDepth > 0 && data.includes('\n')) {
        const pieces = data.split('\n');
        pieces.forEach((piece, i) => {
          if (i > 0) flush();
          addText(node as TextNode, piece);
        });
      } else {
        addText(node as TextNode, data);
      }
      continue;
    }
    if (!isElement(node)) continue;
    const info = infos.get(node);
    if (!info) continue;
    const name = node.name;
    if (info.flat) {
      // Too deep to follow structurally: text only, a space between block-level pieces.
      if (BLOCK.has(name) || name === 'br') parts.push(' ');
      pushChildren(node);
      continue;
    }
    if (name === 'br') {
      // The next line starts where its own text does.
      flush();
      nextLine = undefined;
      continue;
    }
    if (name === 'table' && !info.hasTable) {
      flush();
      const { block, captions } = readTable(info);
      for (const cap of block ? captions : []) {
        const text = cellText(cap).replace(/\n/g, ' ');
        if (text !== '') {
          blocks.push({
            block: { type: 'paragraph', text, source: loc(lineOfNode(cap.el), pathOf(cap)) },
            anchor: cap,
            chars: visibleLength(text),
            linkChars: 0,
          });
        }
      }
      if (block) {
        let chars = 0;
        for (const row of block.rows) for (const c of row) chars += visibleLength(c.text);
        blocks.push({ block, anchor: info, chars, linkChars: 0 });
        nextLine = undefined;
        continue;
      }
      // One cell: a frame around content, read as blocks like a layout table.
    }
    if (name === 'a') linkDepth++;
    if (name === 'pre') preDepth++;
    const block = BLOCK.has(name);
    if (block) {
      flush();
      blockStack.push(info);
      nextLine = lineOfNode(node);
    }
    if (block || name === 'a' || name === 'pre') work.push({ exit: info, block });
    pushChildren(node);
  }
  flush();
  return { blocks, list, root, title, elementCount, notes };
}
