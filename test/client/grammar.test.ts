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

const TABLE_ROW = '一、本年新收政府信息公开申请数量 | 2446 | 123 | 9 | 2 | 82 | 8 | 2670 | ||';

describe('TextMate grammar (source.gkreport)', () => {
  /** [line, token on that line, a scope the token must carry] */
  const cases: Record<string, [string, string, string][]> = {
    'part headings and sub-headings': [
      ['一、总体情况', '一、', 'markup.heading.part'],
      ['一、总体情况', '总体情况', 'entity.name.section.part'],
      ['六、其他需要报告的事项', '其他需要报告的事项', 'markup.heading.part'],
      ['(一)主动公开政府信息情况', '(一)', 'markup.heading.subsection'],
      ['（二）依申请公开办理情况', '依申请公开办理情况', 'entity.name.section.subsection'],
    ],
    'the title line': [['昆明市政务服务管理局2019年政府信息公开年度报告', '昆明市政务服务管理局2019年政府信息公开年度报告', 'markup.heading.title']],
    'table rows: bars (ASCII and full-width), TABs, Markdown rules and numbers': [
      [TABLE_ROW, '|', 'punctuation.separator.table.bar'],
      [TABLE_ROW, '2446', 'constant.numeric'],
      [TABLE_ROW, '2670', 'meta.table.row'],
      ['行政许可｜１５９９｜', '｜', 'punctuation.separator.table.bar'],
      ['行政许可｜１５９９｜', '１５９９', 'constant.numeric'],
      ['规章\t3\t5\t87', '\t', 'punctuation.separator.table.tab'],
      ['行政事业性收费 | 194815.9 |', '194815.9', 'constant.numeric'],
      ['|---|---|', '---', 'punctuation.definition.table.rule'],
    ],
    '条例 article references, document numbers, 《》 titles and dates': [
      ['第二十条第(一)项 | |||', '第二十条第(一)项', 'support.constant.article-reference'],
      ['依据条例第五十条规定', '第五十条', 'support.constant.article-reference'],
      ['按第二十条第（一）（五）（六）（八）项填报', '第二十条第（一）（五）（六）（八）项', 'support.constant.article-reference'],
      ['第十六条第二款', '第十六条第二款', 'support.constant.article-reference'],
      ['年度报告格式》(国办公开办函〔2021〕30号)规定', '国办公开办函〔2021〕30号', 'constant.other.document-number'],
      ['(国务院令第711号)', '国务院令第711号', 'constant.other.document-number'],
      ['根据《中华人民共和国政府信息公开条例》规定', '《中华人民共和国政府信息公开条例》', 'string.quoted.title'],
      ['统计期限为2023年1月1日—2023年12月31日', '2023年1月1日', 'constant.other.date'],
    ],
  };
  for (const [name, list] of Object.entries(cases)) {
    it(name, () => list.forEach(([line, text, scope]) => hasScope(line, text, scope)));
  }

  it('a table row label that looks like a part heading stays a cell', () => {
    assert.ok(!scopesOf(TABLE_ROW, '一、本年新收政府信息公开申请数量 ').some((s) => s.includes('markup.heading')));
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
