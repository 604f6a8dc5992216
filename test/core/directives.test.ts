// Suppression comments: `<!-- gkreport-disable-next-line … -->`, `<!-- gkreport-disable … -->` …
// `<!-- gkreport-enable … -->`, the same in .md, .txt and .gkreport; unknown ids and verbs (GK108).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, deadlineCheck, isDirectiveLine, parseReport } from '../../server/src/core';
import { LineIndex } from '../../server/src/core/base/lineIndex';
import { SEEDS, seedText } from './helpers';

/** Seed 000 with a wrong row total (GK301 on (一)予以公开) and its eleven GK209 infos in table 四. */
const WRONG = seedText(SEEDS.kunming2023).replace('| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
const lines = WRONG.split('\n');
const totalLine = lines.findIndex((l) => l.includes('1039'));
const headerLine = lines.findIndex((l) => l.startsWith('结果维持 |'));

/** The text with comment lines inserted before 0-based line numbers of the original (several at one line in the order given). */
function withLines(inserts: [number, string][]): string {
  const out = [...lines];
  const order = inserts.map((insert, i) => ({ insert, i })).sort((a, b) => b.insert[0] - a.insert[0] || b.i - a.i);
  for (const { insert } of order) out.splice(insert[0], 0, insert[1]);
  return out.join('\n');
}

/** `line ruleId` for each finding, 1-based lines of the original text (comment lines taken out). */
function found(text: string): string[] {
  const index = new LineIndex(text);
  const directiveLines = text.split('\n').map((l, i) => (isDirectiveLine(l) ? i : -1)).filter((i) => i >= 0);
  return check(text).findings.map((f) => {
    const line = index.positionAt(f.span.start).line;
    const shift = directiveLines.filter((d) => d < line).length;
    return `${line - shift + 1} ${f.ruleId}`;
  });
}

const baseline = found(WRONG);

describe('suppression comments', () => {
  it('the baseline: a GK301 on the wrong total, GK209 on the headers of table 四', () => {
    assert.ok(baseline.includes(`${totalLine + 1} GK301`));
    assert.ok(baseline.filter((f) => f.endsWith('GK209')).length >= 3);
  });

  it('which lines are comments: only a line holding nothing but <!-- gkreport-… -->', () => {
    for (const yes of ['<!-- gkreport-disable-next-line GK209 -->', '  <!--gkreport-disable-->  ', '\u3000<!-- gkreport-enable GK209, GK301 -->', '<!-- gkreport-disabel GK209 -->']) {
      assert.ok(isDirectiveLine(yes), yes);
    }
    for (const no of ['<!-- a comment -->', 'text <!-- gkreport-disable -->', '<!-- gkreport-disable', 'gkreport-disable -->', '<!-- gkreport- -->x', '']) {
      assert.ok(!isDirectiveLine(no), no);
    }
  });

  it('disable-next-line silences the rules it names, by id (any case) or name, on the next line only', () => {
    assert.deepEqual(found(withLines([[totalLine, '<!-- gkreport-disable-next-line gk301 -->']])), baseline.filter((f) => f !== `${totalLine + 1} GK301`));
    assert.deepEqual(found(withLines([[totalLine, '<!-- gkreport-disable-next-line row-total -->']])), baseline.filter((f) => f !== `${totalLine + 1} GK301`));
    // Another rule named: nothing changes; the line after next: nothing changes.
    assert.deepEqual(found(withLines([[totalLine, '<!-- gkreport-disable-next-line GK209 -->']])), baseline);
    assert.deepEqual(found(withLines([[totalLine - 1, '<!-- gkreport-disable-next-line GK301 -->']])), baseline);
  });

  it('without ids, every rule of the next line; comments in a row count as one (the next line that is not one)', () => {
    const header = baseline.filter((f) => f.startsWith(`${headerLine + 1} `));
    assert.ok(header.length > 0);
    assert.deepEqual(found(withLines([[headerLine, '<!-- gkreport-disable-next-line -->']])), baseline.filter((f) => !header.includes(f)));
    const stacked = withLines([
      [totalLine, '<!-- gkreport-disable-next-line GK209 -->'],
      [totalLine, '<!-- gkreport-disable-next-line GK301 -->'],
    ]);
    assert.deepEqual(found(stacked), baseline.filter((f) => f !== `${totalLine + 1} GK301`));
  });

  it('disable … enable silences a block; enable without ids ends every disable', () => {
    const block = withLines([
      [headerLine - 1, '<!-- gkreport-disable GK209 -->'],
      [headerLine + 2, '<!-- gkreport-enable GK209 -->'],
    ]);
    assert.deepEqual(found(block), baseline.filter((f) => !f.endsWith('GK209')));
    const all = withLines([
      [totalLine, '<!-- gkreport-disable -->'],
      [totalLine + 1, '<!-- gkreport-enable -->'],
    ]);
    assert.deepEqual(found(all), baseline.filter((f) => f !== `${totalLine + 1} GK301`));
    // disable all, enable one again: that one is reported.
    const except = withLines([
      [totalLine, '<!-- gkreport-disable -->'],
      [totalLine, '<!-- gkreport-enable GK301 -->'],
    ]);
    assert.ok(found(except).includes(`${totalLine + 1} GK301`));
    assert.ok(!found(except).some((f) => f.endsWith('GK209')), 'the rest stays silenced to the end');
  });

  it('an unknown id or verb is a GK108 warning on the word, and silences nothing of it', () => {
    const text = withLines([[totalLine, '<!-- gkreport-disable-next-line GK999, GK301 -->']]);
    const gk108 = check(text).findings.filter((f) => f.ruleId === 'GK108');
    assert.equal(gk108.length, 1);
    assert.equal(text.slice(gk108[0].span.start, gk108[0].span.end), 'GK999');
    assert.equal(gk108[0].severity, 'warning');
    assert.ok(!found(text).includes(`${totalLine + 1} GK301`), 'the known id still works');
    const typo = withLines([[totalLine, '<!-- gkreport-disabel-next-line GK301 -->']]);
    const verb = check(typo).findings.filter((f) => f.ruleId === 'GK108');
    assert.equal(typo.slice(verb[0].span.start, verb[0].span.end), 'gkreport-disabel-next-line');
    assert.ok(found(typo).includes(`${totalLine + 1} GK301`), 'a misspelt comment silences nothing');
  });

  it('a comment is no part of the report: inside a table it breaks nothing, and it is not prose (its digits count for nothing)', () => {
    const text = withLines([[totalLine, '<!-- gkreport-disable-next-line GK999 -->']]);
    assert.deepEqual(found(text).filter((f) => !f.endsWith('GK108')), baseline);
    const model = parseReport(text);
    assert.equal(model.text.length, text.length, 'offsets are kept');
    assert.ok(!model.proseNumbers.some((n) => text.slice(n.span.start, n.span.end) === '999'));
    assert.equal(model.directives?.length, 1);
  });

  it('the same comment works in Markdown (where it is an HTML comment)', () => {
    const md = `# 某县人民政府2023年政府信息公开工作年度报告\n<!-- gkreport-disable -->\n${seedText(SEEDS.qilin2023)}`;
    assert.deepEqual(check(md).findings, []);
  });
});

describe('the deadline as GK502 decides it', () => {
  it('deadlineCheck is what GK502 reads: late dates are exactly GK502’s findings', () => {
    let lateSeen = 0;
    for (const name of Object.values(SEEDS)) {
      const text = seedText(name) + '\n某市人民政府办公室\n2024年4月15日\n';
      const model = parseReport(text);
      const decided = deadlineCheck(model.meta);
      const late = decided?.dates.filter((d) => d.late).map((d) => d.date.span.start) ?? [];
      const gk502 = check(text).findings.filter((f) => f.ruleId === 'GK502').map((f) => f.span.start);
      assert.deepEqual(gk502, late, name);
      lateSeen += late.length;
    }
    assert.ok(lateSeen > 0, 'some report is late');
  });
});
