// How a published report looks on a web page: the faces and sizes of 党政机关公文格式 (GB/T 9704) with
// fonts every Windows machine has as fallbacks, and the tables. Shared by the exported page (with
// PAGE_CSS: an A4 sheet on screen, A4 pages in print) and the editor's preview (with its theme colours).

/** 仿宋_GB2312 for the body, 小标宋 for the title, 黑体 and 楷体 for the headings, 宋体 in the tables. */
const FONTS = {
  body: '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif',
  title: '"方正小标宋简体", "方正小标宋_GBK", "小标宋", "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif',
  heading1: '"黑体", SimHei, "Heiti SC", "Noto Sans CJK SC", sans-serif',
  heading2: '"楷体_GB2312", "楷体", KaiTi, STKaiti, "AR PL UKai CN", serif',
  table: '"宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif',
} as const;

/** The document itself: paragraphs and tables, in colours a theme may override (`currentColor` lines). */
export const DOCUMENT_CSS = `
.gk-doc { font-family: ${FONTS.body}; font-size: 16pt; line-height: 28.95pt; text-align: justify; }
.gk-doc h1, .gk-doc h2, .gk-doc h3, .gk-doc p { margin: 0; font-weight: normal; font-size: 16pt; }
.gk-title { font-family: ${FONTS.title}; font-size: 22pt !important; line-height: 1.5; text-align: center; margin: 0 0 28.95pt !important; }
.gk-p, .gk-h1, .gk-h2 { text-indent: 2em; }
h2.gk-h1, span.gk-h1 { font-family: ${FONTS.heading1}; }
h3.gk-h2, span.gk-h2 { font-family: ${FONTS.heading2}; }
.gk-sign { text-align: right; padding-right: 4em; }
.gk-table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 14pt 0; font-family: ${FONTS.table};
  font-size: 10.5pt; line-height: 1.35; text-indent: 0; text-align: left; }
.gk-table th, .gk-table td { border: 1px solid currentColor; padding: 2pt 3pt; vertical-align: middle; font-weight: normal;
  overflow-wrap: anywhere; }
.gk-table .gk-l { text-align: left; }
.gk-table .gk-c { text-align: center; }
.gk-table .gk-r { text-align: right; font-variant-numeric: tabular-nums; }
.gk-table .gk-band { background: #dbe5f1; }
.gk-vertical { display: inline-block; writing-mode: vertical-rl; text-orientation: upright; letter-spacing: 0.15em; }
`;

/** The exported page: an A4 sheet on screen; A4 pages with the GB/T 9704 margins in print, header rows repeated. */
export const PAGE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { color: #000; background: #e8e8e8; }
body { margin: 0; }
.gk-page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm;
  background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.25); }
@media screen and (max-width: 210mm) { .gk-page { width: auto; min-height: 0; margin: 0; padding: 6mm; } }
.gk-table thead { display: table-header-group; }
.gk-table tr { break-inside: avoid; }
@media print {
  html { background: none; }
  .gk-page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .gk-table .gk-band { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
