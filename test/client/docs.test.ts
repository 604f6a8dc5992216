// Rule documentation pages: one per rule of the registry, linked from the catalogue, up to date.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules } from '../../server/src/core/rules';
import { CONFIG_FILES, RULE_VALUES, parseConfig } from '../../server/src/host/config';

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

describe('configuration file schema (VS Code validates and completes .gkreport.jsonc with it)', () => {
  const schema = JSON.parse(readFileSync(join(docs, 'gkreport-config.schema.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('package.json points both file names at the schema, which the .vsix carries', () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.deepEqual(validation.fileMatch, [...CONFIG_FILES]);
    assert.ok(existsSync(join(root, validation.url)), validation.url);
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!docs\/\*\*\/\*\.json$/m);
    assert.ok(
      manifest.contributes.languages.some((l: any) => l.id === 'jsonc' && l.filenames.includes('gkreport.config.json')),
      'gkreport.config.json may hold comments: it is JSON with comments',
    );
  });

  it('what the schema allows the parser accepts, and what it leaves out the parser names as a problem', () => {
    const ruleKeys = Object.keys(schema.properties.rules.properties);
    assert.deepEqual(ruleKeys, allRules.flatMap((r) => [r.meta.id, r.meta.name]));
    for (const key of ruleKeys) {
      const values = schema.properties.rules.properties[key].enum;
      assert.deepEqual(values, [...RULE_VALUES], key);
      for (const value of values) {
        const config = parseConfig(JSON.stringify({ rules: { [key]: value }, ignores: ['drafts/**'], locale: 'en' }), '/x/.gkreport.jsonc');
        assert.deepEqual(config.problems, [], `${key}: ${value}`);
      }
    }
    for (const locale of schema.properties.locale.enum) assert.deepEqual(parseConfig(JSON.stringify({ locale }), '/x/c.json').problems, []);
    assert.equal(schema.additionalProperties, false);
    assert.equal(parseConfig('{ "rule": {} }', '/x/c.json').problems.length, 1, 'a key the schema lacks is a problem');
    assert.equal(parseConfig('{ "rules": { "GK999": "off" } }', '/x/c.json').problems.length, 1, 'a rule the schema lacks is a problem');
    assert.equal(parseConfig('{ "rules": { "GK101": "loud" } }', '/x/c.json').problems.length, 1, 'a value the schema lacks is a problem');
  });
});
