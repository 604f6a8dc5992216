// word/document.xml → paragraphs and tables in reading order, streamed (no DOM, no recursion).
//
// Text: w:t, w:tab / w:ptab (a space), w:br / w:cr (a line break), w:sym, w:noBreakHyphen; inside
// insertions, content controls, smart tags, hyperlinks, custom XML and simple fields alike. Skipped:
// deleted and moved-away text (w:del, w:moveFrom), field instructions (w:instrText; the field's
// result runs are kept), runs hidden with w:vanish, and the fallback copy of alternate content
// (mc:Fallback repeats what mc:Choice holds, e.g. a text box drawn twice).
//
// Tables: rows w:tr, cells w:tc; w:gridSpan → colSpan; w:vMerge restart/continue → rowSpan of the
// restarting cell, the continuation cells dropped (their text, if any, appended to it); legacy
// w:hMerge likewise across; w:gridBefore → an empty leading cell so later cells keep their grid
// columns; rows deleted under track changes dropped. A table inside a cell, and paragraphs of text
// boxes inside a cell, add their paragraphs to that cell's text. Text boxes outside tables become
// paragraphs after the paragraph that anchors them.
import type { Block, ParagraphBlock, SourceLocation, TableBlock, TableCell } from '../common/document';
import { oneLine } from '../common/render';
import type { Numbering } from './numbering';
import { attr, isOn, NS_MC, NS_W, NS_W_STRICT, parseXml } from './xml';

interface Para {
  parts: string[];
  numId?: string;
  ilvl?: number;
  style?: string;
}

interface CellBuild {
  lines: string[];
  /** 1-based w:tr index (source location). */
  row: number;
  /** 0-based index among the rows kept (for merge contiguity). */
  logicalRow: number;
  /** 0-based grid column. */
  col: number;
  colSpan: number;
  rowSpan: number;
  vMerge?: 'restart' | 'continue';
  hMerge?: 'restart' | 'continue';
}

interface RowBuild {
  cells: CellBuild[];
  index: number;
  gridBefore: number;
  col: number;
  deleted: boolean;
}

interface TableBuild {
  number: number;
  rows: CellBuild[][];
  trCount: number;
  /** Per grid column, the cell occupying it in the latest row that had one there. */
  owners: (CellBuild | undefined)[];
  row?: RowBuild;
  cell?: CellBuild;
}

// Element kinds the parser reacts to (W namespace local names, plus two MC names).
const enum K {
  Other,
  P,
  R,
  T,
  Tab,
  Br,
  Sym,
  NoBreakHyphen,
  Tbl,
  Tr,
  Tc,
  PPr,
  RPr,
  TcPr,
  TrPr,
  NumPr,
  NumId,
  Ilvl,
  PStyle,
  GridSpan,
  VMerge,
  HMerge,
  GridBefore,
  Vanish,
  Del,
  Skip,
  TxbxContent,
  Fallback,
  /** Inserted or moved-here content under track changes: read, and noted. */
  Ins,
  /** Deleted or moved-away content (w:moveFrom, w:delText): skipped, and noted. */
  Removed,
}

const W_KINDS: Record<string, K> = {
  p: K.P,
  r: K.R,
  t: K.T,
  tab: K.Tab,
  ptab: K.Tab,
  br: K.Br,
  cr: K.Br,
  sym: K.Sym,
  noBreakHyphen: K.NoBreakHyphen,
  tbl: K.Tbl,
  tr: K.Tr,
  tc: K.Tc,
  pPr: K.PPr,
  rPr: K.RPr,
  tcPr: K.TcPr,
  trPr: K.TrPr,
  numPr: K.NumPr,
  numId: K.NumId,
  ilvl: K.Ilvl,
  pStyle: K.PStyle,
  gridSpan: K.GridSpan,
  vMerge: K.VMerge,
  hMerge: K.HMerge,
  gridBefore: K.GridBefore,
  vanish: K.Vanish,
  del: K.Del,
  moveFrom: K.Removed,
  delText: K.Removed,
  ins: K.Ins,
  moveTo: K.Ins,
  delInstrText: K.Skip,
  instrText: K.Skip,
  // Earlier properties kept by track changes: not the document's current state.
  pPrChange: K.Skip,
  rPrChange: K.Skip,
  tcPrChange: K.Skip,
  trPrChange: K.Skip,
  tblPrChange: K.Skip,
  tblPrExChange: K.Skip,
  tblGridChange: K.Skip,
  sectPrChange: K.Skip,
  numberingChange: K.Skip,
  txbxContent: K.TxbxContent,
};

export interface BodyOptions {
  maxDepth: number;
  /** Called every few thousand elements; throws when the time budget is spent. */
  tick: () => void;
  numbering?: Numbering;
}

/** Symbol-font glyphs (w:sym, private-use F0xx codes) that mean something in a report. */
const SYMBOLS: Record<string, Record<number, string>> = {
  symbol: { 0xb4: '×', 0xb8: '÷', 0xb1: '±', 0xb3: '≥', 0xa3: '≤', 0xb9: '≠', 0xd6: '√', 0xb7: '•', 0xae: '→', 0xac: '←', 0xb0: '°' },
  wingdings: { 0xfc: '✓', 0xfb: '✗', 0xfd: '☒', 0xfe: '☑', 0xa8: '□', 0x6f: '□', 0x71: '□', 0x6c: '●', 0x9f: '•', 0xa1: '○' },
  wingdings2: { 0x50: '✓', 0x4f: '✗', 0x52: '☑', 0x54: '☒', 0xa3: '□' },
};

/**
 * A w:sym character. Symbol fonts store their glyphs in the private-use F0xx range: the ones with a
 * meaning are mapped (√ ×, check boxes), others kept as they are (not lost, and not a digit).
 */
function symbolChar(font: string | undefined, hex: string | undefined): string {
  const code = hex ? parseInt(hex, 16) : NaN;
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return '';
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code <= 0xff ? code : -1;
  const table = SYMBOLS[(font ?? '').toLowerCase().replace(/\s+/g, '')];
  if (low >= 0 && table?.[low]) return table[low];
  return String.fromCodePoint(code);
}

export interface Body {
  blocks: Block[];
  /** The document holds tracked changes (insertions or deletions not yet accepted). */
  tracked: boolean;
}

export function readBody(xml: string, options: BodyOptions): Body {
  const blocks: Block[] = [];
  // Namespace prefixes: seeded with the usual ones, updated by every xmlns declaration seen.
  const prefixNs = new Map<string, string>([
    ['w', NS_W],
    ['mc', NS_MC],
  ]);
  let defaultNs = '';
  let kindCache = new Map<string, K>();
  const kindOf = (name: string): K => {
    let k = kindCache.get(name);
    if (k !== undefined) return k;
    const i = name.indexOf(':');
    const ns = i < 0 ? defaultNs : (prefixNs.get(name.slice(0, i)) ?? '');
    const local = i < 0 ? name : name.slice(i + 1);
    if (ns === NS_W || ns === NS_W_STRICT) k = W_KINDS[local] ?? K.Other;
    else if (ns === NS_MC && local === 'Fallback') k = K.Fallback;
    else k = K.Other;
    kindCache.set(name, k);
    return k;
  };

  const stack: K[] = [];
  let skipFrom = 0; // depth of the element whose subtree is being skipped, 0 when none
  let events = 0;
  let tracked = false;

  const paras: Para[] = [];
  const runHidden: boolean[] = [];
  let inText = false;
  let boxDepth = 0;
  let nestedTables = 0;
  let table: TableBuild | undefined;
  let tableCount = 0;
  let bodyParagraphs = 0;
  /** Paragraphs of text boxes anchored in the open body paragraph, emitted after it. */
  let boxParagraphs: ParagraphBlock[] = [];

  const appendText = (s: string) => {
    const p = paras[paras.length - 1];
    if (!p || runHidden[runHidden.length - 1]) return;
    p.parts.push(s);
  };

  const paragraphText = (p: Para): string => {
    let marker = '';
    const numbering = options.numbering;
    if (numbering) {
      const fromStyle = p.style !== undefined ? numbering.styleNumbering(p.style) : {};
      const numId = p.numId ?? fromStyle.numId;
      if (numId !== undefined) marker = numbering.next(numId, p.ilvl ?? fromStyle.ilvl ?? 0);
    }
    const text = p.parts.join('');
    return marker !== '' && text.trim() !== '' ? marker + text : text;
  };

  const bodyLocation = (): SourceLocation => ({ format: 'docx', paragraph: bodyParagraphs });

  const closeParagraph = (p: Para) => {
    const text = paragraphText(p);
    const cell = table?.cell;
    if (cell) {
      if (text.trim() !== '') cell.lines.push(text);
      return;
    }
    const line = oneLine(text);
    if (boxDepth > 0 || paras.length > 0) {
      // A text box's paragraph (the anchoring paragraph is still open, or none is).
      if (line !== '') boxParagraphs.push({ type: 'paragraph', text: line, source: bodyLocation() });
      if (paras.length === 0) flushBoxes();
      return;
    }
    if (line !== '') blocks.push({ type: 'paragraph', text: line, source: bodyLocation() });
    flushBoxes();
  };

  const flushBoxes = () => {
    if (boxParagraphs.length === 0) return;
    for (const b of boxParagraphs) blocks.push(b);
    boxParagraphs = [];
  };

  const setOwners = (t: TableBuild, cell: CellBuild) => {
    for (let c = cell.col; c < cell.col + cell.colSpan && c < 4096; c++) t.owners[c] = cell;
  };

  const closeCell = (t: TableBuild, row: RowBuild, cell: CellBuild) => {
    row.col = cell.col + cell.colSpan;
    if (cell.vMerge === 'continue') {
      const owner = t.owners[cell.col];
      if (owner && owner.col === cell.col && owner.logicalRow + owner.rowSpan === cell.logicalRow) {
        owner.rowSpan++;
        for (const l of cell.lines) owner.lines.push(l);
        setOwners(t, owner);
        return;
      }
    }
    if (cell.hMerge === 'continue') {
      const prev = row.cells[row.cells.length - 1];
      if (prev && prev.col + prev.colSpan === cell.col) {
        prev.colSpan += cell.colSpan;
        for (const l of cell.lines) prev.lines.push(l);
        setOwners(t, prev);
        return;
      }
    }
    row.cells.push(cell);
    setOwners(t, cell);
  };

  const finishTable = (t: TableBuild) => {
    const rows: TableCell[][] = t.rows.map((cells) =>
      cells.map((c) => ({
        text: c.lines.join('\n'),
        rowSpan: c.rowSpan,
        colSpan: c.colSpan,
        source: { format: 'docx', table: t.number, row: c.row, column: c.col + 1 },
      })),
    );
    if (rows.length === 0) return;
    const block: TableBlock = { type: 'table', rows, source: { format: 'docx', table: t.number } };
    blocks.push(block);
  };

  const handler = {
    open(name: string, attribs: Record<string, string>, depth: number) {
      if ((++events & 4095) === 0) options.tick();
      for (const key in attribs) {
        if (key.charCodeAt(0) === 120 /* x */ && key.startsWith('xmlns')) {
          if (key === 'xmlns') defaultNs = attribs[key];
          else if (key.startsWith('xmlns:')) prefixNs.set(key.slice(6), attribs[key]);
          kindCache = new Map();
        }
      }
      if (skipFrom > 0) {
        stack.push(K.Other);
        return;
      }
      const k = kindOf(name);
      const parent = stack[stack.length - 1];
      stack.push(k);
      switch (k) {
        case K.P:
          if (!table && boxDepth === 0 && nestedTables === 0 && paras.length === 0) bodyParagraphs++;
          paras.push({ parts: [] });
          break;
        case K.R:
          runHidden.push(false);
          break;
        case K.T:
          if (parent === K.R) inText = true;
          break;
        case K.Tab:
          if (parent === K.R) appendText(' ');
          break;
        case K.Br:
          if (parent === K.R) appendText('\n');
          break;
        case K.NoBreakHyphen:
          if (parent === K.R) appendText('-');
          break;
        case K.Sym:
          if (parent === K.R) appendText(symbolChar(attr(attribs, 'font'), attr(attribs, 'char')));
          break;
        case K.Vanish:
          if (parent === K.RPr && stack[stack.length - 3] === K.R && runHidden.length > 0) {
            runHidden[runHidden.length - 1] = isOn(attr(attribs, 'val'));
          }
          break;
        case K.PStyle:
          if (parent === K.PPr && paras.length > 0) paras[paras.length - 1].style = attr(attribs, 'val');
          break;
        case K.NumId:
          if (parent === K.NumPr && stack[stack.length - 3] === K.PPr && paras.length > 0) {
            paras[paras.length - 1].numId = attr(attribs, 'val');
          }
          break;
        case K.Ilvl:
          if (parent === K.NumPr && stack[stack.length - 3] === K.PPr && paras.length > 0) {
            paras[paras.length - 1].ilvl = Number(attr(attribs, 'val') ?? 0) || 0;
          }
          break;
        case K.Tbl:
          if (table?.cell || boxDepth > 0 || nestedTables > 0 || paras.length > 0) nestedTables++;
          else if (!table) {
            tableCount++;
            table = { number: tableCount, rows: [], trCount: 0, owners: [] };
          } else nestedTables++; // a table directly inside a table's structure: treat as nested
          break;
        case K.Tr:
          if (table && nestedTables === 0 && !table.cell) {
            table.trCount++;
            table.row = { cells: [], index: table.trCount, gridBefore: 0, col: 0, deleted: false };
          }
          break;
        case K.GridBefore:
          if (parent === K.TrPr && table?.row && nestedTables === 0) {
            table.row.gridBefore = Math.max(0, Math.min(Number(attr(attribs, 'val') ?? 0) || 0, 4096));
          }
          break;
        case K.Del:
          // A row deleted under track changes; w:del elsewhere is deleted text, skipped whole.
          tracked = true;
          if (parent === K.TrPr) {
            if (table?.row && nestedTables === 0) table.row.deleted = true;
          } else skipFrom = depth;
          break;
        case K.Ins:
          tracked = true;
          break;
        case K.Removed:
          tracked = true;
          skipFrom = depth;
          break;
        case K.Tc:
          if (table?.row && nestedTables === 0 && !table.cell) {
            const row = table.row;
            if (row.cells.length === 0 && row.col === 0 && row.gridBefore > 0 && !row.deleted) {
              const filler: CellBuild = {
                lines: [],
                row: row.index,
                logicalRow: table.rows.length,
                col: 0,
                colSpan: row.gridBefore,
                rowSpan: 1,
              };
              closeCell(table, row, filler);
            }
            table.cell = { lines: [], row: row.index, logicalRow: table.rows.length, col: row.col, colSpan: 1, rowSpan: 1 };
          }
          break;
        case K.GridSpan:
          if (parent === K.TcPr && table?.cell && nestedTables === 0) {
            table.cell.colSpan = Math.max(1, Math.min(Number(attr(attribs, 'val') ?? 1) || 1, 4096));
          }
          break;
        case K.VMerge:
          if (parent === K.TcPr && table?.cell && nestedTables === 0) {
            table.cell.vMerge = attr(attribs, 'val') === 'restart' ? 'restart' : 'continue';
          }
          break;
        case K.HMerge:
          if (parent === K.TcPr && table?.cell && nestedTables === 0) {
            table.cell.hMerge = attr(attribs, 'val') === 'restart' ? 'restart' : 'continue';
          }
          break;
        case K.TxbxContent:
          boxDepth++;
          break;
        case K.Skip:
        case K.Fallback:
          skipFrom = depth;
          break;
      }
    },

    close(_name: string, depth: number) {
      const k = stack.pop();
      if (skipFrom > 0) {
        if (depth === skipFrom) skipFrom = 0;
        return;
      }
      switch (k) {
        case K.P: {
          const p = paras.pop();
          if (p) closeParagraph(p);
          break;
        }
        case K.R:
          runHidden.pop();
          break;
        case K.T:
          inText = false;
          break;
        case K.TxbxContent:
          boxDepth--;
          break;
        case K.Tc:
          if (table?.cell && table.row && nestedTables === 0) {
            if (!table.row.deleted) closeCell(table, table.row, table.cell);
            table.cell = undefined;
          }
          break;
        case K.Tr:
          if (table?.row && nestedTables === 0 && !table.cell) {
            if (!table.row.deleted) table.rows.push(table.row.cells);
            table.row = undefined;
          }
          break;
        case K.Tbl:
          if (nestedTables > 0) nestedTables--;
          else if (table) {
            finishTable(table);
            table = undefined;
          }
          break;
      }
    },

    text(data: string) {
      if (inText && skipFrom === 0) appendText(data);
    },
  };

  parseXml(xml, handler, options.maxDepth);
  flushBoxes();
  return { blocks, tracked };
}
