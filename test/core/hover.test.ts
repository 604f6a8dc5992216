// Hover content from the model: 条例 references (all 56 articles), cells and formulas, rows, headers,
// document numbers, part headings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { articleMarkdown, hoverAt, parseArticleRef } from '../../server/src/core/service/hover';
import { articleCount, getArticle } from '../../server/src/core/spec/law';
import { SEEDS, seedText } from './helpers';

const text = seedText(SEEDS.kunming2023);
const model = check(text).model;
const at = (needle: string, shift = 1, locale: 'zh-cn' | 'en' = 'zh-cn') => {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return hoverAt(model, offset + shift, locale)?.markdown ?? '';
};

describe('hover: the 条例', () => {
  it('every one of the 56 articles has its text, chapter and a plain explanation in both languages', () => {
    assert.equal(articleCount, 56);
    for (let n = 1; n <= 56; n++) {
      const article = getArticle(n)!;
      assert.ok(article.explanation?.['zh-cn'] && article.explanation.en, `article ${n} is explained`);
      const zh = articleMarkdown(n, undefined, undefined, 'zh-cn');
      assert.ok(zh.includes(article.paragraphs[0].text), `article ${n} text`);
      assert.ok(zh.includes(article.chapter.title));
      assert.ok(articleMarkdown(n, undefined, undefined, 'en').includes(article.explanation.en));
    }
  });

  it('an item: the lead-in and the item; a paragraph: that paragraph only; a missing one: why', () => {
    const item = articleMarkdown(20, undefined, 1, 'zh-cn');
    assert.match(item, /下列政府信息：/);
    assert.match(item, /（一）行政法规、规章和规范性文件；/);
    assert.doesNotMatch(item, /（二）/);
    const quoted = articleMarkdown(16, 2, undefined, 'zh-cn').split('\n').filter((l) => l.startsWith('>')).join('\n');
    assert.match(quoted, /过程性信息/);
    assert.doesNotMatch(quoted, /内部事务信息/, 'paragraph 1 is not quoted');
    assert.match(articleMarkdown(57, undefined, undefined, 'zh-cn'), /没有第五十七条/);
    assert.match(articleMarkdown(20, undefined, 16, 'en'), /no item \(16\)/);
  });

  it('parses the article strings of the layout declarations', () => {
    assert.deepEqual(parseArticleRef('第三十六条第（二）项'), { article: 36, paragraph: undefined, item: 2 });
    assert.deepEqual(parseArticleRef('第十六条第二款'), { article: 16, paragraph: 2, item: undefined });
    assert.equal(parseArticleRef('第十六条之二'), undefined);
  });

  it('a reference in the report: the hover shows the item', () => {
    assert.match(at('第二十条第(一)项'), /（一）行政法规、规章和规范性文件；/);
  });
});

describe('hover: tables, documents, parts', () => {
  it('a derived cell: formula with values and whether it holds; wrong totals say what the table has', () => {
    assert.match(at('| 2670 |', 2), /= 2446 \+ 123 \+ 9 \+ 2 \+ 82 \+ 8\n= 2670\n```\n✓ 成立/);
    const broken = text.replace('| 2446 | 123 | 9 | 2 | 82 | 8 | 2670 |', '| 2446 | 123 | 9 | 2 | 82 | 8 | 2671 |');
    const hover = hoverAt(check(broken).model, broken.indexOf('| 2671 |') + 2, 'en')!.markdown;
    assert.match(hover, /✗ does not hold: the table has 2671/);
  });

  it('a long column sum shows its size, the balance cell its 勾稽 relation', () => {
    assert.match(at('(七)总计 | 2430', '(七)总计 | '.length), /= 21 项之和/);
    assert.match(at('| 66 |', 2), /2670 \+ 47 = 2651 \+ 66/);
  });

  it('a plain count cell: row and column, no formula', () => {
    const hover = at('| 33 |', 2);
    assert.match(hover, /行政规范性文件 \/ 本年废止件数/);
    assert.doesNotMatch(hover, /公式/);
  });

  it('row labels: meaning, counting rule and governing articles', () => {
    assert.match(at('(二)部分公开'), /只计这一情形/);
    assert.match(at('(二)部分公开'), /第三十七条/);
    assert.match(at('1.属于国家秘密', 2), /第十四条/);
  });

  it('column headers of table 三 and table 四', () => {
    assert.match(at('法人或其他组织 |'), /五类|Five kinds|商业企业/);
    assert.match(at('商业 企业'), /商业企业/);
    assert.match(at('未经复议直接起诉'), /直接起诉/);
  });

  it('document numbers and part headings', () => {
    assert.match(at('国办公开办函'), /2021年版/);
    assert.match(at('国办公开办函', 1, 'en'), /2021 annual report layout/);
    assert.match(at('四、政府信息公开行政复议'), /第五十条第（三）项/);
  });

  it('every cited official document number, and references written with full-width brackets or a paragraph', () => {
    const prose = '某某局2023年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2019〕60号、国办函〔2020〕109号，以及国务院令第492号要求，依据《条例》第三十六条第（七）项和第十六条第二款。\n';
    const m = check(prose).model;
    const hover = (needle: string) => hoverAt(m, prose.indexOf(needle) + 2, 'zh-cn')?.markdown ?? '';
    assert.match(hover('国务院令第711号'), /2019年5月15日起施行/);
    assert.match(hover('国办公开办函〔2019〕60号'), /2019年版/);
    assert.match(hover('国办函〔2020〕109号'), /信息处理费/);
    assert.match(hover('国务院令第492号'), /已被2019年修订版/);
    assert.match(hover('第三十六条第（七）项'), /（七）所申请公开信息属于工商、不动产登记资料等信息/);
    assert.match(hover('第十六条第二款'), /过程性信息/);
  });

  it('nothing to say in plain prose', () => {
    assert.equal(hoverAt(model, text.indexOf('全市各级行政机关') + 3, 'zh-cn'), undefined);
  });
});
