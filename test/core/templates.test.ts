// Every template the tool inserts checks clean but for its blank cells (GK204): the skeleton and the
// renderTable output in both layouts and all three syntaxes, the table GK201 inserts, the row GK202
// inserts, the picker's table templates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service/check';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { skeletonBlocks, skeletonText, standardTemplates, tableText, type SkeletonWriter } from '../../server/src/core/service/templateList';
import { renderTable, type WritableSyntax } from '../../server/src/core/spec/templates';
import { tableDef } from '../../server/src/core/spec/layout';
import type { Finding } from '../../server/src/core/rules/types';
import type { TableKind } from '../../server/src/core/spec/layout/types';
import { ofRule } from './helpers';

const CASES = [
  { year: 2023, layout: '2021' },
  { year: 2020, layout: '2019' },
] as const;
const SYNTAXES: WritableSyntax[] = ['pipe', 'markdown', 'tab'];
const KINDS: TableKind[] = ['active', 'requests', 'review'];

/** Findings other than blank cells, as `rule message` lines. */
const notBlank = (findings: Finding[]) => findings.filter((f) => f.ruleId !== 'GK204').map((f) => `${f.ruleId} ${f.message['zh-cn']}`);

/** The skeleton of a year with each table written by `table` (none: the part has no table). */
function skeleton(year: number, layout: string, table: (kind: TableKind) => string[]): string {
  const plain: SkeletonWriter = { text: (t) => t, year: () => String(year), agency: () => 'XX机关', slot: (hint) => hint, table: (def) => table(def.kind) };
  return skeletonBlocks(layout, plain).map((block) => block.join('\n')).join('\n\n') + '\n';
}

describe('templates check clean but for blank cells', () => {
  for (const { year, layout } of CASES) {
    for (const syntax of SYNTAXES) {
      test(`the ${layout} skeleton (${syntax})`, () => {
        const text = skeletonText(year, layout, syntax);
        assert.deepEqual(notBlank(check(text).findings), []);
        assert.ok(ofRule(text, 'GK204').length > 0, 'its cells are blank');
      });

      test(`renderTable of every ${layout} table (${syntax}) in a report`, () => {
        const text = skeleton(year, layout, (kind) => renderTable(tableDef(layout, kind), syntax));
        assert.deepEqual(notBlank(check(text).findings), []);
      });

      for (const missing of KINDS) {
        test(`GK201 inserts the blank ${layout} ${missing} table among ${syntax} tables`, () => {
          const text = skeleton(year, layout, (kind) => (kind === missing ? [] : renderTable(tableDef(layout, kind), syntax)));
          const [f] = ofRule(text, 'GK201');
          assert.ok(f && f.data.table === missing, 'GK201 fires');
          const fixed = applyEdits(text, f.fixes.find((x) => x.id === 'insert-table')!.edits);
          assert.deepEqual(notBlank(check(fixed).findings), []);
        });
      }

      test(`GK202 inserts every missing row of the ${layout} tables 二 and 三 (${syntax})`, () => {
        const text = skeletonText(year, layout, syntax);
        const { model } = check(text);
        for (const table of model.tables.filter((t) => !t.def.labelless)) {
          for (const row of table.rows) {
            const line = model.lines[row.line];
            const without = text.slice(0, line.start) + text.slice(line.end + 1);
            const gk202 = ofRule(without, 'GK202').find((f) => f.data.row === row.def!.id);
            assert.ok(gk202, `GK202 for ${row.def!.id}`);
            const fixed = applyEdits(without, gk202.fixes[0].edits);
            assert.deepEqual(notBlank(check(fixed).findings), [], `after inserting ${row.def!.id}`);
          }
        }
      });
    }

    test(`the picker's ${layout} templates, each under its part`, () => {
      const templates = standardTemplates('zh-cn', year, layout);
      const text = skeleton(year, layout, (kind) => tableText(kind, layout, 'markdown').trimEnd().split('\n'));
      assert.deepEqual(notBlank(check(text).findings), []);
      for (const t of templates) if (t.id === 'skeleton') assert.deepEqual(notBlank(check(t.text).findings), []);
    });
  }

  test('GK201 in a report with no table at all inserts Markdown tables that check clean', () => {
    for (const { year, layout } of CASES) {
      let text = skeleton(year, layout, () => []);
      for (let i = 0; i < 3; i++) {
        const [f] = ofRule(text, 'GK201');
        text = applyEdits(text, f.fixes[0].edits);
      }
      assert.deepEqual(ofRule(text, 'GK201'), []);
      assert.deepEqual(notBlank(check(text).findings), []);
    }
  });
});
