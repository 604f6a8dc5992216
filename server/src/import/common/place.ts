// Naming the place of a finding in a file that was converted from Word, a web page or PDF: in the
// source's terms (第4页, 第16行 第10列, 第294行) and the report's (表三 （二）部分公开 / 总计).
import { msg, placeAt, type Localized, type ReportModel } from '../../core';
import { describeSource } from './describe';
import type { SourceDocument, SourceLocation } from './document';
import { locate, type MappedSpan } from './render';

/** Where a checked text came from, when it was imported. */
export interface ImportedSource {
  format: SourceDocument['format'];
  map: MappedSpan[];
}

export interface SourcePlace {
  location: SourceLocation;
  /** `第4页 表三 （二）部分公开 / 总计`. */
  text: Localized;
}

/** The source place of an offset of the converted text. */
export function sourcePlace(source: ImportedSource, model: ReportModel, offset: number): SourcePlace | undefined {
  const location = locate(source.map, offset);
  if (!location) return undefined;
  const where = describeSource(location);
  const what = placeAt(model, offset);
  const words = (locale: 'zh-cn' | 'en') => {
    const [at, area, detail] = [where[locale], what?.area[locale], what?.detail?.[locale]];
    // A Word table cell: 表三 第16行 第10列（1.本机关不掌握相关政府信息 / 总计）; elsewhere 第4页 表三 （二）部分公开 / 总计.
    if (location.format === 'docx' && location.table !== undefined && area) {
      return [area, at].filter((x) => x).join(' ') + (detail ? (locale === 'zh-cn' ? `（${detail}）` : ` (${detail})`) : '');
    }
    return [at, area, detail].filter((x) => x).join(locale === 'zh-cn' ? ' ' : ', ');
  };
  return { location, text: msg(words('zh-cn'), words('en')) };
}
