// A published report → a Word document in the style of 党政机关公文格式 (GB/T 9704): A4 with its margins,
// the title in 小标宋 二号 centred, the body in 仿宋_GB2312 三号 on a 28.95 pt line, level-one headings in
// 黑体 and level-two in 楷体_GB2312, page numbers as `— 1 —` on the outer side; real Word tables with
// merged cells (gridSpan / vMerge), the printed header repeated on every page, numbers right-aligned.
// A machine without the GB2312 faces finds 仿宋 / FangSong, 楷体 / KaiTi, 宋体 / SimSun through the font
// table's alternative names, which every Windows machine has.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseReport, publish, type PublishedBlock, type PublishedCell, type PublishedDocument, type PublishedParagraph, type PublishedTable, type RunStyle } from '../core';

/** Twentieths of a point: A4 and the GB/T 9704 margins (37 mm top, 35 bottom, 28 left, 26 right). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 22 lines of 三号 text on the 225 mm text block: a 28.95 pt line. */
const LINE = 579;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 };
const LATIN = 'Times New Roman';

/** The faces, each with the fonts a machine without it falls back to (through the font table). */
const FACE: Record<RunStyle | 'table', string> = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '宋体',
};

interface FontEntry {
  name: string;
  altName?: string;
  panose: string;
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'variable' | 'fixed';
}

/** The font table: each face with its alternative name and classification, so Word and LibreOffice substitute well. */
const FONT_TABLE: FontEntry[] = [
  { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '方正小标宋简体', altName: '宋体', panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
  { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
];

const font = (face: string) => ({ eastAsia: face, ascii: LATIN, hAnsi: LATIN, cs: LATIN });
const run = (text: string, face: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(face), size, language: { value: 'en-US', eastAsia: 'zh-CN' }, ...extra });

/** A paragraph; `keepNext` keeps it on the page of the table that follows it (a heading never ends a page alone). */
function paragraph(p: PublishedParagraph, keepNext = false): Paragraph {
  if (p.role === 'title') {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
      children: [run(p.runs.map((r) => r.text).join(''), FACE.title, SIZE.title)],
    });
  }
  const signature = p.role === 'signature';
  return new Paragraph({
    ...(keepNext ? { keepNext } : {}),
    alignment: signature ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: signature ? { right: 4 * 320 } : { firstLine: 2 * 320 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: p.runs.map((r) => run(r.text, FACE[r.style], SIZE.body)),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const BAND_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'DBE5F1' };

function table(t: PublishedTable): Table {
  const widths = t.columns.map((c) => Math.round((c.width / 100) * TEXT_WIDTH));
  // Header, band and block-header rows stay on the page of the row after them.
  const cell = (c: PublishedCell, keepNext: boolean) =>
    new TableCell({
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
      width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 57, right: 57, top: 0, bottom: 0 },
      ...(c.role === 'band' ? { shading: BAND_SHADING } : {}),
      children: [
        new Paragraph({
          ...(keepNext ? { keepNext } : {}),
          alignment: ALIGN[c.align],
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [run(c.text, FACE.table, SIZE.table)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: t.rows.map(
      (row, i) =>
        new TableRow({
          ...(i < t.headerRows ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map((c) => cell(c, row.role === 'header' || row.role === 'band' || row.role === 'blockHeader')),
        }),
    ),
  });
}

/** A short empty paragraph after a table: Word needs one between two tables, and it keeps the text apart. */
const afterTable = () => new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] });

function blocks(list: PublishedBlock[]): (Paragraph | Table)[] {
  return list.flatMap((b, i) => (b.type === 'paragraph' ? [paragraph(b, list[i + 1]?.type === 'table')] : [table(b), afterTable()]));
}

function pageNumber(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [run('', FACE.table, SIZE.pageNumber, { children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}<w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}<w:font w:name="${LATIN}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

/** The package with our font table in place of the empty one the library writes. */
function withFontTable(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  if (files['word/fontTable.xml'] && strFromU8(files['word/fontTable.xml']).includes('<w:fonts')) files['word/fontTable.xml'] = strToU8(fontTableXml());
  return zipSync(files, { level: 6 });
}

/** The Word document of a published report. */
async function docxOf(doc: PublishedDocument): Promise<Uint8Array> {
  const children = [...blocks(doc.front), ...doc.sections.flatMap((s) => [paragraph(s.heading, s.blocks[0]?.type === 'table'), ...blocks(s.blocks)])];
  const document = new Document({
    title: doc.title,
    creator: 'gkreport',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FACE.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 992 },
          },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: children.length > 0 ? children : [new Paragraph({ children: [] })],
      },
    ],
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

/** The report text as a Word document in the official layout. */
export function exportDocx(text: string): Promise<Uint8Array> {
  return docxOf(publish(parseReport(text)));
}
