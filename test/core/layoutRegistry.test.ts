// A new layout is a new data declaration: a fictional third layout, declared here and nowhere else,
// is read by the parser, checked by every totals rule, recomputed, and gives templates, snippets and
// hovers — with no change to any code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, hoverAt, recomputeTotals, skeletonBlocks, standardTemplates, type Finding, type TableDef } from '../../server/src/core';
import { layoutForYear, registerLayout, tableDef } from '../../server/src/core/spec/layout';
import type { LayoutDef, RowDef } from '../../server/src/core/spec/layout/types';
import { renderTable } from '../../server/src/core/spec/templates';
import { msg } from '../../server/src/core/base/i18n';
import { reportSnippets } from '../../scripts/gen-snippets';
import { replaceOnce } from './helpers';

const YEAR = 2030;

/** Table 三 of 2021 with 小计 as a printed column of 法人或其他组织, and one more row under 一. */
function fictionalRequests(): TableDef {
  const base = tableDef('2021', 'requests');
  const online: RowDef = {
    id: 'online',
    label: '其中：通过互联网提交的申请',
    en: 'Of which: filed online',
    help: msg('本年新收申请中通过互联网提交的件数。', 'New requests filed online.'),
  };
  const columns = base.columns.map((c) => (c.id === 'legalSubtotal' ? { ...c, optional: false } : c));
  const rows = [base.rows[0], online, ...base.rows.slice(1)];
  const organisations = columns.filter((c) => c.group === 'organisations');
  const allColumns = columns.map((c) => c.id);
  const resultRows = rows.filter((r) => r.group && r.id !== 'resultTotal').map((r) => r.id);
  return {
    ...base,
    layout: 'T2030',
    columns,
    rows,
    printed: {
      ...base.printed,
      valueColumns: columns.length,
      header: [
        [base.printed.header[0][0], { ...base.printed.header[0][1], colSpan: columns.length }],
        [base.printed.header[1][0], { ...base.printed.header[1][1], colSpan: organisations.length }, base.printed.header[1][2]],
        organisations.map((c) => ({ text: c.label, en: c.en, column: c.id })),
      ],
    },
    knownHeaders: [base.knownHeaders[0]],
    sums: [
      { role: 'row-total', each: 'row', rows: rows.map((r) => r.id), target: 'total', terms: ['natural', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'] },
      { role: 'subtotal', each: 'row', rows: rows.map((r) => r.id), target: 'legalSubtotal', terms: ['commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'] },
      { role: 'column-total', each: 'column', columns: allColumns, target: 'resultTotal', terms: resultRows },
    ],
    balances: [{ role: 'balance', columns: allColumns, left: ['new', 'carried'], right: ['resultTotal', 'forward'], solveFor: 'forward' }],
    telltales: { rows: ['online'], shows: msg('（有“通过互联网提交”一行）', ' (with an “online” row)') },
    carryOver: undefined,
  };
}

const fictional: LayoutDef = {
  id: 'T2030',
  docNumber: '国办公开办函〔2029〕99号',
  name: msg('测试用版式（国办公开办函〔2029〕99号）', 'Test layout (国办公开办函〔2029〕99号)'),
  years: { from: YEAR },
  about: msg('测试用的虚构版式。', 'A fictional layout for tests.'),
  tables: [
    { ...tableDef('2021', 'active'), layout: 'T2030' },
    fictionalRequests(),
    { ...tableDef('2021', 'review'), layout: 'T2030' },
  ],
};

/** Consistent numbers for every cell of a table: each sum holds, and 一 + 二 = （七） + 四. */
function consistentValues(def: TableDef): (row: string, col: string) => string {
  const applicant = (row: string, col: string): number => {
    if (def.kind !== 'requests') return 0;
    const result = def.rows.find((r) => r.id === row)?.group !== undefined && row !== 'resultTotal';
    if (result) return col === 'natural' ? 2 : col === 'legalService' ? 1 : 0;
    if (row === 'online') return col === 'natural' ? 5 : 0;
    return 0;
  };
  const resultRows = def.rows.filter((r) => r.group && r.id !== 'resultTotal').map((r) => r.id);
  const forward = (col: string) => (col === 'natural' ? 3 : 0);
  const base = (row: string, col: string): number => {
    if (row === 'resultTotal') return resultRows.reduce((s, r) => s + applicant(r, col), 0);
    if (row === 'forward') return forward(col);
    if (row === 'new') return base('resultTotal', col) + forward(col);
    return applicant(row, col);
  };
  const organisations = ['commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];
  return (row, col) => {
    if (col === 'legalSubtotal') return String(organisations.reduce((s, c) => s + base(row, c), 0));
    if (col === 'total') return String(['natural', ...organisations].reduce((s, c) => s + base(row, c), 0));
    return String(base(row, col));
  };
}

/** A whole report in the fictional layout, every table filled with consistent numbers. */
function fictionalReport(): string {
  const blocks = skeletonBlocks('T2030', {
    text: (t) => t,
    year: () => String(YEAR),
    agency: () => '某某县人民政府',
    slot: (hint) => `${hint}本机关认真落实条例要求，逐项整改，持续改进工作。`,
    table: (def) => renderTable(def, 'markdown', consistentValues(def)),
  });
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n\n某某县人民政府\n2031年1月20日\n`;
}

const serious = (findings: Finding[]) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

describe('a third layout declared as data only', () => {
  let unregister: () => void;
  before(() => {
    unregister = registerLayout(fictional);
  });
  after(() => unregister());

  it('is the layout of its years, and the parser reads a report in it: its extra row and its 小计 column', () => {
    assert.equal(layoutForYear(YEAR).id, 'T2030');
    const text = fictionalReport();
    const { model, findings } = check(text);
    const requests = model.tables.find((t) => t.kind === 'requests')!;
    assert.equal(requests.layout, 'T2030');
    assert.ok(requests.byRow.has('online'), 'the extra row is placed');
    assert.deepEqual(requests.columns.map((c) => c.id), fictional.tables[1].columns.map((c) => c.id));
    assert.equal(requests.byRow.get('new')?.values[6].raw, consistentValues(fictional.tables[1])('new', 'legalSubtotal'), '小计 of 一 is read in its column');
    assert.equal(requests.unreadable, undefined);
    assert.deepEqual(serious(findings).map((f) => `${f.ruleId} ${f.message['zh-cn']}`), [], 'a consistent report checks clean');
  });

  it('every totals rule checks it: row total, 小计, column total, balance — and recompute puts them right', () => {
    const text = fictionalReport();
    const row = text.split('\n').find((l) => l.includes('其中：通过互联网提交的申请'))!;
    // The online row: 5 natural persons, 小计 0, 总计 5 → 小计 written 2 and 总计 written 9.
    const broken = replaceOnce(text, row, row.replace('| 0 | 5 |', '| 2 | 9 |'));
    const rules = serious(check(broken).findings).map((f) => f.ruleId).sort();
    assert.deepEqual(rules, ['GK301', 'GK305']);
    const balance = text.split('\n').find((l) => l.startsWith('| 四、结转下年度继续办理'))!;
    assert.deepEqual(
      serious(check(replaceOnce(text, balance, balance.replace('| 3 |', '| 4 |'))).findings).map((f) => f.ruleId).sort(),
      ['GK301', 'GK303'],
      'a wrong carried-forward breaks its row total and the balance',
    );
    const result = text.split('\n').find((l) => l.includes('（七）总计'))!;
    assert.ok(serious(check(replaceOnce(text, result, result.replace(/\| (\d+) \|/, (_m, n) => `| ${Number(n) + 1} |`))).findings).some((f) => f.ruleId === 'GK302'));
    const recomputed = recomputeTotals(broken);
    assert.equal(recomputed.changed, 2);
    assert.equal(recomputed.text, text);
  });

  it('templates, snippets and hovers come out of the declaration', () => {
    const templates = standardTemplates('zh-cn', YEAR);
    const table3 = templates.find((t) => t.id === 'table-三')!;
    assert.ok(table3.text.includes('其中：通过互联网提交的申请'));
    assert.ok(table3.text.includes('| 小计 |'), 'the 小计 column is part of the blank table');
    assert.equal(templates.find((t) => t.id === 'skeleton')!.description, fictional.name['zh-cn']);

    const snippets = reportSnippets(fictional);
    assert.ok(snippets['表三 收到和处理政府信息公开申请情况'].body.some((line) => line.includes('其中：通过互联网提交的申请')));
    assert.ok(snippets['年度报告框架 report skeleton'].description.includes('国办公开办函〔2029〕99号'));

    const text = fictionalReport();
    const { model } = check(text);
    const label = text.indexOf('其中：通过互联网提交的申请');
    assert.match(hoverAt(model, label + 2, 'zh-cn')!.markdown, /本年新收申请中通过互联网提交的件数/);
    assert.match(hoverAt(model, label + 2, 'en')!.markdown, /New requests filed online/);
    const online = model.tables.find((t) => t.kind === 'requests')!.byRow.get('online')!;
    const subtotal = online.values[6];
    const hover = hoverAt(model, subtotal.contentSpan.start, 'zh-cn')!.markdown;
    assert.match(hover, /公式（GK305）/);
    assert.match(hover, /✓ 成立/);
    assert.match(hoverAt(model, text.indexOf('国办公开办函〔2029〕99号') + 1, 'zh-cn')!.markdown, /测试用的虚构版式/);
  });
});
