// 《中华人民共和国政府信息公开工作年度报告格式（试行）》2019年版（国办公开办函〔2019〕60号）, as data.
// Source: ../shared/spec/format-2019.md. Table 三 differs from 2021 only in (六)其他处理 (one row);
// table 四 is the same.
import { msg } from '../../base/i18n';
import type { LayoutDef, TableDef } from './types';
import { ACTIVE_TABLE_BASE, REVIEW_TABLE_BASE, count, requestsTable } from './format2021';

const projectColumns = [
  count('prevCount', '上一年项目数量'),
  { id: 'change', label: '本年增/减', signed: true },
  count('decisions', '处理决定数量'),
];
const publishColumns = [count('newMade', '本年新制作数量'), count('newPublished', '本年新公开数量'), count('totalPublished', '对外公开总数量')];

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
    { id: 'rules', label: '规章', block: '20-1', columns: publishColumns, articles: ['第二十条第（一）项'] },
    { id: 'normDocs', label: '规范性文件', accepted: ['行政规范性文件'], block: '20-1', columns: publishColumns, articles: ['第二十条第（一）项'] },
    { id: 'license', label: '行政许可', block: '20-5', columns: projectColumns, articles: ['第二十条第（五）项'] },
    { id: 'otherServices', label: '其他对外管理服务事项', block: '20-5', columns: projectColumns, articles: ['第二十条第（五）项'] },
    { id: 'penalty', label: '行政处罚', block: '20-6', columns: projectColumns, articles: ['第二十条第（六）项'] },
    { id: 'enforcement', label: '行政强制', block: '20-6', columns: projectColumns, articles: ['第二十条第（六）项'] },
    { id: 'fees', label: '行政事业性收费', block: '20-8', columns: projectColumns.slice(0, 2), articles: ['第二十条第（八）项'] },
    {
      id: 'procurement',
      label: '政府集中采购',
      block: '20-9',
      columns: [count('procCount', '采购项目数量'), { id: 'procAmount', label: '采购总金额', amount: true }],
      articles: ['第二十条第（九）项'],
    },
  ],
  headerBands: [
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['信息内容', '采购项目数量', '采购总金额'],
  ],
  knownHeaders: ['采购总金额（单位：万元）'],
};

export const layout2019: LayoutDef = {
  id: '2019',
  docNumber: '国办公开办函〔2019〕60号',
  name: msg('2019年版年报格式（国办公开办函〔2019〕60号）', '2019 layout (国办公开办函〔2019〕60号)'),
  years: { from: 2019, to: 2020 },
  tables: [
    active2019,
    requestsTable('2019', [{ id: 'otherHandling', label: '（六）其他处理', group: 'results' }]),
    { ...REVIEW_TABLE_BASE, layout: '2019' },
  ],
};
