// Shared XML plumbing for the .docx parts: decoding bytes, a bounded streaming parse with
// htmlparser2 in XML mode, and the namespaces that matter.
import { Parser } from 'htmlparser2';

export const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const NS_W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const NS_MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Text of an XML part: UTF-8 unless a UTF-16 byte order mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
}

export interface XmlHandler {
  open(name: string, attribs: Record<string, string>, depth: number): void;
  close(name: string, depth: number): void;
  text?(data: string): void;
}

/** Thrown when the element nesting exceeds the limit. */
export class XmlDepthError extends Error {
  constructor(readonly limit: number) {
    super(`XML nested deeper than ${limit} elements`);
    this.name = 'XmlDepthError';
  }
}

/**
 * Streams `xml` through `handler`; no recursion, nesting capped at `maxDepth` (the parser's own open
 * element stack grows with depth, so the cap also bounds its work). Unbalanced close tags are
 * resolved by htmlparser2, which reports every element closed exactly once.
 */
export function parseXml(xml: string, handler: XmlHandler, maxDepth: number): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (depth > maxDepth) throw new XmlDepthError(maxDepth);
        handler.open(name, attribs, depth);
      },
      onclosetag(name) {
        handler.close(name, depth);
        depth--;
      },
      ontext: handler.text ? (data) => handler.text!(data) : undefined,
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** The local part of a qualified name. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Attribute by local name (`w:val`, `val`, or any prefix). */
export function attr(attribs: Record<string, string>, local: string): string | undefined {
  const direct = attribs['w:' + local] ?? attribs[local];
  if (direct !== undefined) return direct;
  for (const k in attribs) if (localName(k) === local) return attribs[k];
  return undefined;
}

/** An OOXML on/off value: absent value means on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}
