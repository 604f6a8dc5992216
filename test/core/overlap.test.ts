// Edits never overlap: a line belongs to at most one table (so formatting aligns it once), and the
// edits of formatting and of any single fix never touch the same text twice — over random edits of
// the fixtures, lines moved between tables included.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/core/service/check';
import { formatTables } from '../../server/src/core/service/format';
import type { TextEdit } from '../../server/src/core/base/types';
import { SEEDS, fixtures, realText, replaceOnce, seedText } from './helpers';

const FC = { seed: 20261211, endOnFailure: true } as const;
const texts = [...Object.values(SEEDS).map(seedText), ...readdirSync(join(fixtures, 'real')).filter((f) => f !== 'README.md').map(realText)];

/** Two edits touch the same text: overlapping ranges, or two at one place. */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start && a.span.end === b.span.end) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

function assertApart(edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) assert.ok(!clash(sorted[i - 1], sorted[i]), `${what}: ${JSON.stringify(sorted[i - 1])} / ${JSON.stringify(sorted[i])}`);
}

const PIECES = ['|', '\t', '\n', ' ', '0', '12', '—', '一、', '（三）', '总计', '三、收到和处理政府信息公开申请情况\n', '二、主动公开政府信息情况\n'];

/** Line moves (a row of one table among another's), duplicated lines, and character edits. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(100_000), to: fc.nat(100_000) }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(100_000), to: fc.nat(100_000) }),
  fc.record({ kind: fc.constant('chars' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(6), insert: fc.constantFrom(...PIECES) }),
);

const mutated = fc.tuple(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([i, edits]) => {
  let text = texts[i];
  for (const e of edits) {
    if (e.kind === 'chars') {
      const at = Math.floor(e.at * text.length);
      text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      continue;
    }
    // Lines with bars or TABs (table rows) are the ones moved about.
    const lines = text.split('\n');
    const rows = lines.map((l, n) => (/[|\t]/.test(l) ? n : -1)).filter((n) => n >= 0);
    if (rows.length === 0) continue;
    const from = rows[e.from % rows.length];
    const to = rows[e.to % rows.length];
    const line = lines[from];
    if (e.kind === 'move') lines.splice(from, 1);
    lines.splice(Math.min(to, lines.length), 0, line);
    text = lines.join('\n');
  }
  return text;
});

describe('edits never overlap', () => {
  test('a table 三 row right next to table 二 rows: one table per line, one formatting edit per line', () => {
    const text = replaceOnce(
      seedText(SEEDS.kunming2023),
      '行政事业性收费 | 194815.9 |\n',
      '一、本年新收政府信息公开申请数量 | 2446 | 123 | 9 | 2 | 82 | 8 | 2670 | ||\n行政事业性收费 | 194815.9 |\n',
    );
    const { model } = check(text);
    const ranges = model.tables.map((t) => t.lines);
    for (let i = 0; i < ranges.length; i++) for (let j = i + 1; j < ranges.length; j++) assert.ok(ranges[i].last < ranges[j].first || ranges[j].last < ranges[i].first, JSON.stringify(ranges));
    assertApart(formatTables(model), 'formatting');
  });

  test('over random edits of the fixtures: tables share no line, formatting edits and each fix’s edits never overlap', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const { model, findings } = check(text);
        const tables = [...model.tables].sort((a, b) => a.lines.first - b.lines.first);
        for (let i = 1; i < tables.length; i++) assert.ok(tables[i - 1].lines.last < tables[i].lines.first, `tables ${tables[i - 1].kind} and ${tables[i].kind} share a line`);
        assertApart(formatTables(model), 'formatting');
        for (const f of findings) for (const fix of f.fixes) assertApart(fix.edits, `${f.ruleId} ${fix.id}`);
      }),
      { ...FC, numRuns: 250 },
    );
  });
});
