// PDF → SourceDocument. pdf.js reads the file (loaded on first use, in this thread); for every page
// its text runs and ruling strokes are taken (pdf/extract.ts), ruled tables are rebuilt from the strokes
// (pdf/tables.ts) and the rest of the text is joined into paragraphs, with page numbers dropped and
// tables and paragraphs joined over page breaks (pdf/flow.ts).
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { DEFAULT_LIMITS, ImportError, type ImportLimits, type ImportText, type SourceDocument } from '../common/document';
import { extractPage } from './extract';
import { layout } from './flow';
import type { PageContent } from './geometry';
import { loadPdfJs } from './pdfjs';

const MB = 1024 * 1024;

const MESSAGES = {
  tooLarge: (size: number, limit: number): ImportText => ({
    'zh-cn': `文件太大（${(size / MB).toFixed(1)} MB，上限 ${(limit / MB).toFixed(0)} MB），无法导入；请确认选的是年度报告，或先压缩、拆分后再导入。`,
    en: `The file is too large to import (${(size / MB).toFixed(1)} MB; the limit is ${(limit / MB).toFixed(0)} MB); check that it is the annual report, or compress or split it first.`,
  }),
  notPdf: (): ImportText => ({
    'zh-cn': '这不是可读的 PDF 文件（格式不对或文件已损坏），请重新下载或重新导出为 PDF 后再导入。',
    en: 'This is not a readable PDF file (wrong format or damaged); download it again or export it to PDF again, then import it.',
  }),
  password: (): ImportText => ({
    'zh-cn': '这个 PDF 设有打开密码，无法读取；请用密码打开后另存一份不加密的副本，再导入该副本。',
    en: 'This PDF is protected by a password and cannot be read; open it with the password, save an unprotected copy and import that copy.',
  }),
  undecodable: (): ImportText => ({
    'zh-cn': '这个 PDF 的文字无法解码（字体编码缺少字符映射），请用原软件重新导出 PDF（嵌入字体）或另存为 Word 后再导入。',
    en: 'The text of this PDF cannot be decoded (its font encoding has no character map here); export the PDF again with embedded fonts, or save it as Word, then import it.',
  }),
  scanned: (): ImportText => ({
    'zh-cn': '这个 PDF 没有文字层（可能是扫描件或图片），请先用 OCR 识别成文字后再检查。',
    en: 'This PDF has no text layer (it is probably a scan or images); run OCR on it first, then check the result.',
  }),
  noReader: (): ImportText => ({
    'zh-cn': 'PDF 读取组件（pdf.js）无法加载，本程序的安装可能不完整；请重新安装扩展或命令行工具后再试。',
    en: 'The PDF reader (pdf.js) could not be loaded, so this installation may be incomplete; reinstall the extension or command-line tool and try again.',
  }),
  tooSlow: (seconds: number): ImportText => ({
    'zh-cn': `读取这个 PDF 超过了 ${seconds} 秒的时间限制，文件可能过于复杂或已损坏；请重新导出为 PDF 或另存为 Word 后再导入。`,
    en: `Reading this PDF took longer than the ${seconds}-second limit; it may be too complex or damaged. Export it to PDF again or save it as Word, then import it.`,
  }),
};

const NOTES = {
  pagesSkipped: (read: number, total: number): ImportText => ({
    'zh-cn': `只读取了前 ${read} 页（共 ${total} 页），其余页面未导入。`,
    en: `Only the first ${read} of ${total} pages were read; the rest was not imported.`,
  }),
  timeUp: (read: number, total: number, seconds: number): ImportText => ({
    'zh-cn': `读取超过 ${seconds} 秒的时间限制，只导入了前 ${read} 页（共 ${total} 页）。`,
    en: `Reading hit the ${seconds}-second limit: only the first ${read} of ${total} pages were imported.`,
  }),
  pageFailed: (page: number): ImportText => ({
    'zh-cn': `第 ${page} 页无法读取，已跳过。`,
    en: `Page ${page} could not be read and was skipped.`,
  }),
  noText: (pages: number[]): ImportText => ({
    'zh-cn': `第 ${pages.join('、')} 页没有文字层（可能是扫描的图片），这些页的内容未导入，需要时请先 OCR 识别。`,
    en: `Page${pages.length > 1 ? 's' : ''} ${pages.join(', ')} ha${pages.length > 1 ? 've' : 's'} no text layer (probably scanned images) and ${pages.length > 1 ? 'were' : 'was'} not imported; run OCR on ${pages.length > 1 ? 'them' : 'it'} if needed.`,
  }),
};

class Timeout extends Error {}

/** A PDF's paragraphs and tables in reading order. Throws ImportError when the file cannot be read. */
export async function importPdf(bytes: Uint8Array, limits?: Partial<ImportLimits>): Promise<SourceDocument> {
  const lim: ImportLimits = { ...DEFAULT_LIMITS, ...limits };
  const started = Date.now();
  const deadline = started + lim.maxMillis;
  const seconds = lim.maxMillis >= 10_000 ? Math.round(lim.maxMillis / 1000) : Math.round(lim.maxMillis / 100) / 10;
  if (bytes.length > lim.maxInputBytes) throw new ImportError(MESSAGES.tooLarge(bytes.length, lim.maxInputBytes));
  if (!looksLikePdf(bytes)) throw new ImportError(MESSAGES.notPdf());

  const pdfjs = await loadPdfJs().catch(() => {
    throw new ImportError(MESSAGES.noReader());
  });
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js takes over (detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: false, // with true, pdf.js builds an outline for every glyph shown: slow and unused here
    ownerDocument: FONT_SINK as never,
    useSystemFonts: false,
    useWasm: false,
    maxImageSize: 0, // images are never decoded: only text and strokes are read
    stopAtErrors: false,
    verbosity: 0,
    ...resourceUrls(),
  });
  try {
    const doc = await withDeadline(task.promise, deadline).catch((error: unknown) => {
      if (error instanceof Timeout) throw new ImportError(MESSAGES.tooSlow(seconds));
      const name = (error as { name?: string } | null)?.name;
      if (name === 'PasswordException') throw new ImportError(MESSAGES.password());
      if (/encrypt|password|decrypt/i.test(String((error as { message?: string } | null)?.message))) {
        throw new ImportError(MESSAGES.password());
      }
      throw new ImportError(MESSAGES.notPdf());
    });
    const total = doc.numPages;
    if (!(total > 0)) throw new ImportError(MESSAGES.notPdf());
    const count = Math.min(total, Math.max(1, Math.floor(lim.maxPages)));
    const notes: ImportText[] = [];
    const pages: PageContent[] = [];
    const failed: number[] = [];
    for (let n = 1; n <= count; n++) {
      if (Date.now() > deadline) {
        if (pages.length === 0) throw new ImportError(MESSAGES.tooSlow(seconds));
        notes.push(NOTES.timeUp(n - 1, total, seconds));
        break;
      }
      // Let the rest of the process (a language server's requests) run between pages.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        const page = await withDeadline(doc.getPage(n), deadline);
        pages.push(await withDeadline(extractPage(pdfjs, page, n), deadline));
        page.cleanup();
      } catch (error) {
        if (error instanceof Timeout) {
          if (pages.length === 0) throw new ImportError(MESSAGES.tooSlow(seconds));
          notes.push(NOTES.timeUp(n - 1, total, seconds));
          break;
        }
        failed.push(n);
      }
    }
    if (count < total && !notes.length) notes.push(NOTES.pagesSkipped(count, total));
    for (const n of failed) notes.push(NOTES.pageFailed(n));
    const withText = pages.filter((p) => p.runs.length > 0);
    if (withText.length === 0) {
      if (failed.length === pages.length + failed.length && failed.length > 0) throw new ImportError(MESSAGES.notPdf());
      if (pages.some((p) => (p.textOps ?? 0) > 0)) throw new ImportError(MESSAGES.undecodable());
      throw new ImportError(MESSAGES.scanned());
    }
    const empty = pages.filter((p) => p.runs.length === 0).map((p) => p.page);
    if (empty.length > 0) notes.push(NOTES.noText(empty));
    return { format: 'pdf', blocks: layout(pages), notes };
  } finally {
    void task.destroy().catch(() => undefined);
  }
}

/** `%PDF-` within the first kilobyte, as readers accept it. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) {
      return true;
    }
  }
  return false;
}

/** The promise, or a Timeout rejection at the deadline; a rejection of the promise after that is ignored. */
function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  promise.catch(() => undefined); // pdf.js rejects pending calls once the document is destroyed
  const ms = deadline - Date.now();
  if (ms <= 0) return Promise.reject(new Timeout());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * pdf.js hands every embedded font to its "document" to install as a web font. There is none in Node:
 * this stand-in takes the fonts and drops them, so pdf.js neither fails over to drawing glyph outlines
 * (slow) nor touches a real DOM.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [] as unknown[], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * Where pdf.js finds the character maps of fonts that are not embedded (e.g. STSong-Light with
 * UniGB-UCS2-H): next to this file (a bundle may copy them to `pdfjs-cmaps/`), else in the installed
 * pdfjs-dist package. Without them such text cannot be read, everything else still can.
 */
function resourceUrls(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  const roots: string[] = [];
  if (typeof __dirname === 'string') roots.push(__dirname);
  try {
    if (typeof require === 'function') roots.push(dirname(require.resolve('pdfjs-dist/package.json')));
  } catch {
    // pdfjs-dist is not installed beside us (a bundle without node_modules)
  }
  try {
    for (const root of roots) {
      for (const [cmaps, fonts] of [
        ['pdfjs-cmaps', 'pdfjs-standard-fonts'],
        ['cmaps', 'standard_fonts'],
      ]) {
        const dir = join(root, cmaps);
        if (!existsSync(join(dir, 'UniGB-UCS2-H.bcmap'))) continue;
        const fontDir = join(root, fonts);
        return { cMapUrl: dir + sep, cMapPacked: true, ...(existsSync(fontDir) ? { standardFontDataUrl: fontDir + sep } : {}) };
      }
    }
  } catch {
    // no file system access: read without them
  }
  return {};
}
