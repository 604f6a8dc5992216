// The 条例 (中华人民共和国政府信息公开条例, 2019) as data: lookup by article / paragraph (款) / item (项).
// The text lives in regulation.generated.ts (generated from regulation-2019.md by scripts/gen-law.mjs).
import type { Localized } from '../../base/types';
import { msg } from '../../base/i18n';
import { toChineseNumeral } from '../../base/numerals';
import { REGULATION } from './regulation.generated';
export type { RegulationArticleData, RegulationData, RegulationParagraphData } from './types';
import { ARTICLE_EXPLANATIONS } from './explanations';

// ---- the lookup API ----

export interface Chapter {
  number: number;
  title: string;
}

export interface Paragraph {
  text: string;
  items: string[];
}

export interface Article {
  number: number;
  chapter: Chapter;
  paragraphs: Paragraph[];
  /** A short plain-language explanation (for hovers); absent until written. */
  explanation?: Localized;
}

export const articleCount = REGULATION.articles.length;
export const chapters: readonly Chapter[] = REGULATION.chapters;

/** Plain-language explanations of articles, keyed by article number, for hovers (explanations.ts). */
export const explanations: Partial<Record<number, Localized>> = Object.fromEntries(
  ARTICLE_EXPLANATIONS.map((text, i) => [i + 1, text]),
);

/** The article, or undefined when the 条例 has no such article. */
export function getArticle(n: number): Article | undefined {
  if (!Number.isInteger(n) || n < 1 || n > REGULATION.articles.length) return undefined;
  const a = REGULATION.articles[n - 1];
  const chapter = REGULATION.chapters[a.chapter - 1];
  return {
    number: a.number,
    chapter: { number: chapter.number, title: chapter.title },
    paragraphs: a.paragraphs.map((p) => ({ text: p.text, items: [...p.items] })),
    explanation: explanations[n],
  };
}

/** `第二十条第一款第（一）项` — how a reference is written in Chinese. */
export function referenceLabel(article: number, paragraph?: number, item?: number): string {
  let s = `第${cnNum(article)}条`;
  if (paragraph !== undefined) s += `第${cnNum(paragraph)}款`;
  if (item !== undefined) s += `第（${cnNum(item)}）项`;
  return s;
}

/** `Art. 20(1), item 1` — the same in English. */
export function referenceLabelEn(article: number, paragraph?: number, item?: number): string {
  let s = `Article ${article}`;
  if (paragraph !== undefined) s += `, paragraph ${paragraph}`;
  if (item !== undefined) s += `, item (${item})`;
  return s;
}

export type ReferenceProblem =
  | 'article-out-of-range'
  | 'paragraph-out-of-range'
  | 'item-out-of-range'
  | 'no-items';

export interface ResolvedReference {
  ok: true;
  article: Article;
  /** 1-based paragraph the reference lands in (the item's paragraph when only an item was named). */
  paragraph?: number;
  item?: number;
  /** The text referred to: the whole article (paragraphs joined by newlines), a paragraph, or an item. */
  text: string;
  /** `第二十条第（一）项` as written canonically. */
  label: string;
  /** `Article 20, item (1)`. */
  labelEn: string;
}

export interface UnresolvedReference {
  ok: false;
  problem: ReferenceProblem;
  /** Why the reference does not exist, stating what does (`第二十条共十五项`). */
  reason: Localized;
  /** The article when it exists (paragraph/item problems). */
  article?: Article;
}

export type ReferenceResolution = ResolvedReference | UnresolvedReference;

function cnNum(n: number): string {
  if (n >= 1 && n <= 99 && Number.isInteger(n)) return toChineseNumeral(n);
  return String(n);
}

function articleText(a: Article): string {
  return a.paragraphs.map((p) => [p.text, ...p.items].join('\n')).join('\n');
}

/**
 * Resolves `第N条[第M款][第（K）项]`. An item without a paragraph is counted in the article's first
 * paragraph that has items (the usual way `第二十条第（一）项` is meant).
 */
export function resolveReference(article: number, paragraph?: number, item?: number): ReferenceResolution {
  const label = referenceLabel(article, paragraph, item);
  const labelEn = referenceLabelEn(article, paragraph, item);
  const a = getArticle(article);
  if (!a) {
    return {
      ok: false,
      problem: 'article-out-of-range',
      reason: msg(
        `条例共${cnNum(articleCount)}条，没有第${cnNum(article)}条`,
        `the Regulation has ${articleCount} articles; there is no article ${article}`,
      ),
    };
  }
  const artLabel = `第${cnNum(a.number)}条`;
  let pIndex: number | undefined;
  if (paragraph !== undefined) {
    if (!Number.isInteger(paragraph) || paragraph < 1 || paragraph > a.paragraphs.length) {
      return {
        ok: false,
        problem: 'paragraph-out-of-range',
        article: a,
        reason: msg(
          a.paragraphs.length === 1
            ? `条例${artLabel}只有一款，没有第${cnNum(paragraph)}款`
            : `条例${artLabel}共${cnNum(a.paragraphs.length)}款，没有第${cnNum(paragraph)}款`,
          `article ${a.number} of the Regulation has ${a.paragraphs.length} paragraph${a.paragraphs.length === 1 ? '' : 's'}; there is no paragraph ${paragraph}`,
        ),
      };
    }
    pIndex = paragraph;
  }
  if (item === undefined) {
    const text = pIndex === undefined ? articleText(a) : [a.paragraphs[pIndex - 1].text, ...a.paragraphs[pIndex - 1].items].join('\n');
    return { ok: true, article: a, paragraph: pIndex, text, label, labelEn };
  }
  if (pIndex === undefined) {
    const first = a.paragraphs.findIndex((p) => p.items.length > 0);
    if (first < 0) {
      return {
        ok: false,
        problem: 'no-items',
        article: a,
        reason: msg(`条例${artLabel}没有分项，没有第（${cnNum(item)}）项`, `article ${a.number} of the Regulation has no items; there is no item (${item})`),
      };
    }
    pIndex = first + 1;
  }
  const p = a.paragraphs[pIndex - 1];
  const where = paragraph === undefined ? artLabel : `${artLabel}第${cnNum(pIndex)}款`;
  const whereEn = paragraph === undefined ? `article ${a.number}` : `article ${a.number}, paragraph ${pIndex},`;
  if (p.items.length === 0) {
    return {
      ok: false,
      problem: 'no-items',
      article: a,
      reason: msg(`条例${where}没有分项，没有第（${cnNum(item)}）项`, `${whereEn} of the Regulation has no items; there is no item (${item})`),
    };
  }
  if (!Number.isInteger(item) || item < 1 || item > p.items.length) {
    return {
      ok: false,
      problem: 'item-out-of-range',
      article: a,
      reason: msg(
        `条例${where}共${cnNum(p.items.length)}项，没有第（${cnNum(item)}）项`,
        `${whereEn} of the Regulation has ${p.items.length} items; there is no item (${item})`,
      ),
    };
  }
  return { ok: true, article: a, paragraph: pIndex, item, text: p.items[item - 1], label, labelEn };
}
