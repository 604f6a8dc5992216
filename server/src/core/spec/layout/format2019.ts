// 《中华人民共和国政府信息公开工作年度报告格式（试行）》2019年版（国办公开办函〔2019〕60号）, as data.
// Source: ../shared/spec/format-2019.md. Table 三 differs from 2021 only in (六)其他处理 (one row);
// table 四 is the same; table 二 has other columns and two more rows.
import { msg } from '../../base/i18n';
import type { ColumnDef, LayoutDef, TableDef } from './types';
import { ACTIVE_ROWS, ACTIVE_TABLE_BASE, column, INFO_HEADER, REQUEST_GROUPS, requestsTable, reviewTable } from './common';

const projectColumns: ColumnDef[] = [
  column('prevCount', '上一年项目数量', 'Items last year'),
  { ...column('change', '本年增/减', 'Change this year'), signed: true },
  { ...column('decisions', '处理决定数量', 'Decisions'), help: msg('本年作出的处理决定数量。', 'Decisions made this year.') },
];
const publishColumns: ColumnDef[] = [
  column('newMade', '本年新制作数量', 'Made this year'),
  column('newPublished', '本年新公开数量', 'Published this year'),
  column('totalPublished', '对外公开总数量', 'Published in all'),
];

const active2019: TableDef = {
  ...ACTIVE_TABLE_BASE,
  layout: '2019',
  blocks: [
    { id: '20-1', heading: '第二十条第（一）项', item: 1, rows: ['rules', 'normDocs'] },
    { id: '20-5', heading: '第二十条第（五）项', item: 5, rows: ['license', 'otherServices'] },
    { id: '20-6', heading: '第二十条第（六）项', item: 6, rows: ['penalty', 'enforcement'] },
    { id: '20-8', heading: '第二十条第（八）项', item: 8, rows: ['fees'] },
    { id: '20-9', heading: '第二十条第（九）项', item: 9, rows: ['procurement'] },
  ],
  rows: [
    { ...ACTIVE_ROWS.rules, columns: publishColumns },
    {
      id: 'normDocs',
      label: '规范性文件',
      en: 'Normative documents',
      accepted: ['行政规范性文件'],
      block: '20-1',
      columns: publishColumns,
      articles: ['第二十条第（一）项'],
      help: msg('本机关制发、废止和现行有效的行政规范性文件件数。', 'Normative documents issued, repealed and in force.'),
    },
    { ...ACTIVE_ROWS.license, columns: projectColumns },
    {
      id: 'otherServices',
      label: '其他对外管理服务事项',
      en: 'Other external services',
      block: '20-5',
      columns: projectColumns,
      articles: ['第二十条第（五）项'],
      help: msg('行政许可以外的其他对外管理服务事项（2019年版）。', 'Other external management services (2019 layout).'),
    },
    { ...ACTIVE_ROWS.penalty, columns: projectColumns },
    { ...ACTIVE_ROWS.enforcement, columns: projectColumns },
    { ...ACTIVE_ROWS.fees, columns: projectColumns.slice(0, 2) },
    {
      id: 'procurement',
      label: '政府集中采购',
      en: 'Central procurement',
      block: '20-9',
      columns: [column('procCount', '采购项目数量', 'Procurement items'), { ...column('procAmount', '采购总金额', 'Procurement amount'), amount: true }],
      articles: ['第二十条第（九）项'],
      help: msg('政府集中采购项目数量和金额（2019年版，2021年版已删去）。', 'Central government procurement (2019 layout only).'),
    },
  ],
  printed: { labelColumns: 1, valueColumns: 3, header: [], blockHeader: INFO_HEADER },
  knownHeaders: ['采购总金额（单位：万元）'],
  telltales: {
    words: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量', '采购总金额', '规范性文件', '其他对外管理服务事项', '政府集中采购'],
    shows: msg('（栏目为旧版）', ' (old columns)'),
  },
};

export const layout2019 = {
  id: '2019' as const,
  docNumber: '国办公开办函〔2019〕60号',
  name: msg('2019年版年报格式（国办公开办函〔2019〕60号）', '2019 layout (国办公开办函〔2019〕60号)'),
  years: { from: 2019, to: 2020 },
  about: msg('《政府信息公开工作年度报告格式》2019年版，适用于2019—2020年度的年报。', 'The 2019 annual report layout, for reports on 2019–2020.'),
  tables: [
    active2019,
    requestsTable({
      layout: '2019',
      otherHandling: [
        { id: 'otherHandling', label: '（六）其他处理', en: '(6) Other handling', group: 'results', help: msg('其他处理（2019年版为一行；2021年版分为三行）。', 'Other handling (one row in 2019; three rows in 2021).') },
      ],
      groups: REQUEST_GROUPS.filter((g) => g.id !== 'otherHandling'),
      telltales: { rows: ['otherHandling'], shows: msg('（“（六）其他处理”未拆分为三项）', ' (“(6) other handling” is a single row)') },
    }),
    reviewTable('2019'),
  ],
} satisfies LayoutDef;
