// Exporting a report as it will be published, from its text: a Word document or a self-contained web
// page, both from the one renderer (core `publish`). The CLI (`gkreport export --to docx|html`), the
// language server (gkreport/publish) and the tests use this module.
import { exportDocx } from './docx';
import { documentHtml, escapeHtml, exportHtml, tableHtml, type HtmlOptions } from './html';

export type ExportFormat = 'docx' | 'html';

/** The formats a report exports to, with their file extensions. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'html'];

/** The report text exported as a Word document or a web page (UTF-8), as the bytes of the file. */
export async function exportReport(text: string, to: ExportFormat): Promise<Uint8Array> {
  return to === 'docx' ? exportDocx(text) : new TextEncoder().encode(exportHtml(text));
}

export { documentHtml, escapeHtml, exportDocx, exportHtml, tableHtml, type HtmlOptions };
export { DOCUMENT_CSS } from './style';
