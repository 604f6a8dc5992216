// Reading a report where it lives: a Word file, a saved web page or a PDF becomes report text with a
// map back to its source. The readers are loaded only when a file is converted (./conversions); the
// PDF reader (pdf.js) is its own bundle, loaded only when a PDF is read.
import * as path from 'node:path';
import { msg, type Localized } from '../core';
import { ImportError, type ImportLimits, type SourceDocument } from '../import/common/document';
import { toReportText, type MappedSpan } from '../import/common/render';
import { InputError } from './errors';
import { readInputBytes } from './files';

export type SourceFormat = SourceDocument['format'];

/** Extensions of the files that are imported, by format. Old binary Word and WPS go to the Word importer, which explains what to do with them. */
const FORMATS: Readonly<Record<string, SourceFormat>> = {
  '.docx': 'docx',
  '.doc': 'docx',
  '.wps': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

/** Extensions found when walking a folder, beside the text reports'. */
export const IMPORT_EXTENSIONS: readonly string[] = ['.docx', '.html', '.htm', '.pdf'];

export function importFormatOf(file: string): SourceFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}

export interface ImportedReport {
  format: SourceFormat;
  /** The report text the checker reads. */
  text: string;
  /** Stretches of `text` with the place in the source each came from. */
  map: MappedSpan[];
  /** What the user should know about the conversion. */
  notes: Localized[];
}

const importFailed = (file: string, reason: Localized) => msg(`${file}：${reason['zh-cn']}`, `${file}: ${reason.en}`);

/** Imports a file; an unreadable or unusable file is an InputError with one sentence saying why and what to do. */
export async function importReportFile(file: string, limits?: Partial<ImportLimits>): Promise<ImportedReport> {
  const format = importableFormat(file);
  // Read as a checked input is: a named pipe or a folder is refused, not waited on.
  return importBytes(file, format, readInputBytes(file), limits);
}

/** Imports a file's bytes, read already, as importReportFile does. */
export function importReportBytes(file: string, bytes: Uint8Array, limits?: Partial<ImportLimits>): Promise<ImportedReport> {
  return importBytes(file, importableFormat(file), bytes, limits);
}

function importableFormat(file: string): SourceFormat {
  const format = importFormatOf(file);
  if (!format) throw new InputError(msg(`${file} 不是 Word、网页或 PDF 文件`, `${file} is not a Word file, web page or PDF`));
  return format;
}

async function importBytes(file: string, format: SourceFormat, bytes: Uint8Array, limits?: Partial<ImportLimits>): Promise<ImportedReport> {
  try {
    let doc: SourceDocument;
    // A plain Uint8Array (a copy): pdf.js refuses Node's Buffer.
    if (format === 'pdf') doc = await (await import('../import/pdf')).importPdf(Buffer.isBuffer(bytes) ? new Uint8Array(bytes) : bytes, limits);
    else {
      const read = (await import('./conversions')).readDocument(format, bytes, limits);
      if ('failed' in read) throw new InputError(importFailed(file, read.failed));
      doc = read.doc;
    }
    const { text, map } = toReportText(doc);
    return { format, text, map, notes: doc.notes };
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(importFailed(file, error.reason));
    throw error;
  }
}
