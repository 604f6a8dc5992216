// Rule documentation pages: one per rule of the registry, linked from the catalogue, up to date.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules } from '../../server/src/core/rules';

const root = resolve(__dirname, '..', '..');
const docs = join(root, 'docs');

describe('rule documentation', () => {
  it('docs/rules.md, docs/rules/*.md, docs/rules/index.json and the rules settings schema are up to date', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-docs.ts', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('one page per rule, where diagnostics link to it (dist/../docs/rules/<ID>.md), and no page without a rule', () => {
    const pages = readdirSync(join(docs, 'rules')).filter((n) => n.endsWith('.md'));
    assert.deepEqual(pages.sort(), allRules.map((r) => `${r.meta.id}.md`).sort());
    for (const { meta } of allRules) {
      const page = join(root, 'dist', '..', 'docs', 'rules', `${meta.id}.md`);
      assert.ok(existsSync(page), page);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${meta.id} \`${meta.name}\``), meta.id);
      for (const part of [meta.description['zh-cn'], meta.description.en, `| 默认级别 · default severity | ${meta.defaultSeverity} |`, '## 示例 · Example']) {
        assert.ok(text.includes(part), `${meta.id}: ${part}`);
      }
    }
  });

  it('the catalogue links every page; the index the client reads lists every rule', () => {
    const catalogue = readFileSync(join(docs, 'rules.md'), 'utf8');
    for (const { meta } of allRules) assert.ok(catalogue.includes(`[${meta.id}](rules/${meta.id}.md)`), meta.id);
    const index = JSON.parse(readFileSync(join(docs, 'rules', 'index.json'), 'utf8'));
    assert.deepEqual(
      index.map((r: { id: string; name: string }) => `${r.id} ${r.name}`),
      allRules.map((r) => `${r.meta.id} ${r.meta.name}`),
    );
  });

  it('a rule that fires in a sample report shows that finding and its quick fixes as the example', () => {
    const page = readFileSync(join(docs, 'rules', 'GK204.md'), 'utf8');
    assert.match(page, /test\/fixtures\/seeds\/001_592af5ca0dea8887\.txt/);
    assert.match(page, /- 诊断：.+/);
    assert.match(page, /- Diagnostic: .+/);
    assert.match(page, /快速修复 · Quick fix: .+ · .+（可自动应用/);
  });

  it('a rule no sample triggers is shown on a declared edit of a sample, with the edit stated', () => {
    const page = readFileSync(join(docs, 'rules', 'GK301.md'), 'utf8');
    assert.match(page, /The sample report, edited: `一、本年新收.+\| 20 \| \|\|` → `.+\| 21 \| \|\|`/);
    assert.match(page, /- Diagnostic: the total should be 20/);
    assert.match(page, /Set the total to 20/);
  });
});
