// Odd characters in cells: an invisible character (BOM, zero-width space, word joiner, NBSP, soft
// hyphen) is no content, so a cell holding only one is blank in its place; a value that is no number
// (`x`, `24 46`, `24\u200b46`, Arabic-Indic digits, `不详`) is reported on its cell, and its row is
// still placed by its label. Over the seeds: such cells never move another cell to another column and
// never hide a total error elsewhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/service/check';
import { fixText, mapSpan } from '../../server/src/core/fixes/fixText';
import { relationsOf } from '../../server/src/core/spec/layout';
import { cellOf } from '../../server/src/core/model/cells';
import type { ReportModel } from '../../server/src/core/model/model';
import type { TextEdit } from '../../server/src/core/base/types';
import { SEEDS, ofRule, replaceOnce, seedText } from './helpers';

const FC = { seed: 20261207, endOnFailure: true } as const;
const INVISIBLE = ['\ufeff', '\u200b', '\u2060', '\u00a0', '\u00ad', '\u200d', '\u202f', '\u3000'];
const NOT_NUMBERS = ['x', '24 46', '24\u200b46', '٢٤', '不详', '—', '无'];

const KUNMING = seedText(SEEDS.kunming2023);
const ROW_NEW = '一、本年新收政府信息公开申请数量 | 2446 | 123 | 9 | 2 | 82 | 8 | 2670 | ||';
const ROW_CARRIED = '二、上年结转政府信息公开申请数量 | 47 | 0 | 0 | 0 | 0 | 0 | 47 | ||';
const ROW_TOTAL = '(七)总计 | 2430 | 123 | 9 | 2 | 81 | 6 | 2651 | ||';

describe('odd characters in cells: examples', () => {
  for (const ch of INVISIBLE) {
    test(`a cell holding only U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is a blank cell in its place`, () => {
      const text = replaceOnce(KUNMING, ROW_CARRIED, ROW_CARRIED.replace('| 47 | 0 | 0 |', `| 47 | ${ch} | 0 |`));
      const requests = check(text).model.tables.find((t) => t.kind === 'requests')!;
      const row = requests.byRow.get('carried')!;
      assert.deepEqual(row.values.map((c) => (c.kind === 'blank' ? '' : c.raw)), ['47', '', '0', '0', '0', '0', '47']);
      assert.equal(row.countMismatch, false);
      const [blank] = ofRule(text, 'GK204');
      assert.equal(blank.data.col, 'commercial');
      assert.equal(blank.fixes[0].safe, true, '0 agrees with the row total');
      assert.deepEqual(ofRule(text, 'GK301'), [], 'the total is not read as 其他');
      // --fix writes 0 in that cell, in place of the invisible character: no ninth cell.
      const fixed = fixText(text, check);
      assert.equal(fixed.status, 'fixed');
      assert.ok(fixed.text.includes(ROW_CARRIED), fixed.text.split('\n').find((l) => l.startsWith('二、上年结转')));
    });
  }

  test('invisible characters around a number leave the number', () => {
    const text = replaceOnce(KUNMING, ROW_NEW, ROW_NEW.replace('| 2446 |', '| \ufeff2446\u200b |'));
    const row = check(text).model.tables.find((t) => t.kind === 'requests')!.byRow.get('new')!;
    assert.equal(row.values[0].raw, '2446');
    assert.deepEqual(ofRule(text, 'GK301'), []);
  });

  for (const bad of NOT_NUMBERS) {
    test(`${JSON.stringify(bad)} in the first value cell of a table 三 row: GK205 on that cell, the row placed, a wrong (七)总计 still found`, () => {
      let text = replaceOnce(KUNMING, ROW_NEW, ROW_NEW.replace('| 2446 |', `| ${bad} |`));
      text = replaceOnce(text, ROW_TOTAL, ROW_TOTAL.replace('| 81 |', '| 80 |'));
      const requests = check(text).model.tables.find((t) => t.kind === 'requests')!;
      assert.equal(requests.unreadable, undefined, 'the table is read');
      assert.deepEqual(requests.byRow.get('new')!.values.map((c) => c.raw), [bad, '123', '9', '2', '82', '8', '2670']);
      assert.deepEqual(ofRule(text, 'GK210'), []);
      const found = check(text).findings;
      const notNumber = found.find((f) => (f.ruleId === 'GK205' || f.ruleId === 'GK207') && text.slice(f.span.start, f.span.end) === bad);
      assert.ok(notNumber, `GK205 on ${JSON.stringify(bad)}`);
      const legal = ofRule(text, 'GK302').find((f) => f.data.col === 'legalService');
      assert.ok(legal, 'the wrong (七)总计 / 法律服务机构 is found');
      assert.equal(legal.data.expected, '81');
    });
  }
});

// ── over the seeds ────────────────────────────────────────────────────────

const seeds = [SEEDS.kunming2023, SEEDS.anning2022, SEEDS.kunmingBureau2019, SEEDS.panlong2023].map(seedText);

/** Every value cell of the readable tables, by where it sits: table, row, column position. */
function attribution(model: ReportModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of model.tables) {
    for (const r of t.rows) r.values.forEach((c, i) => c.kind !== 'blank' && out.set(`${c.contentSpan.start}-${c.contentSpan.end}`, `${t.kind}/${r.def?.id}/${i}`));
  }
  return out;
}

/** The value cells of a text's tables, as content spans. */
function valueSpans(model: ReportModel) {
  return model.tables.flatMap((t) => t.rows.flatMap((r) => r.values.filter((c) => c.kind === 'number').map((c) => c.contentSpan)));
}

const oddity = fc.oneof(
  fc.constantFrom(...INVISIBLE).map((ch) => ({ kind: 'only' as const, text: ch })),
  fc.constantFrom(...INVISIBLE).map((ch) => ({ kind: 'around' as const, text: ch })),
  fc.constantFrom(...NOT_NUMBERS).map((v) => ({ kind: 'replace' as const, text: v })),
);

/** Edits putting oddities into some value cells (by index among the number cells). */
function oddEdits(model: ReportModel, picks: [number, { kind: 'only' | 'around' | 'replace'; text: string }][], avoid: (span: { start: number; end: number }) => boolean): { edits: TextEdit[]; touched: Set<number> } {
  const spans = valueSpans(model).filter((s) => !avoid(s));
  const chosen = new Map<number, (typeof picks)[number][1]>();
  for (const [i, o] of picks) if (spans.length > 0) chosen.set(i % spans.length, o);
  const edits: TextEdit[] = [];
  const touched = new Set<number>();
  for (const [i, o] of chosen) {
    const s = spans[i];
    // A number with invisible characters around it stays that number in its place: not set apart.
    if (o.kind !== 'around') touched.add(s.start);
    if (o.kind === 'around') edits.push({ span: { start: s.start, end: s.start }, newText: o.text }, { span: { start: s.end, end: s.end }, newText: o.text });
    else edits.push({ span: s, newText: o.text });
  }
  return { edits, touched };
}

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('odd characters in cells: over the seeds', () => {
  test('oddities in random cells never move another cell to another row or column', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(10_000), oddity), { minLength: 1, maxLength: 6 }), (i, picks) => {
        const text = seeds[i];
        const model = check(text).model;
        const before = attribution(model);
        const { edits, touched } = oddEdits(model, picks, () => false);
        const odd = apply(text, edits);
        const after = attribution(check(odd).model);
        for (const [key, where] of before) {
          const [start, end] = key.split('-').map(Number);
          if (touched.has(start)) continue;
          const moved = mapSpan({ start, end }, edits);
          assert.equal(after.get(`${moved.start}-${moved.end}`), where, `the cell ${JSON.stringify(text.slice(start, end))} at ${where} stays there`);
        }
      }),
      { ...FC, numRuns: 120 },
    );
  });

  test('oddities in random cells never hide a wrong total elsewhere', () => {
    // Targets: written totals of the seeds whose sums hold, each made wrong by one.
    const targets = seeds.flatMap((text, s) =>
      check(text).model.tables.flatMap((t) =>
        relationsOf(t.def).flatMap((r) => {
          if (r.kind !== 'sum') return [];
          const cell = cellOf(t, r.target.row, r.target.col);
          return cell?.kind === 'number' && r.terms.every((x) => cellOf(t, x.row, x.col)?.kind === 'number') ? [{ s, span: cell.contentSpan }] : [];
        }),
      ),
    );
    fc.assert(
      fc.property(fc.nat(targets.length - 1), fc.array(fc.tuple(fc.nat(10_000), oddity), { minLength: 1, maxLength: 6 }), (k, picks) => {
        const { s, span } = targets[k];
        const text = seeds[s];
        const wrong: TextEdit = { span, newText: String(Number(text.slice(span.start, span.end)) + 1) };
        const { edits } = oddEdits(check(text).model, picks, (c) => c.start === span.start);
        const all = [wrong, ...edits];
        const odd = apply(text, all);
        const at = mapSpan(span, all);
        const totals = check(odd).findings.filter((f) => ['GK301', 'GK302', 'GK304', 'GK305'].includes(f.ruleId) && f.span.start === at.start && f.span.end === at.end);
        assert.ok(totals.length > 0, `the wrong total ${wrong.newText} at ${span.start} is reported`);
      }),
      { ...FC, numRuns: 150 },
    );
  });
});
