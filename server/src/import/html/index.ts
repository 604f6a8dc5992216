// A saved web page (.html/.htm) → the neutral document model (document.ts): the report's paragraphs
// and tables in reading order, without the site's menus, breadcrumbs, share buttons and footer.
//   bytes → text (html/decode.ts: BOM, <meta charset>, valid UTF-8, else GB18030)
//         → DOM (htmlparser2) → blocks with the element each came from (html/extract.ts)
//         → the report's container, title and edges (html/locate.ts)
import { DEFAULT_LIMITS, ImportError } from '../common/document';
import type { ImportLimits, ImportText, SourceDocument } from '../common/document';
import { decodeHtml } from './decode';
import { extract } from './extract';
import { locateReport } from './locate';

const fail = (zh: string, en: string): ImportError => new ImportError({ 'zh-cn': zh, en });

/** Formats that are plainly not a web page, by their first bytes. */
function binaryKind(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'PDF';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'ZIP/Word (.docx)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'Word 97-2003 (.doc)';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'RTF';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) {
    const n = Math.min(bytes.length, 1024);
    for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  }
  return undefined;
}

const LOOKS_LIKE_HTML = /<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|tr|td|span|br|h[1-6]|font|center|ul|li|section|article)[\s>/]/i;

/**
 * Imports a saved web page. Throws ImportError (one sentence, Chinese and English) when the bytes are
 * empty, not HTML, have no text, or exceed the limits.
 */
export function importHtml(bytes: Uint8Array, limits?: Partial<ImportLimits>): SourceDocument {
  const lim: ImportLimits = { ...DEFAULT_LIMITS, ...limits };
  const started = Date.now();
  const tick = () => {
    if (Date.now() - started > lim.maxMillis) {
      throw fail(
        `网页过于复杂，${Math.round(lim.maxMillis / 1000)} 秒内未能读完，已停止导入。`,
        `The page is too complex to read within ${Math.round(lim.maxMillis / 1000)} s; the import was stopped.`,
      );
    }
  };
  if (bytes.length > lim.maxInputBytes) {
    throw fail(
      `文件过大（${bytes.length} 字节，上限 ${lim.maxInputBytes} 字节），不能作为网页导入。`,
      `The file is too large (${bytes.length} bytes, limit ${lim.maxInputBytes}) to import as a web page.`,
    );
  }
  const kind = binaryKind(bytes);
  if (kind) {
    throw fail(
      `这不是网页文件（看起来是 ${kind} 文件），请选择保存下来的 .html/.htm 网页。`,
      `This is not a web page (it looks like a ${kind} file); please choose a saved .html/.htm page.`,
    );
  }
  const decoded = decodeHtml(bytes);
  const html = decoded.text;
  if (html.trim() === '') throw fail('文件是空的，没有可导入的网页内容。', 'The file is empty: there is no web page to import.');
  if (!LOOKS_LIKE_HTML.test(html.slice(0, 65536))) {
    throw fail(
      '文件中没有网页标记（HTML 标签），不是网页文件；纯文本报告请直接打开检查。',
      'The file contains no HTML markup, so it is not a web page; open a plain-text report directly instead.',
    );
  }
  tick();
  const ex = extract(html, { maxDepth: lim.maxDepth, tick });
  if (ex.elementCount === 0) {
    throw fail('文件中没有网页元素，不是网页文件。', 'The file contains no HTML elements, so it is not a web page.');
  }
  const loc = locateReport(ex.blocks, ex.list, ex.root, ex.title);
  if (loc.blocks.length === 0) {
    throw fail('网页中没有可读的文字（可能是图片、扫描件或由脚本加载的内容）。', 'The page has no readable text (it may be images, a scan, or content loaded by scripts).');
  }
  const notes: ImportText[] = [...decoded.notes, ...ex.notes, ...loc.notes];
  return { format: 'html', blocks: loc.blocks, notes };
}
