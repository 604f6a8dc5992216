// Every fix offered on the fixtures, applied and re-checked, removes its finding and changes nothing
// outside the ranges it names.
import { describe, it, it as test } from 'node:test';
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

// ── a fix never overwrites a number on the strength of a guess ─────────────

import fc from 'fast-check';
import { fixText } from '../../server/src/core/fixes/fixText';
import { recomputeTotals } from '../../server/src/core/fixes/recompute';
import { relationsOf } from '../../server/src/core/spec/layout';
import { cellOf } from '../../server/src/core/model/cells';
import type { ReportModel, Table } from '../../server/src/core/model/model';
import { UNREADABLE, numberCells, rewriteCells } from './helpers';

const FC = { seed: 20261205, endOnFailure: true } as const;
const withTables = Object.values(SEEDS).map(seedText).filter((t) => numberCells(t).length > 0);

/** A seed whose number cells are partly unreadable (blank, —, 无, text) and partly off by one. */
const damagedSeed = fc
  .tuple(
    fc.nat(withTables.length - 1),
    fc.array(fc.tuple(fc.nat({ max: 100_000 }), fc.oneof(fc.constantFrom(...UNREADABLE).map((u) => () => u), fc.constant((n: string) => String(Number(n) + 1)))), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([i, changes]) => rewriteCells(withTables[i], changes));

/** The sums whose target is the cell a fix rewrites. */
function sumsOf(table: Table, row: string, col: string) {
  return relationsOf(table.def).filter((r) => r.kind === 'sum' && r.target.row === row && r.target.col === col);
}

/**
 * A cell whose value can be known from numbers alone: a number, or a blank total one of whose sums
 * has only such terms (recompute-all fills it first, then the totals above it).
 */
function settleable(table: Table, row: string, col: string, seen = new Set<string>()): boolean {
  const cell = cellOf(table, row, col);
  if (cell?.kind === 'number') return true;
  if (cell?.kind !== 'blank' || seen.has(`${row}/${col}`)) return false;
  seen.add(`${row}/${col}`);
  return sumsOf(table, row, col).some((r) => r.kind === 'sum' && r.terms.every((t) => settleable(table, t.row, t.col, seen)));
}

/** Written totals none of whose sums can be settled from numbers: only the user can tell which figure is wrong. */
function guardedTotals(model: ReportModel): { table: Table; row: string; col: string; raw: string }[] {
  const out: { table: Table; row: string; col: string; raw: string }[] = [];
  for (const table of model.tables) {
    if (table.unreadable) continue;
    const targets = new Map<string, { row: string; col: string }>();
    for (const r of relationsOf(table.def)) if (r.kind === 'sum') targets.set(`${r.target.row}/${r.target.col}`, r.target);
    for (const { row, col } of targets.values()) {
      const target = cellOf(table, row, col);
      if (target?.kind !== 'number') continue;
      const sums = sumsOf(table, row, col).filter((r) => r.kind === 'sum' && r.terms.every((t) => cellOf(table, t.row, t.col)));
      if (sums.length > 0 && !sums.some((r) => r.kind === 'sum' && r.terms.every((t) => settleable(table, t.row, t.col)))) out.push({ table, row, col, raw: target.raw });
    }
  }
  return out;
}

describe('totals are set only from numbers', () => {
  test('the example: 2446 replaced by —, blank or 无 — the written 2670 stays, and the message names the cell', () => {
    const seed = seedText(SEEDS.kunming2023);
    const row = '一、本年新收政府信息公开申请数量 | 2446 | 123 | 9 | 2 | 82 | 8 | 2670 | ||';
    for (const written of ['—', '', '无']) {
      const text = replaceOnce(seed, row, row.replace('2446', written));
      const total = ofRule(text, 'GK301').find((f) => text.slice(f.span.start, f.span.end) === '2670');
      assert.ok(total, `GK301 on 2670 with ${JSON.stringify(written)}`);
      assert.deepEqual(total.fixes, [], 'no fix overwrites 2670');
      assert.equal(total.data.expected, undefined, 'no sum is claimed');
      assert.deepEqual(total.data.unreadable, ['new/natural']);
      assert.ok(!/应为 224/.test(total.message['zh-cn']) && !/should be 224/.test(total.message.en), 'no guessed sum as fact');
      assert.match(total.message['zh-cn'], new RegExp(`总计为 2670，无法核对：“自然人”${written === '' ? '为空' : `为“${written}”`}；其余 5 项之和为 224（123\\+9\\+2\\+82\\+8）`));
      assert.match(total.message.en, /cannot be verified: “Natural persons” (is blank|holds “.”); the other 5 add up to 224/);
      for (const includeTotals of [false, true]) {
        const fixed = fixText(text, check, undefined, { includeTotals });
        assert.ok(fixed.text.includes('| 8 | 2670 |'), `--fix${includeTotals ? '-totals' : ''} keeps 2670 (${fixed.status})`);
      }
      assert.ok(recomputeTotals(text).text.includes('| 8 | 2670 |'), 'recompute-all keeps 2670');
    }
  });

  test('over damaged seeds: every set-total and fill-computed fix adds up numbers only', () => {
    fc.assert(
      fc.property(damagedSeed, (text) => {
        const { model, findings } = check(text);
        for (const f of findings) {
          for (const fix of f.fixes) {
            if (fix.id !== 'set-total' && fix.id !== 'fill-computed') continue;
            const { table: kind, row, col } = fix.total!;
            const table = model.tables.find((t) => t.kind === kind)!;
            const fromNumbers = sumsOf(table, row, col).some((r) => r.kind === 'sum' && r.terms.every((t) => cellOf(table, t.row, t.col)?.kind === 'number'));
            assert.ok(fromNumbers, `${f.ruleId} ${fix.id} on ${row}/${col} sums a cell that holds no number`);
          }
        }
      }),
      { ...FC, numRuns: 150 },
    );
  });

  test('over damaged seeds: --fix, --fix-totals and recompute-all never rewrite a written total whose terms are not all numbers', () => {
    fc.assert(
      fc.property(damagedSeed, (text) => {
        const guarded = guardedTotals(check(text).model);
        const outputs = [fixText(text, check).text, fixText(text, check, undefined, { includeTotals: true }).text, recomputeTotals(text).text];
        for (const out of outputs) {
          const model = check(out).model;
          for (const g of guarded) {
            const table = model.tables.find((t) => t.kind === g.table.kind);
            const cell = table && cellOf(table, g.row, g.col);
            assert.equal(cell?.raw, g.raw, `${g.table.kind} ${g.row}/${g.col} keeps ${g.raw}`);
          }
        }
      }),
      { ...FC, numRuns: 60 },
    );
  });

  test('over damaged seeds: without --fix-totals no figure changes its value, and a fixed text has no new or more findings', () => {
    const values = (text: string) =>
      check(text).model.tables.flatMap((t) => t.rows.flatMap((r) => r.values.flatMap((c, i) => (c.kind === 'number' ? [`${t.kind}/${r.def?.id}/${i}=${c.value!.units}e-${c.value!.scale}`] : []))));
    fc.assert(
      fc.property(damagedSeed, (text) => {
        const outcome = fixText(text, check);
        const after = new Set(values(outcome.text));
        for (const v of values(text)) assert.ok(after.has(v), `${v} is kept`);
        if (outcome.status !== 'fixed') return;
        const count = (list: { ruleId: string }[], id: string) => list.filter((f) => f.ruleId === id).length;
        const before = check(text).findings;
        for (const f of outcome.findings) assert.ok(count(outcome.findings, f.ruleId) <= count(before, f.ruleId), `${f.ruleId} is no more frequent`);
      }),
      { ...FC, numRuns: 60 },
    );
  });
});
