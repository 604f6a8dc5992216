// Every fix offered on the fixtures, applied and re-checked, removes its finding and changes nothing
// outside the ranges it names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import type { Finding, Fix } from '../../server/src/core/rules/types';
import { SEEDS, fixtures, ofRule, realText, replaceOnce, seedText } from './helpers';

const PER_KIND = 3;

/** Seed 002 broken in many ways at once, so that most fixes are on offer. */
function brokenSeed(): string {
  let text = seedText(SEEDS.anning2022);
  const edits: [string, string][] = [
    ['一、本年新收政府信息公开申请数量 | 17 | 3 | 0 | 0 | 0 | 0 | 20 |', '一、本年新收政府信息公开申请数量 | 17 | 3 |  | 0 | 0 | 0 | 21 |'],
    ['规章 | 0 | 0 | 0 |', '规章 | 0 | 无 | ０５ |'],
    ['行政许可 | 0 |', '行政许可 | 1,200 |'],
    ['2.其他法律行政法规禁止公开', '2.其他法律行政止公开'],
    ['(三)强化政府信息管理', '(四)强化政府信息管理'],
    ['五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'],
    ['(一)信息处理费用情况。本年度安宁市人民政府办公室未收取信息处理费。\n', ''],
    ['商业 企业 | 科研 机构', '商业 | 科研 机构'],
    ['四、结转下年继续办理 | 1 |', '四、结转下年继续办理 | 2 |'],
    ['1 | 0 | 0 | 0 | 1 | 0 |', '1 | 0 | 0 | 0 | 2 | 0 |'],
    ['3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n', ''],
    ['《中华人民共和国政府信息公开条例》(国务院令第711号)', '《中华人民共和国政府信息公开条例》(国务院令第492号)'],
  ];
  for (const [from, to] of edits) text = replaceOnce(text, from, to);
  return text;
}

function cases(): [string, string][] {
  const seeds = Object.values(SEEDS).map((f): [string, string] => [f, seedText(f)]);
  const real = readdirSync(join(fixtures, 'real'))
    .filter((f) => f !== 'README.md')
    .map((f): [string, string] => [f, realText(f)]);
  return [...seeds, ...real, ['seed 002, broken', brokenSeed()]];
}

function checkFix(text: string, finding: Finding, fix: Fix): void {
  const fixed = applyEdits(text, fix.edits);
  const first = Math.min(...fix.edits.map((e) => e.span.start));
  const last = Math.max(...fix.edits.map((e) => e.span.end));
  assert.equal(fixed.slice(0, first), text.slice(0, first), 'nothing changes before the fix');
  assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), 'nothing changes after the fix');
  for (const e of fix.edits) assert.ok(e.span.start <= e.span.end && e.span.end <= text.length);
  const before = ofRule(text, finding.ruleId).length;
  const after = ofRule(fixed, finding.ruleId).length;
  assert.ok(after < before, `${finding.ruleId} "${fix.id}" removes its finding (${before} → ${after})`);
}

describe('every fix on the fixtures', () => {
  for (const [name, text] of cases()) {
    it(name, () => {
      const seen = new Map<string, number>();
      let tried = 0;
      for (const finding of check(text).findings) {
        for (const fix of finding.fixes) {
          const kind = `${finding.ruleId}/${fix.id}`;
          const n = seen.get(kind) ?? 0;
          if (n >= PER_KIND) continue;
          seen.set(kind, n + 1);
          checkFix(text, finding, fix);
          tried++;
        }
      }
      if (name === 'seed 002, broken') {
        const kinds = [...seen.keys()].map((k) => k.split('/')[0]);
        for (const rule of ['GK104', 'GK106', 'GK202', 'GK203', 'GK204', 'GK205', 'GK207', 'GK209', 'GK301', 'GK303', 'GK304', 'GK601', 'GK702']) {
          assert.ok(kinds.includes(rule), `${rule} offers a fix on the broken seed (${kinds.join(",")})`);
        }
        assert.ok(tried >= 13, `${tried} fixes tried`);
      }
    });
  }
});
