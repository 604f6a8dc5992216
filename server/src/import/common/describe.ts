// A source location in words, in the source's own terms: 第4页, 第12段, 第16行 第10列, 第294行.
import type { ImportText, SourceLocation } from './document';

export function describeSource(source: SourceLocation): ImportText {
  switch (source.format) {
    case 'pdf':
      return { 'zh-cn': `第${source.page}页`, en: `page ${source.page}` };
    case 'docx':
      if (source.table !== undefined && source.row !== undefined && source.column !== undefined) {
        return { 'zh-cn': `第${source.row}行 第${source.column}列`, en: `row ${source.row}, column ${source.column}` };
      }
      return source.paragraph !== undefined ? { 'zh-cn': `第${source.paragraph}段`, en: `paragraph ${source.paragraph}` } : { 'zh-cn': '', en: '' };
    case 'html':
      return { 'zh-cn': `第${source.line}行`, en: `line ${source.line}` };
  }
}
