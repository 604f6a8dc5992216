// Small .docx packages built in memory for the importer tests.
import { strToU8, zipSync, type Zippable } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOC_RELS_NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** The document part around body XML. */
export function documentXml(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

export interface DocxParts {
  numbering?: string;
  styles?: string;
  /** Extra or replacement parts, by name (string or bytes). */
  extra?: Record<string, string | Uint8Array>;
  /** Leave out these standard parts. */
  omit?: string[];
}

/** A .docx with the given body XML (inside w:body). */
export function makeDocx(body: string, parts: DocxParts = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(documentXml(body)),
  };
  if (parts.numbering !== undefined) {
    files['word/_rels/document.xml.rels'] = strToU8(DOC_RELS_NUMBERING);
    files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W_NS}">${parts.numbering}</w:numbering>`);
    files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W_NS}">${parts.styles ?? ''}</w:styles>`);
  }
  for (const [name, data] of Object.entries(parts.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  for (const name of parts.omit ?? []) delete files[name];
  return zipSync(files);
}

/** A paragraph of plain text runs. */
export const p = (...runs: string[]) => `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;

/** A table cell: properties XML and content paragraphs. */
export const tc = (props: string, ...paras: string[]) => `<w:tc><w:tcPr>${props}</w:tcPr>${paras.length > 0 ? paras.join('') : '<w:p/>'}</w:tc>`;

export const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

export const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;
