// Property-based robustness of the core (fast-check, fixed seed and bounded runs: deterministic in CI).
// Random Unicode, random edits of the seeds and hostile lines never throw and stay in range; time grows
// in proportion to the input; every fix edits only what it names and resolves its finding; recomputing
// all totals reaches a fixpoint; numbers are exact.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { add, parseDecimal, toString as decimalString, sum } from '../../server/src/core/base/decimal';
import type { ReportModel } from '../../server/src/core/model/model';
import type { Span } from '../../server/src/core/base/types';
import type { Finding, Fix } from '../../server/src/core/rules/types';
import { SEEDS, seedText } from './helpers';

const FC = { seed: 20261122, endOnFailure: true } as const;
const seeds = Object.values(SEEDS).map(seedText);

/** Checks the text; fails with the input's size and the error when it throws or a range is off. */
function checkSafely(text: string): { model: ReportModel; findings: Finding[] } {
  const result = check(text);
  for (const f of result.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span ${f.span.start}-${f.span.end} of ${text.length}`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length, `${f.ruleId} fix ${fix.id}`);
  }
  return result;
}

/** Pieces reports are made of, and pieces that break them. */
const PIECES = [
  '|', '｜', '\t', '\n', '\r\n', '\r', ' ', '\u3000', '0', '７', '12', '-3', '1,000', '0.5', '１２３', '一、', '（三）', '(六)', '总计', '小计',
  '第二十条第（十六）项', '2月30日', '2024年1月1日', '二〇二四年一月', '—', '无', '\ud800', '\udc00', '#', '《条例》', '〔2021〕30号', '万元', '。',
];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.constantFrom(...PIECES) });

function mutate(text: string, edits: { at: number; remove: number; insert: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    t = t.slice(0, at) + e.insert + t.slice(at + e.remove);
  }
  return t;
}

const mutatedSeed = fc
  .tuple(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 12 }))
  .map(([i, edits]) => mutate(seeds[i], edits));

describe('fuzzing: never an exception, ranges inside the text', () => {
  test('random Unicode text (any code unit, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void checkSafely(text)), { ...FC, numRuns: 300 });
  });

  test('random report-like text built from table, heading, number and date pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }).map((p) => p.join('')), (text) => void checkSafely(text)), {
      ...FC,
      numRuns: 300,
    });
  });

  test('random edit sequences applied to the seeds', () => {
    fc.assert(fc.property(mutatedSeed, (text) => void checkSafely(text)), { ...FC, numRuns: 150 });
  });
});

// ── hostile lines, and time in proportion to size ──────────────────────────

/** Median time of check(text) in ms. */
function timeCheck(text: string, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    checkSafely(text);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

const N = 100_000;
const HOSTILE: Record<string, string> = {
  'a 100k-character line of one letter': 'a'.repeat(N),
  '100k CJK characters without punctuation': '政府信息公开'.repeat(N / 6),
  '10k bars': '|'.repeat(10_000),
  '10k full-width bars': '｜'.repeat(10_000),
  '10k TABs': '\t'.repeat(10_000),
  '10k cells of numbers': '| 1 '.repeat(10_000) + '|',
  'a 10k-digit number in a cell': `| 总计 | ${'9'.repeat(10_000)} |`,
  'a 10k-digit number in prose': `收到申请${'7'.repeat(10_000)}件。`,
  'mixed widths': '１|２｜3\t４　5 ６，7．8、'.repeat(N / 16),
  'unpaired surrogates': '\ud800a\udc00\udbff'.repeat(N / 4),
  'CRLF line ends': '一、总体情况\r\n| 1 | 2 |\r\n'.repeat(N / 14),
  'lone CR line ends': '（一）予以公开\r| 1 | 2 |\r'.repeat(N / 16),
  'only line breaks': '\n'.repeat(N),
  'brackets and markers': '（（（(一)一、1.'.repeat(N / 10),
  'dates without end': '2024年1月'.repeat(N / 7),
  'references without end': '第二十条第'.repeat(N / 5),
  'document numbers without end': '国办发〔2021'.repeat(N / 9),
  'heading-like lines': '一、\n'.repeat(N / 3),
  'spaced PDF rows': '行政许可      550   1   2\n'.repeat(N / 24),
  'a long spaced row': '1 '.repeat(N / 2),
  '10k label-like cells in table 三': '三、收到和处理政府信息公开申请情况\n' + '| 政府 '.repeat(10_000) + '| 5 |\n',
  'rows of tables 二 and 三 interleaved': '二、主动公开政府信息情况\n' + '行政许可 | 5 |\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n'.repeat(N / 80),
  'cells of invisible characters': '三、收到和处理政府信息公开申请情况\n' + `一、本年新收政府信息公开申请数量 |${' \ufeff\u200b |'.repeat(8)}\n`.repeat(N / 60),
  'a paragraph of shares': `一、总体情况\n${'收到政府信息公开申请120件，其中予以公开60件，占50%，部分公开30件，占25%。'.repeat(N / 40)}\n`,
};

describe('hostile input: no exception, time in proportion to size', () => {
  // Baseline: a normal report, per character, measured here (same machine, same load), after warm-up.
  let perChar = 0;
  before(() => {
    const normal = seeds[0];
    timeCheck(normal, 20);
    perChar = timeCheck(normal, 9) / normal.length;
  });
  for (const [name, text] of Object.entries(HOSTILE)) {
    test(name, () => {
      const ms = timeCheck(text, 1);
      // Linear at the baseline rate would be perChar × length; a backtracking regex or a quadratic
      // loop on 100k characters is thousands of times that. 50× plus 250 ms absorbs noise and GC.
      const bound = 50 * perChar * text.length + 250;
      assert.ok(ms < bound, `${ms.toFixed(0)} ms for ${text.length} characters; bound ${bound.toFixed(0)} ms`);
    });
  }

  test('random long lines of hostile pieces stay within the same bound', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES.filter((p) => !p.includes('\n') && !p.includes('\r'))), { minLength: 2000, maxLength: 6000 }), (pieces) => {
        const text = pieces.join('');
        const ms = timeCheck(text, 1);
        assert.ok(ms < 50 * perChar * text.length + 250, `${ms.toFixed(0)} ms for ${text.length} characters`);
      }),
      { ...FC, numRuns: 15 },
    );
  });
});

// ── fixes ─────────────────────────────────────────────────────────────────

const inside = (e: Span, s: Span) => e.start >= s.start && e.end <= s.end;

/**
 * Where a fix of this finding may write: the spans the finding names (its own and its related
 * information: the cells of a total), a point between lines (an inserted row), the heading markers
 * of a renumbered run (GK106), the whole table a conversion replaces (GK208).
 */
function allowed(finding: Finding, model: ReportModel, edit: Span): boolean {
  if ([finding.span, ...finding.related.map((r) => r.span)].some((s) => inside(edit, s))) return true;
  if (edit.start === edit.end && model.lines.some((l) => l.start === edit.start || l.end === edit.start)) return true;
  if (finding.ruleId === 'GK106') return model.headings.some((h) => inside(edit, h.markerSpan));
  if (finding.ruleId === 'GK208') return model.tables.some((t) => edit.start === model.lines[t.lines.first].start && edit.end === model.lines[t.lines.last].end);
  return false;
}

/** Where an offset of the old text lands after the edits (edits do not overlap). */
function shift(offset: number, edits: Fix['edits']): number {
  let delta = 0;
  for (const e of edits) if (e.span.end <= offset) delta += e.newText.length - (e.span.end - e.span.start);
  return offset + delta;
}

describe('fixes on mutated seeds', () => {
  test('each fix edits only what it names, and the re-check no longer reports the finding there', () => {
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        const { model, findings } = checkSafely(text);
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            for (const e of fix.edits) assert.ok(allowed(finding, model, e.span), `${finding.ruleId} ${fix.id} writes outside what it names: ${JSON.stringify(e)}`);
            const fixed = applyEdits(text, fix.edits);
            const at = shift(finding.span.start, fix.edits);
            const again = checkSafely(fixed).findings.filter((f) => f.ruleId === finding.ruleId && f.span.start === at && f.message.en === finding.message.en);
            assert.equal(again.length, 0, `${finding.ruleId} ${fix.id} did not resolve: ${finding.message.en}`);
          }
        }
      }),
      { ...FC, numRuns: 40 },
    );
  });

  test('recompute-all-totals reaches a fixpoint, and running it again changes nothing', () => {
    const recompute = (text: string): string => {
      let t = text;
      for (let pass = 0; pass < 20; pass++) {
        const edits = checkSafely(t).findings.flatMap((f) => f.fixes.find((x) => x.total)?.edits ?? []);
        if (edits.length === 0) return t;
        t = applyEdits(t, edits);
      }
      assert.fail('setting totals did not settle in 20 passes');
    };
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        const once = recompute(text);
        assert.equal(recompute(once), once);
      }),
      { ...FC, numRuns: 40 },
    );
  });
});

// ── numbers ───────────────────────────────────────────────────────────────

describe('exact numbers', () => {
  test('counts up to 10^15 add exactly (GK301 proposes the exact total)', () => {
    const seed = seedText(SEEDS.kunming2023);
    const row = '一、本年新收政府信息公开申请数量 | 2446 | 123 | 9 | 2 | 82 | 8 | 2670 | ||';
    assert.ok(seed.includes(row), 'seed 000 has the 本年新收 row');
    const text = seed.replace(row, '一、本年新收政府信息公开申请数量 | 999999999999999 | 1 | 0 | 0 | 0 | 0 | 7 | ||');
    const total = check(text).findings.find((f) => f.ruleId === 'GK301' && text.slice(f.span.start, f.span.end) === '7');
    assert.ok(total, 'the wrong total is reported');
    assert.equal(total!.fixes[0].edits[0].newText, '1000000000000000');
  });

  test('万元 amounts are exact decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat(4)), { minLength: 1, maxLength: 20 }), (parts) => {
        const written = parts.map(([units, scale]) => decimalString({ units, scale }));
        const values = written.map((w) => parseDecimal(w)!);
        for (let i = 0; i < written.length; i++) assert.equal(decimalString(values[i]), written[i], 'round trip');
        // The sum against an independent exact computation at a common scale of 4.
        const expected = parts.reduce((acc, [units, scale]) => acc + units * 10n ** BigInt(4 - scale), 0n);
        assert.equal(decimalString(sum(values)), decimalString({ units: expected, scale: 4 }));
      }),
      { ...FC, numRuns: 200 },
    );
    assert.equal(decimalString(add(parseDecimal('0.1')!, parseDecimal('0.2')!)), '0.3');
  });
});
