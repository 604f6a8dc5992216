// The conversions a plain check never needs — Word files and web pages read into the document model,
// reports exported as Word documents or web pages — behind one door. The CLI bundles this module apart
// (dist/conversions.js, see esbuild.js) and loads it only when it converts: a check of text reports
// starts without the Word writer, the HTML parser and the unzipper, two thirds of its code.
import { ImportError, type ImportLimits, type ImportText, type SourceDocument } from '../import/common/document';
import { importDocx } from '../import/docx';
import { importHtml } from '../import/html';

export { exportReport } from '../export';

/**
 * A Word file or web page read into the document model. What makes the file unusable comes back as a
 * value, not thrown: in a bundle of its own, this module's ImportError is not the class its caller knows.
 */
export function readDocument(format: 'docx' | 'html', bytes: Uint8Array, limits?: Partial<ImportLimits>): { doc: SourceDocument } | { failed: ImportText } {
  try {
    return { doc: format === 'docx' ? importDocx(bytes, limits) : importHtml(bytes, limits) };
  } catch (error) {
    if (error instanceof ImportError) return { failed: error.reason };
    throw error;
  }
}
