// Bytes of a saved web page → text. Order: byte-order mark, then the charset the page declares in
// its first few kilobytes (`<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">`),
// then valid UTF-8, else GB18030 (the superset of GBK and GB2312 that Chinese government sites use).
// A declaration the bytes plainly contradict (a page saved as UTF-8 by a crawler that kept its old
// `charset=gb2312`) loses to the bytes, with a note.
import { isUtf8 } from 'node:buffer';
import type { ImportText } from '../common/document';

export type Charset = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'big5';

export interface Decoded {
  text: string;
  charset: Charset;
  /** How the charset was chosen. */
  via: 'bom' | 'meta' | 'utf8-valid' | 'fallback';
  notes: ImportText[];
}

/** Bytes scanned for a charset declaration. */
const SNIFF_BYTES = 4096;

/** The charset a label names, or undefined when it is not one we decode. */
export function charsetOfLabel(label: string): Charset | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (/^(gbk|gb2312|gb_2312(-80)?|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|iso-ir-58|chinese)$/.test(l)) return 'gb18030';
  if (l === 'utf-16le' || l === 'utf-16') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5)$/.test(l)) return 'big5';
  return undefined;
}

/** The charset label declared by a `<meta>` in the first bytes, read as ASCII. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let head = '';
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    head += b < 0x80 ? String.fromCharCode(b) : ' ';
  }
  const metaRe = /<meta\b([^>]*)>/gi;
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const attrs = m[1];
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(attrs);
    if (direct) return direct[1];
  }
  return undefined;
}

/** Bytes are valid UTF-8, and how many multibyte characters they hold (lead bytes). */
function utf8Valid(bytes: Uint8Array): { valid: boolean; multibyte: number } {
  if (!isUtf8(bytes)) return { valid: false, multibyte: 0 };
  let multibyte = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0xc2) multibyte++;
  return { valid: true, multibyte };
}

function decodeAs(bytes: Uint8Array, charset: Charset): string {
  return new TextDecoder(charset).decode(bytes);
}

const note = (zh: string, en: string): ImportText => ({ 'zh-cn': zh, en });

export function decodeHtml(bytes: Uint8Array): Decoded {
  // Byte-order marks.
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeAs(bytes, 'utf-8'), charset: 'utf-8', via: 'bom', notes: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeAs(bytes, 'utf-16le'), charset: 'utf-16le', via: 'bom', notes: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeAs(bytes, 'utf-16be'), charset: 'utf-16be', via: 'bom', notes: [] };
  }
  const label = declaredCharset(bytes);
  let declared = label ? charsetOfLabel(label) : undefined;
  // A page whose <meta> could be read as ASCII is not UTF-16 (the HTML standard reads it as UTF-8).
  if (declared === 'utf-16le' || declared === 'utf-16be') declared = 'utf-8';
  const utf8 = utf8Valid(bytes);
  if (declared === 'utf-8' || declared === undefined) {
    if (utf8.valid) return { text: decodeAs(bytes, 'utf-8'), charset: 'utf-8', via: declared ? 'meta' : 'utf8-valid', notes: [] };
    const notes: ImportText[] = [];
    if (declared === 'utf-8') {
      notes.push(
        note(
          '网页声明为 UTF-8 编码，但内容不是有效的 UTF-8，已按 GB18030（GBK）编码读取。',
          'The page declares UTF-8 but its bytes are not valid UTF-8; it was read as GB18030 (GBK).',
        ),
      );
    } else if (label) {
      notes.push(
        note(
          `网页声明的编码“${label}”无法识别，已按 GB18030（GBK）编码读取。`,
          `The page's declared encoding "${label}" is not supported; it was read as GB18030 (GBK).`,
        ),
      );
    }
    return { text: decodeAs(bytes, 'gb18030'), charset: 'gb18030', via: 'fallback', notes };
  }
  // A GBK-family (or other) declaration: trust it unless the bytes are plainly UTF-8 Chinese text
  // (many multibyte sequences, all valid: GBK text is practically never valid UTF-8 at length).
  if (declared === 'gb18030' && utf8.valid && utf8.multibyte >= 8) {
    return {
      text: decodeAs(bytes, 'utf-8'),
      charset: 'utf-8',
      via: 'utf8-valid',
      notes: [
        note(
          `网页声明的编码为“${label}”，但内容是有效的 UTF-8 文本，已按 UTF-8 读取。`,
          `The page declares "${label}" but its bytes are valid UTF-8 text; it was read as UTF-8.`,
        ),
      ],
    };
  }
  return { text: decodeAs(bytes, declared), charset: declared, via: 'meta', notes: [] };
}
