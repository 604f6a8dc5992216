// Word (.docx) → SourceDocument: the body's paragraphs and tables in reading order, each with its
// place in the file, then trimmed to the report itself (a web page saved as Word carries the site's
// menus and footer around the report). Files that are not a readable .docx — a legacy .doc/.wps, a
// password-protected file, a damaged zip, another kind of file — fail with one ImportError sentence.
import { DEFAULT_LIMITS, ImportError, type ImportLimits, type ImportText, type SourceDocument } from '../common/document';
import { readBody } from './body';
import { MSG } from './messages';
import { Numbering, readStyleNumbering } from './numbering';
import { decodeXml, localName, parseXml, XmlDepthError } from './xml';
import { looksLikeZip, ZipError, ZipReader } from './zip';
import { trimToReport } from '../common/extent';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroenabled.main+xml',
  'application/vnd.ms-word.template.macroenabledtemplate.main+xml',
]);

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(s, 'utf16le')) >= 0;
}

/** Why bytes that are not a zip cannot be a .docx. */
function notZipReason(bytes: Uint8Array): ImportText {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // An encrypted .docx is an OLE compound file holding the real package as "EncryptedPackage".
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) return MSG.encrypted;
    if (containsUtf16(bytes, 'WordDocument')) return MSG.legacyDoc;
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'PowerPoint Document')) return MSG.otherOle;
    return MSG.legacyDoc;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (head.startsWith('%PDF')) return MSG.pdf;
  if (head.startsWith('{\\rtf')) return MSG.rtf;
  if (/<\?mso-application[^>]*Word\.Document|<pkg:package|<w:wordDocument/i.test(head)) return MSG.wordXml;
  if (/^(<\?xml[^>]*>\s*)?<(!doctype html|html)/i.test(head) || /^MIME-Version:/i.test(head) || /<html[\s>]/i.test(head)) {
    return MSG.html;
  }
  return MSG.notDocx;
}

function zipProblem(e: ZipError, limits: ImportLimits): ImportText {
  switch (e.problem) {
    case 'encrypted':
      return MSG.encrypted;
    case 'too-large':
      return MSG.tooLargeExpanded(limits.maxExpandedBytes);
    case 'not-zip':
      return MSG.notDocx;
    default:
      return MSG.corrupt;
  }
}

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep the raw target
  }
  const parts = (t.startsWith('/') ? t.slice(1) : baseDir + t).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

class Package {
  private budget: number;
  private readonly deadline: number;

  constructor(
    private readonly zip: ZipReader,
    readonly limits: ImportLimits,
  ) {
    this.budget = limits.maxExpandedBytes;
    this.deadline = Date.now() + limits.maxMillis;
  }

  tick(): void {
    if (Date.now() > this.deadline) throw new ImportError(MSG.tooSlow(this.limits.maxMillis));
  }

  has(name: string): boolean {
    return this.zip.entry(name) !== undefined;
  }

  /** A part's text, counted against the expansion budget; undefined when absent. */
  text(name: string): string | undefined {
    const entry = this.zip.entry(name);
    if (!entry) return undefined;
    const bytes = this.zip.read(entry, this.budget);
    this.budget -= bytes.length;
    this.tick();
    return decodeXml(bytes);
  }

  /** Relationships of a part: [type, resolved target] pairs. */
  relationships(partName: string): [string, string][] {
    const slash = partName.lastIndexOf('/');
    const dir = partName.slice(0, slash + 1);
    const relsName = `${dir}_rels/${partName.slice(slash + 1)}.rels`;
    const xml = this.text(relsName);
    if (xml === undefined) return [];
    const rels: [string, string][] = [];
    parseXml(
      xml,
      {
        open(name, a) {
          if (localName(name) === 'Relationship' && a.TargetMode !== 'External' && a.Target) {
            rels.push([a.Type ?? '', resolveTarget(dir, a.Target)]);
          }
        },
        close() {},
      },
      this.limits.maxDepth,
    );
    return rels;
  }

  /** The main document part: named by the package relationships, else by the content types. */
  mainPart(): string | undefined {
    for (const [type, target] of tolerant(() => this.relationships(''), [])) {
      if (/\/officeDocument$/.test(type) && this.has(target)) return target;
    }
    const types = tolerant(() => this.text('[Content_Types].xml'), undefined);
    let found: string | undefined;
    if (types !== undefined) {
      parseXml(
        types,
        {
          open: (name, a) => {
            if (!found && localName(name) === 'Override' && MAIN_TYPES.has((a.ContentType ?? '').toLowerCase())) {
              const part = resolveTarget('', a.PartName ?? '');
              if (this.has(part)) found = part;
            }
          },
          close() {},
        },
        this.limits.maxDepth,
      );
    }
    if (found) return found;
    return this.has('word/document.xml') ? 'word/document.xml' : undefined;
  }
}

/**
 * What `read` gives, or `fallback` when the part it reads is damaged: the parts around the body
 * (relationships, numbering, styles) only refine the reading, so their damage does not stop it.
 */
function tolerant<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlDepthError) return fallback;
    throw e;
  }
}

/** Why a zip without a Word body is not a Word document. */
function noDocumentReason(zip: ZipReader): ImportText {
  if (zip.entry('xl/workbook.xml')) return MSG.excel;
  if (zip.entry('ppt/presentation.xml')) return MSG.powerpoint;
  if (zip.entry('content.xml') && zip.entry('mimetype')) return MSG.odf;
  return MSG.noDocument;
}

/** The document's blocks, untrimmed (exported for tools and tests). */
export function readDocx(bytes: Uint8Array, limits: ImportLimits): SourceDocument {
  if (bytes.length > limits.maxInputBytes) throw new ImportError(MSG.tooLargeInput(limits.maxInputBytes));
  if (!looksLikeZip(bytes)) throw new ImportError(notZipReason(bytes));
  try {
    const zip = new ZipReader(bytes);
    const pkg = new Package(zip, limits);
    const main = pkg.mainPart();
    if (!main) throw new ImportError(noDocumentReason(zip));
    // Numbering is only rebuilt when the document has lists that draw numbers.
    const rels = tolerant(() => pkg.relationships(main), []);
    const numberingPart = rels.find(([type]) => /\/numbering$/.test(type))?.[1];
    const numbering = tolerant(() => {
      const xml = numberingPart ? pkg.text(numberingPart) : undefined;
      const found = xml !== undefined ? new Numbering(xml, limits.maxDepth) : undefined;
      return found?.hasNumbers() ? found : undefined;
    }, undefined);
    const stylesPart = rels.find(([type]) => /\/styles$/.test(type))?.[1];
    if (numbering && stylesPart) {
      const styles = tolerant(() => {
        const xml = pkg.text(stylesPart);
        return xml !== undefined ? readStyleNumbering(xml, limits.maxDepth) : undefined;
      }, undefined);
      if (styles) numbering.styles = styles;
    }
    const xml = pkg.text(main)!;
    const body = readBody(xml, { maxDepth: limits.maxDepth, tick: () => pkg.tick(), numbering });
    return { format: 'docx', blocks: body.blocks, notes: body.tracked ? [MSG.tracked] : [] };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (e instanceof ZipError) throw new ImportError(zipProblem(e, limits));
    if (e instanceof XmlDepthError) throw new ImportError(MSG.tooDeep(e.limit));
    if (e instanceof RangeError) throw new ImportError(MSG.tooLargeExpanded(limits.maxExpandedBytes));
    throw new ImportError(MSG.corrupt);
  }
}

/**
 * Imports a Word .docx: the report's paragraphs and tables in reading order with their source
 * locations, trimmed to the report when the file carries other text around it (a saved web page).
 * Throws ImportError, with one sentence saying what to do, for files that cannot be read.
 */
export function importDocx(bytes: Uint8Array, limits: Partial<ImportLimits> = {}): SourceDocument {
  const all: ImportLimits = { ...DEFAULT_LIMITS, ...limits };
  const doc = readDocx(bytes, all);
  return trimToReport(doc);
}
