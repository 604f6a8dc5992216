// The rule registry: every rule of the groups exists, with complete metadata, and docs/rules.md matches.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { allRules, findRule } from '../../server/src/core/rules';
import { runRules } from '../../server/src/core/rules/engine';
import { check } from '../../server/src/core/service/check';
import { parseReport } from '../../server/src/core/parse/report';
import type { Rule, RuleContext } from '../../server/src/core/rules/types';
import { SEEDS, seedText } from './helpers';

const IMPLEMENTED = [
  'GK101', 'GK102', 'GK103', 'GK104', 'GK105', 'GK106', 'GK107', 'GK108',
  'GK201', 'GK202', 'GK203', 'GK204', 'GK205', 'GK206', 'GK207', 'GK208', 'GK209', 'GK210',
  'GK301', 'GK302', 'GK303', 'GK304', 'GK305',
  'GK401', 'GK402', 'GK403', 'GK404',
  'GK501', 'GK502', 'GK503', 'GK504',
  'GK601', 'GK602', 'GK603',
  'GK701', 'GK702',
  'GK801', 'GK802', 'GK803',
];

describe('rule registry', () => {
  it('holds every rule of groups S, T, N, P, D, C, L and X, in id order', () => {
    assert.deepEqual(allRules.map((r) => r.meta.id), IMPLEMENTED);
  });

  it('every rule has a kebab-case name, a severity and descriptions in both languages', () => {
    const names = new Set<string>();
    for (const { meta } of allRules) {
      assert.match(meta.id, /^GK\d{3}$/);
      assert.match(meta.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(!names.has(meta.name), `unique name ${meta.name}`);
      names.add(meta.name);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.defaultSeverity));
      assert.match(meta.description['zh-cn'], /[\u4e00-\u9fff]/);
      assert.ok(meta.description.en.length > 10);
      assert.equal(meta.id[2], { S: '1', T: '2', N: '3', P: '4', D: '5', C: '6', L: '7', X: '8' }[meta.group]);
    }
    assert.equal(findRule('row-total')?.meta.id, 'GK301');
  });

  it('settings turn a rule off or change its severity, by id or by name', () => {
    const text = seedText(SEEDS.qilin2023);
    assert.equal(check(text, { rules: { GK201: false } }).findings.filter((f) => f.ruleId === 'GK201').length, 0);
    const warned = check(text, { rules: { 'table-missing': 'warning' } }).findings.filter((f) => f.ruleId === 'GK201');
    assert.ok(warned.length === 3 && warned.every((f) => f.severity === 'warning'));
  });

  it('every finding message exists in zh-cn and en', () => {
    for (const name of Object.values(SEEDS)) {
      for (const f of check(seedText(name)).findings) {
        assert.match(f.message['zh-cn'], /[\u4e00-\u9fff]/);
        assert.ok(f.message.en.length > 0);
        for (const fix of f.fixes) assert.ok(fix.title['zh-cn'] && fix.title.en);
      }
    }
  });

  it('a workspace-level rule sees the whole model and the other reports it is given', () => {
    const lastYear = { file: 'last-year.txt', model: parseReport(seedText(SEEDS.kunming2023)) };
    const seen: string[] = [];
    // A rule the registry does not know: its id is no RuleId, hence the cast.
    const probe = {
      meta: { id: 'GK899', name: 'probe', group: 'X', defaultSeverity: 'info', description: { 'zh-cn': '测试', en: 'test' } },
      check(ctx: RuleContext) {
        for (const other of ctx.workspace) seen.push(`${ctx.model.meta.reportYear}←${other.model.meta.reportYear}@${other.file}`);
        ctx.emit({ span: { start: 0, end: 1 }, message: { 'zh-cn': '测试', en: 'test' }, related: [{ span: { start: 0, end: 1 }, message: { 'zh-cn': '去年', en: 'last year' }, file: other(ctx) }], data: {} });
      },
    } as unknown as Rule;
    const other = (ctx: { workspace: readonly { file: string }[] }) => ctx.workspace[0]?.file;
    const [finding] = runRules(parseReport(seedText(SEEDS.panlong2023)), { workspace: [lastYear] }, [probe]).findings;
    assert.deepEqual(seen, ['2023←2023@last-year.txt']);
    assert.equal(finding.related[0].file, 'last-year.txt');
  });

  it('docs/rules.md is generated from the registry and up to date', () => {
    const root = resolve(__dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-docs.ts', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
