// The pure editor features: outline and folding, table formatting, recompute totals, completion, templates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { displayWidth, formatTables, tabTableToPipe } from '../../server/src/core/service/format';
import { foldingRanges, headingName, outline } from '../../server/src/core/service/symbols';
import { lineEdits, recomputeTotals } from '../../server/src/core/fixes/recompute';
import { completionsAt } from '../../server/src/core/service/complete';
import { skeletonText, standardTemplates } from '../../server/src/core/service/templateList';
import { SEEDS, seedText } from './helpers';

const kunming = seedText(SEEDS.kunming2023);

describe('outline and folding', () => {
  it('the six parts at the top, sub-headings and tables inside them', () => {
    const roots = outline(check(kunming).model);
    const parts = roots.filter((n) => n.kind === 'part');
    assert.deepEqual(parts.map((p) => p.name[0]), ['一', '二', '三', '四', '五', '六']);
    assert.deepEqual(parts[0].children.map((c) => c.kind), ['heading', 'heading', 'heading', 'heading', 'heading']);
    assert.deepEqual(parts.slice(1, 4).map((p) => p.children.map((c) => c.kind)), [['table'], ['table'], ['table']]);
    for (let i = 1; i < parts.length; i++) assert.ok(parts[i - 1].lines.last < parts[i].lines.first, 'parts do not overlap');
  });

  it('a sub-heading that runs on into its paragraph is named by its first sentence, at most 40 characters', () => {
    const parts = outline(check(seedText(SEEDS.kunmingBureau2019)).model).filter((n) => n.kind === 'part');
    assert.equal(parts[0].children[0].name, '(一)加强组织领导,狠抓培训管理');
    assert.ok(parts.flatMap((p) => p.children).every((c) => c.name.length <= 41));
    assert.equal(headingName('（二）' + '长'.repeat(60)), '（二）' + '长'.repeat(37) + '…');
  });

  it('seed 004 (no tables) still lists its six parts; folding covers each multi-line part', () => {
    const model = check(seedText(SEEDS.qilin2023)).model;
    assert.equal(outline(model).filter((n) => n.kind === 'part').length, 6);
    assert.ok(foldingRanges(model).every((r) => r.last > r.first));
  });
});

describe('formatting', () => {
  it('display width: CJK and full-width characters take two columns', () => {
    assert.equal(displayWidth('规章'), 4);
    assert.equal(displayWidth('（一）ab'), 8);
    assert.equal(displayWidth('12'), 2);
  });

  it('aligns every pipe table of each seed, keeps the cells, keeps the findings, and is idempotent', () => {
    for (const seed of Object.values(SEEDS)) {
      const text = seedText(seed);
      const once = applyEdits(text, formatTables(check(text).model));
      const twice = applyEdits(once, formatTables(check(once).model));
      assert.equal(twice, once, `${seed}: idempotent`);
      const cells = (t: string) => t.split('\n').map((l) => l.split('|').map((c) => c.trim()).join('|'));
      assert.deepEqual(cells(once), cells(text), `${seed}: cells unchanged`);
      assert.deepEqual(check(once).findings.map((f) => f.ruleId), check(text).findings.map((f) => f.ruleId), `${seed}: same findings`);
    }
  });

  it('aligned bars line up by display width', () => {
    const text = '二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n| 行政规范性文件 | 51 |\n';
    const out = applyEdits(text, formatTables(check(text).model));
    const widths = out.split('\n').filter((l) => l.startsWith('|')).map((l) => displayWidth(l));
    assert.ok(widths.length === 4 && widths.every((w) => w === widths[0]), out);
  });

  it('rows with fewer label cells keep their numbers under the others’ (aligned on the last number)', () => {
    const once = applyEdits(kunming, formatTables(check(kunming).model));
    const table = check(once).model.tables.find((t) => t.kind === 'requests')!;
    const lines = once.split('\n').slice(table.lines.first, table.lines.last + 1);
    /** Display column of the bar before the row's last number (numbers are left-aligned in their column). */
    const lastNumberColumn = (line: string) => {
      const cells = line.split('|');
      let i = cells.length - 1;
      while (i >= 0 && !/^\s*\d+\s*$/.test(cells[i])) i--;
      return i < 0 ? -1 : displayWidth(cells.slice(0, i).join('|'));
    };
    const ends = lines.map(lastNumberColumn).filter((end) => end >= 0);
    assert.ok(ends.length >= 25, 'the data rows of table 三');
    assert.ok(ends.every((end) => end === ends[0]), once);
    assert.ok(lines.some((l) => l.startsWith('三、本年度办理结果 ')) && lines.some((l) => l.startsWith('(二)部分公开')), 'rows with two and with one label cell');
  });

  it('a TAB table becomes pipe rows with the same cells', () => {
    const tab = kunming.replace(/^(规章|行政规范性文件) \| (\d+) \| (\d+) \| (\d+) \|$/gm, '$1\t$2\t$3\t$4');
    const model = check(tab).model;
    const table = model.tables.find((t) => t.kind === 'active')!;
    const edits = tabTableToPipe(model, table);
    assert.equal(edits.length, 2);
    assert.match(applyEdits(tab, edits), /^规章 \| 3 \| 5 \| 87 \|$/m);
  });
});

describe('recompute totals', () => {
  it('sets every wrong total, to a fixpoint, idempotent, with one edit per changed cell region', () => {
    const broken = kunming.replace('| 2446 | 123 | 9 | 2 | 82 | 8 | 2670 |', '| 2446 | 123 | 9 | 2 | 82 | 18 | 2670 |').replace('| 1 | 10 | 1 | 1093 |', '| 1 | 10 | 1 | 1039 |');
    const result = recomputeTotals(broken);
    assert.match(result.text, /\| 82 \| 18 \| 2680 \|/);
    assert.match(result.text, /\| 1 \| 10 \| 1 \| 1093 \|/);
    assert.equal(result.changed, 2);
    assert.equal(applyEdits(broken, result.edits), result.text);
    assert.ok(result.edits.every((e) => e.span.end - e.span.start <= 4), 'edits touch only the changed digits');
    const again = recomputeTotals(result.text);
    assert.equal(again.changed, 0);
    assert.deepEqual(again.edits, []);
    assert.ok(!check(result.text).findings.some((f) => f.ruleId === 'GK301'), 'no row total left wrong');
  });

  it('a clean report is left alone; line edits fall back to one edit when lines are added', () => {
    assert.equal(recomputeTotals(kunming).changed, 0);
    assert.deepEqual(lineEdits('a\nb', 'a\nb\nc'), [{ span: { start: 0, end: 3 }, newText: 'a\nb\nc' }]);
  });
});

describe('completion', () => {
  it('inside a table: the layout rows, the missing ones first; an empty line gets the whole blank row', () => {
    const text = kunming.replace('行政强制 | 121967 | ||\n', '\n');
    const model = check(text).model;
    const items = completionsAt(model, text.indexOf('\n第二十条第(八)项')).sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(items[0].label, '行政强制');
    assert.match(items[0].insertText, /^行政强制 \|/);
  });

  it('at the start of a prose line: the part headings; in the middle of prose: nothing', () => {
    const model = check(kunming).model;
    const start = kunming.indexOf('六、其他需要');
    assert.ok(completionsAt(model, start).some((c) => c.label === '六、其他需要报告的事项'));
    assert.deepEqual(completionsAt(model, kunming.indexOf('全市各级行政机关') + 6), []);
  });
});

describe('templates', () => {
  it('the three 2021 tables and a skeleton that parses as a complete report', () => {
    const templates = standardTemplates('zh-cn', 2024);
    assert.deepEqual(templates.map((t) => t.id), ['table-二', 'table-三', 'table-四', 'skeleton']);
    const { model, findings } = check(skeletonText(2024));
    assert.equal(model.parts.length, 6);
    assert.deepEqual(model.tables.map((t) => `${t.kind}:${t.layout}`), ['active:2021', 'requests:2021', 'review:2021']);
    assert.ok(!findings.some((f) => ['GK101', 'GK201', 'GK202', 'GK203'].includes(f.ruleId)), findings.map((f) => f.ruleId).join());
  });
});
