// The TextMate grammar, tokenized by the same engine VS Code uses (vscode-textmate + oniguruma).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { SEEDS, seedText } from '../core/helpers';

const root = join(__dirname, '..', '..');
const grammarPath = join(root, 'syntaxes', 'gkreport.tmLanguage.json');

let grammar: textmate.IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.gkreport' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const loaded = await registry.loadGrammar('source.gkreport');
  assert.ok(loaded, 'grammar loads');
  grammar = loaded;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(lines: string[]): Token[][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token that covers `text` (exactly) on the line. */
function scopesOf(line: string, text: string): string[] {
  const token = tokenize([line])[0].find((t) => t.text === text);
  assert.ok(token, `a token “${text}” in ${JSON.stringify(tokenize([line])[0].map((t) => t.text))}`);
  return token.scopes;
}

function hasScope(line: string, text: string, scope: string): void {
  const scopes = scopesOf(line, text);
  assert.ok(scopes.some((s) => s.split(' ').some((part) => part.startsWith(scope))), `“${text}” has ${scope}: ${scopes.join(', ')}`);
}

describe('TextMate grammar (source.gkreport)', () => {
  it('part headings and sub-headings', () => {
    hasScope('一、总体情况', '一、', 'markup.heading.part');
    hasScope('一、总体情况', '总体情况', 'entity.name.section.part');
    hasScope('六、其他需要报告的事项', '其他需要报告的事项', 'markup.heading.part');
    hasScope('(一)主动公开政府信息情况', '(一)', 'markup.heading.subsection');
    hasScope('（二）依申请公开办理情况', '依申请公开办理情况', 'entity.name.section.subsection');
  });

  it('the title line', () => {
    hasScope('昆明市政务服务管理局2019年政府信息公开年度报告', '昆明市政务服务管理局2019年政府信息公开年度报告', 'markup.heading.title');
  });

  it('table rows: bars, TABs and numbers; a row label that looks like a heading stays a cell', () => {
    const row = '一、本年新收政府信息公开申请数量 | 2446 | 123 | 9 | 2 | 82 | 8 | 2670 | ||';
    hasScope(row, '|', 'punctuation.separator.table.bar');
    hasScope(row, '2446', 'constant.numeric');
    hasScope(row, '2670', 'meta.table.row');
    assert.ok(!scopesOf(row, '一、本年新收政府信息公开申请数量 ').some((s) => s.includes('markup.heading')));
    hasScope('行政许可｜１５９９｜', '｜', 'punctuation.separator.table.bar');
    hasScope('行政许可｜１５９９｜', '１５９９', 'constant.numeric');
    hasScope('规章\t3\t5\t87', '\t', 'punctuation.separator.table.tab');
    hasScope('行政事业性收费 | 194815.9 |', '194815.9', 'constant.numeric');
    hasScope('|---|---|', '---', 'punctuation.definition.table.rule');
  });

  it('条例 article references, document numbers, 《》 titles and dates', () => {
    hasScope('第二十条第(一)项 | |||', '第二十条第(一)项', 'support.constant.article-reference');
    hasScope('依据条例第五十条规定', '第五十条', 'support.constant.article-reference');
    hasScope('按第二十条第（一）（五）（六）（八）项填报', '第二十条第（一）（五）（六）（八）项', 'support.constant.article-reference');
    hasScope('第十六条第二款', '第十六条第二款', 'support.constant.article-reference');
    hasScope('年度报告格式》(国办公开办函〔2021〕30号)规定', '国办公开办函〔2021〕30号', 'constant.other.document-number');
    hasScope('(国务院令第711号)', '国务院令第711号', 'constant.other.document-number');
    hasScope('根据《中华人民共和国政府信息公开条例》规定', '《中华人民共和国政府信息公开条例》', 'string.quoted.title');
    hasScope('统计期限为2023年1月1日—2023年12月31日', '2023年1月1日', 'constant.other.date');
  });

  it('an unclosed 《 does not swallow the following lines', () => {
    const [first, second] = tokenize(['见《条例', '二、主动公开政府信息情况']);
    assert.ok(!first.some((t) => t.scopes.some((s) => s.includes('string.quoted'))));
    assert.ok(second.some((t) => t.scopes.some((s) => s.includes('markup.heading.part'))));
  });

  it('tokenizes every seed; each has six part headings and its table rows', () => {
    for (const seed of Object.values(SEEDS)) {
      const lines = seedText(seed).split(/\r?\n/);
      const tokens = tokenize(lines);
      const headings = tokens.filter((line) => line.some((t) => t.scopes.some((s) => s.includes('entity.name.section.part'))));
      assert.ok(headings.length >= 6, `${seed}: ${headings.length} part headings`);
      assert.ok(tokens.flat().some((t) => t.scopes.some((s) => s.includes('meta.table.row'))) || seed.startsWith('004'), `${seed}: table rows`);
    }
  });

  it('hostile lines tokenize in time proportional to their length', () => {
    const hostile = [
      '|'.repeat(20000),
      '\t'.repeat(20000),
      '9'.repeat(20000),
      '《'.repeat(20000),
      '第'.repeat(20000),
      '国办函〔'.repeat(5000),
      '一、'.repeat(10000),
      '（一'.repeat(10000),
    ];
    for (const line of hostile) {
      const started = performance.now();
      tokenize([line]);
      const ms = performance.now() - started;
      assert.ok(ms < 1000, `${JSON.stringify(line.slice(0, 8))}… took ${ms.toFixed(0)} ms`);
    }
  });
});
