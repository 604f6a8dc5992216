// What every importer (Word, web page, PDF) produces: the document's paragraphs and tables in reading
// order, each with where it came from. No layout knowledge here: turning this into report text is
// done once, for every format, by `toReportText` (render.ts).

/** A user-facing sentence in both languages (same shape as the core's Localized). */
export interface ImportText {
  'zh-cn': string;
  en: string;
}

/** Where a paragraph or table cell sits in the source file, in the source's own terms. */
export type SourceLocation =
  | {
      format: 'pdf';
      /** 1-based page number. */
      page: number;
      /** Left and top of the text in PDF points, origin at the page's top-left corner. */
      x: number;
      y: number;
    }
  | {
      format: 'docx';
      /** 1-based paragraph number among the body's paragraphs (outside tables), when a paragraph. */
      paragraph?: number;
      /** 1-based table number, row and cell (grid column) within it, when a table cell. */
      table?: number;
      row?: number;
      column?: number;
    }
  | {
      format: 'html';
      /** 1-based line of the element's start tag in the source file. */
      line: number;
      /** A short CSS-like path of the element, e.g. `table[2] > tr[5] > td[8]` (tables and rows 1-based). */
      path: string;
    };

export interface ParagraphBlock {
  type: 'paragraph';
  /** The paragraph's text on one line (line breaks inside a paragraph already joined). */
  text: string;
  source: SourceLocation;
}

export interface TableCell {
  /** The cell's text; several lines or paragraphs inside one cell are joined with '\n'. */
  text: string;
  /** Rows and grid columns the cell covers (1 when not merged). */
  rowSpan: number;
  colSpan: number;
  source: SourceLocation;
}

export interface TableBlock {
  type: 'table';
  /**
   * Rows as the source writes them, HTML-style: a cell covered by a row span from above is not
   * repeated in the rows below it (Word's vMerge continuations are dropped by the importer).
   */
  rows: TableCell[][];
  source: SourceLocation;
}

export type Block = ParagraphBlock | TableBlock;

export interface SourceDocument {
  format: 'docx' | 'html' | 'pdf';
  blocks: Block[];
  /** Things the user should know about the conversion (e.g. pages without text), never findings. */
  notes: ImportText[];
}

/** A file that cannot be imported: one clear sentence saying why and what to do. */
export class ImportError extends Error {
  constructor(readonly reason: ImportText) {
    super(reason.en);
    this.name = 'ImportError';
  }
}

/** Limits every importer enforces, so a hostile or broken file costs bounded time and memory. */
export interface ImportLimits {
  /** Bytes of input accepted. */
  maxInputBytes: number;
  /** Bytes a compressed container (the .docx zip) may expand to, in all. */
  maxExpandedBytes: number;
  /** PDF pages read. */
  maxPages: number;
  /** Nesting depth of HTML/XML elements followed. */
  maxDepth: number;
  /** Wall-clock budget in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxInputBytes: 64 * 1024 * 1024,
  maxExpandedBytes: 64 * 1024 * 1024,
  maxPages: 200,
  maxDepth: 256,
  maxMillis: 20_000,
};
