// Snippets are generated from the layout data, committed up to date, and parse back through the core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check } from '../../server/src/core/service/check';
import { getLayout } from '../../server/src/core/spec/layout';
import { reportSnippets, SNIPPETS_FILE, snippetsJson, type Snippet } from '../../scripts/gen-snippets';

/** The text a snippet inserts when the user accepts every default: placeholders and mirrors resolved. */
function expand(snippet: Snippet): string {
  const body = snippet.body.join('\n');
  const defaults = new Map<string, string>();
  const placeholder = /\$\{(\d+):((?:\\.|[^\\}])*)\}/g;
  for (const [, stop, text] of body.matchAll(placeholder)) if (!defaults.has(stop)) defaults.set(stop, text);
  return body
    .replace(placeholder, (_, __, text: string) => text)
    .replace(/(?<!\\)\$(\d+)/g, (_, stop: string) => defaults.get(stop) ?? '')
    .replace(/\\([\\$}])/g, '$1');
}

const snippets = reportSnippets();
const byPrefix = (prefix: string) => Object.values(snippets).find((s) => s.prefix.includes(prefix))!;

describe('snippets', () => {
  it('the committed snippets file is generated from the layout data and up to date', () => {
    assert.equal(readFileSync(SNIPPETS_FILE, 'utf8'), snippetsJson(), 'run `npm run snippets`');
  });

  it('three tables, the skeleton and the fee sentence, each with a Chinese and a Latin prefix', () => {
    for (const prefix of ['表二', '表三', '表四', '年报', '信息处理费']) assert.ok(byPrefix(prefix), prefix);
    for (const prefix of ['biaoer', 'biaosan', 'biaosi', 'nianbao', 'chulifei']) assert.ok(byPrefix(prefix), prefix);
    for (const s of Object.values(snippets)) {
      assert.ok(s.prefix.some((p) => /^[\u4e00-\u9fff]/.test(p)) && s.prefix.some((p) => /^[a-z]/.test(p)), s.prefix.join());
      assert.ok(s.description.length > 0);
    }
  });

  it('the skeleton, with its defaults, is a complete report: six parts, three tables, no error or warning', () => {
    const text = expand(byPrefix('年报'));
    const { model, findings } = check(text);
    assert.deepEqual(
      model.parts.map((p) => p.index),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(model.tables.map((t) => [t.kind, t.layout]), [
      ['active', '2021'],
      ['requests', '2021'],
      ['review', '2021'],
    ]);
    assert.equal(model.meta.reportYear, 2025);
    const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious.map((f) => `${f.ruleId} ${f.message.en}`), []);
  });

  it('each table snippet, pasted under its part heading, is recognised as that standard table with every row', () => {
    const skeleton = expand(byPrefix('年报'));
    for (const def of getLayout('2021')!.tables) {
      const tableText = expand(byPrefix(`表${'一二三四'[def.part - 1]}`));
      assert.ok(skeleton.includes(tableText), `${def.kind}: the skeleton holds the same table`);
      const { model, findings } = check(skeleton);
      const table = model.tables.find((t) => t.kind === def.kind)!;
      assert.equal(table.layout, '2021');
      assert.equal(findings.filter((f) => f.ruleId === 'GK202' || f.ruleId === 'GK201').length, 0);
    }
  });

  it('the fee sentence satisfies GK601 in part 六 of a 2025 report', () => {
    const skeleton = expand(byPrefix('年报'));
    const fee = expand(byPrefix('信息处理费'));
    assert.ok(fee.startsWith('2025年度'));
    const heading = '六、其他需要报告的事项\n';
    assert.ok(skeleton.includes(heading + fee), 'the skeleton states the fee first in part 六');
    const upToPart6 = skeleton.slice(0, skeleton.indexOf(heading) + heading.length);
    const gk601 = (text: string) => check(text).findings.filter((f) => f.ruleId === 'GK601').length;
    assert.equal(gk601(`${upToPart6}本年度无其他需要报告的事项。`), 1);
    assert.equal(gk601(`${upToPart6}${fee}`), 0);
  });

  it('tab stops are numbered from 1 without gaps, and every mirror refers to a defined stop', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = s.body.join('\n');
      const defined = new Set([...body.matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1])));
      const max = Math.max(...defined);
      const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !defined.has(n));
      assert.deepEqual(missing, s.prefix.includes('chulifei') ? [1] : [], name);
      for (const [, stop] of body.matchAll(/(?<![\\{])\$(\d+)/g)) assert.ok(Number(stop) === 0 || defined.has(Number(stop)), `${name}: $${stop}`);
    }
  });
});
