// A published report → HTML: the markup of the document (shared by the exported page and the editor's
// preview) and the self-contained page. Only classes and table attributes, no inline style, so the
// markup runs under a strict Content-Security-Policy.
import {
  localize,
  msg,
  parseReport,
  publish,
  type Locale,
  type Marks,
  type PublishedBlock,
  type PublishedCell,
  type PublishedDocument,
  type PublishedParagraph,
  type PublishedTable,
  type Span,
} from '../core';
import { DOCUMENT_CSS, PAGE_CSS } from './style';

export interface HtmlOptions {
  /** Findings highlighted by severity, their messages on hover (the preview). */
  marks?: boolean;
  /** Source spans as `data-s`/`data-e`, rows and columns as `data-row`/`data-col` (the preview). */
  sources?: boolean;
  /** Language of the messages. */
  locale?: Locale;
  /** With marks: the findings' numbers (1-based positions in the list published) as `data-f="3 5"` (the CLI's summary page). */
  numbers?: boolean;
}

const UNTITLED = msg('政府信息公开工作年度报告', 'Government information disclosure annual report');
const ELSEWHERE = msg('不在任何段落或单元格上的问题', 'Findings on no paragraph or cell');

/** Text as HTML text or an attribute value. */
export function escapeHtml(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&#39;';
    else out += ch;
  }
  return out;
}

class Markup {
  private out: string[] = [];

  constructor(private readonly options: HtmlOptions) {}

  text(): string {
    return this.out.join('');
  }

  push(s: string): void {
    this.out.push(s);
  }

  /** Class and data attributes of an element: its source span and, in the preview, its findings. */
  attributes(classes: string[], span: Span | undefined, marks: Marks | undefined, data: Record<string, string | undefined> = {}): string {
    const all = [...classes];
    let title = '';
    if (this.options.marks && marks) {
      all.push('gk-mark', `gk-${marks.severity}`);
      title = marks.messages.map((m) => `${m.ruleId} ${localize(m.message, this.options.locale ?? 'zh-cn')}`).join('\n');
    }
    let attrs = all.length > 0 ? ` class="${all.join(' ')}"` : '';
    if (this.options.sources) {
      if (span) attrs += ` data-s="${span.start}" data-e="${span.end}"`;
      for (const [key, value] of Object.entries(data)) if (value !== undefined) attrs += ` data-${key}="${escapeHtml(value)}"`;
    }
    if (title) attrs += ` title="${escapeHtml(title)}"`;
    if (this.options.numbers && this.options.marks && marks) attrs += ` data-f="${marks.messages.map((m) => m.index + 1).join(' ')}"`;
    return attrs;
  }

  paragraph(p: PublishedParagraph): void {
    const runs = p.runs;
    if (p.role === 'title') {
      this.push(`<h1${this.attributes(['gk-title'], p.span, p.marks)}>${escapeHtml(runs.map((r) => r.text).join(''))}</h1>\n`);
      return;
    }
    if (p.role === 'heading' && runs.length === 1) {
      const [tag, cls] = p.level === 1 ? ['h2', 'gk-h1'] : ['h3', 'gk-h2'];
      this.push(`<${tag}${this.attributes([cls], p.span, p.marks)}>${escapeHtml(runs[0].text)}</${tag}>\n`);
      return;
    }
    const inner = runs
      .map((r) => (r.style === 'heading1' ? `<span class="gk-h1">${escapeHtml(r.text)}</span>` : r.style === 'heading2' ? `<span class="gk-h2">${escapeHtml(r.text)}</span>` : escapeHtml(r.text)))
      .join('');
    this.push(`<p${this.attributes([p.role === 'signature' ? 'gk-sign' : 'gk-p'], p.span, p.marks)}>${inner}</p>\n`);
  }

  cell(c: PublishedCell, tag: 'th' | 'td'): string {
    const classes = [`gk-${c.role}`, c.align === 'right' ? 'gk-r' : c.align === 'center' ? 'gk-c' : 'gk-l'];
    let attrs = this.attributes(classes, c.span, c.marks, { row: c.row, col: c.column, group: c.group });
    if (c.rowSpan > 1) attrs += ` rowspan="${c.rowSpan}"`;
    if (c.colSpan > 1) attrs += ` colspan="${c.colSpan}"`;
    if (tag === 'th' && c.role !== 'header') attrs += c.role === 'band' ? ' scope="colgroup"' : ' scope="row"';
    const text = escapeHtml(c.text);
    return `<${tag}${attrs}>${c.vertical ? `<span class="gk-vertical">${text}</span>` : text}</${tag}>`;
  }

  table(t: PublishedTable): void {
    const locale = this.options.locale ?? 'zh-cn';
    this.push(`<table${this.attributes(['gk-table', `gk-${t.kind}`], t.span, t.marks, { table: t.kind, layout: t.layout })} aria-label="${escapeHtml(localize(t.title, locale))}">\n<colgroup>`);
    for (const c of t.columns) this.push(`<col class="gk-col-${c.role}" width="${c.width.toFixed(2)}%">`);
    this.push('</colgroup>\n');
    t.rows.forEach((row, i) => {
      if (i === 0 && t.headerRows > 0) this.push('<thead>\n');
      if (i === t.headerRows) this.push('<tbody>\n');
      const cells = row.cells.map((c) => this.cell(c, c.role === 'value' ? 'td' : 'th')).join('');
      const attrs = this.options.sources && row.row ? ` data-row="${escapeHtml(row.row)}"` : '';
      this.push(`<tr class="gk-row-${row.role}"${attrs}>${cells}</tr>\n`);
      if (i === t.headerRows - 1) this.push('</thead>\n');
    });
    if (t.rows.length > t.headerRows) this.push('</tbody>\n');
    this.push('</table>\n');
  }

  block(b: PublishedBlock): void {
    if (b.type === 'paragraph') this.paragraph(b);
    else this.table(b);
  }
}

/** One table's markup, as in the document. */
export function tableHtml(table: PublishedTable, options: HtmlOptions = {}): string {
  const m = new Markup(options);
  m.table(table);
  return m.text();
}

/** The document's markup: an `<article>` of paragraphs and tables. */
export function documentHtml(doc: PublishedDocument, options: HtmlOptions = {}): string {
  const m = new Markup(options);
  m.push('<article class="gk-doc" lang="zh-CN">\n');
  if (options.marks && doc.marks) {
    const locale = options.locale ?? 'zh-cn';
    m.push(`<aside class="gk-elsewhere gk-${doc.marks.severity}"><p>${escapeHtml(localize(ELSEWHERE, locale))}</p><ul>`);
    for (const message of doc.marks.messages) m.push(`<li class="gk-${message.severity}">${escapeHtml(`${message.ruleId} ${localize(message.message, locale)}`)}</li>`);
    m.push('</ul></aside>\n');
  }
  doc.front.forEach((b) => m.block(b));
  for (const section of doc.sections) {
    m.push(`<section class="gk-part" data-part="${section.part}">\n`);
    m.paragraph(section.heading);
    section.blocks.forEach((b) => m.block(b));
    m.push('</section>\n');
  }
  m.push('</article>\n');
  return m.text();
}

/** A self-contained web page of the document: inline CSS, an A4 sheet on screen and A4 pages in print. */
function pageHtml(doc: PublishedDocument): string {
  const title = doc.title || localize(UNTITLED, 'zh-cn');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="gkreport">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${DOCUMENT_CSS}${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="gk-page">',
    documentHtml(doc),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The report text as a self-contained web page in the official layout. */
export function exportHtml(text: string): string {
  return pageHtml(publish(parseReport(text)));
}
