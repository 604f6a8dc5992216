// 《中华人民共和国政府信息公开工作年度报告格式》2021年版（国办公开办函〔2021〕30号）, as data.
// Source: ../shared/spec/format-2021.md. Row → article mapping from the same file.
import { msg } from '../../base/i18n';
import type { ColumnDef, GroupDef, LayoutDef, RowDef, TableDef } from './types';

export const count = (id: string, label: string): ColumnDef => ({ id, label });

// ── 表二 主动公开政府信息情况 ──────────────────────────────────────────────
const decisions = [count('decisions', '本年处理决定数量')];
const documents = [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数')];

/** What table 二 is in every layout; rows and columns are per block. */
export const ACTIVE_TABLE_BASE = {
  kind: 'active',
  part: 2,
  title: msg('表二 主动公开政府信息情况', 'Table 2: proactive disclosure'),
  columns: [],
  groups: [],
  knownHeaders: [],
  sums: [],
  balances: [],
} as const satisfies Partial<TableDef>;

const active2021: TableDef = {
  ...ACTIVE_TABLE_BASE,
  layout: '2021',
  blocks: [
    { id: '20-1', heading: '第二十条第（一）项', item: 1, rows: ['rules', 'normDocs'] },
    { id: '20-5', heading: '第二十条第（五）项', item: 5, rows: ['license'] },
    { id: '20-6', heading: '第二十条第（六）项', item: 6, rows: ['penalty', 'enforcement'] },
    { id: '20-8', heading: '第二十条第（八）项', item: 8, rows: ['fees'] },
  ],
  rows: [
    {
      id: 'rules',
      label: '规章',
      block: '20-1',
      columns: documents,
      articles: ['第二十条第（一）项'],
    },
    {
      id: 'normDocs',
      label: '行政规范性文件',
      variants: ['规范性文件'],
      block: '20-1',
      columns: documents,
      articles: ['第二十条第（一）项'],
    },
    { id: 'license', label: '行政许可', block: '20-5', columns: decisions, articles: ['第二十条第（五）项'] },
    { id: 'penalty', label: '行政处罚', block: '20-6', columns: decisions, articles: ['第二十条第（六）项'] },
    { id: 'enforcement', label: '行政强制', block: '20-6', columns: decisions, articles: ['第二十条第（六）项'] },
    {
      id: 'fees',
      label: '行政事业性收费',
      block: '20-8',
      columns: [{ id: 'feeAmount', label: '本年收费金额（单位：万元）', amount: true }],
      articles: ['第二十条第（八）项'],
    },
  ],
  headerBands: [
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['信息内容', '本年处理决定数量'],
    ['信息内容', '本年收费金额（单位：万元）'],
  ],
  // 本年新制作数量 → 本年制发件数 and 处理决定数量 carry over; 废止、现行有效、收费金额 have no 2019 counterpart.
  carryOver: { from: '2019', columns: { issued: 'newMade' } },
};

// ── 表三 收到和处理政府信息公开申请情况 ──────────────────────────────────────
export const REQUEST_COLUMNS: ColumnDef[] = [
  { id: 'natural', label: '自然人' },
  { id: 'commercial', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'publicWelfare', label: '社会公益组织' },
  { id: 'legalService', label: '法律服务机构' },
  { id: 'otherOrg', label: '其他' },
  { id: 'legalSubtotal', label: '小计', optional: true },
  { id: 'total', label: '总计' },
];

const APPLICANTS = ['natural', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];
const ORGANISATIONS = ['commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];

export const REQUEST_GROUPS: GroupDef[] = [
  { id: 'results', label: '三、本年度办理结果' },
  { id: 'withheld', label: '（三）不予公开' },
  { id: 'unavailable', label: '（四）无法提供' },
  { id: 'notProcessed', label: '（五）不予处理' },
  { id: 'otherHandling', label: '（六）其他处理' },
];

/** Rows shared by both layouts, before (六)其他处理. */
export const REQUEST_ROWS_HEAD: RowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量' },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量' },
  { id: 'granted', label: '（一）予以公开', group: 'results', articles: ['第三十六条第（二）项'] },
  {
    id: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    accepted: ['（二）部分公开'],
    group: 'results',
    articles: ['第三十七条'],
  },
  { id: 'w1', label: '1.属于国家秘密', group: 'withheld', articles: ['第十四条'] },
  { id: 'w2', label: '2.其他法律行政法规禁止公开', group: 'withheld', articles: ['第十四条'] },
  { id: 'w3', label: '3.危及“三安全一稳定”', group: 'withheld', articles: ['第十四条'] },
  { id: 'w4', label: '4.保护第三方合法权益', group: 'withheld', articles: ['第十五条'] },
  { id: 'w5', label: '5.属于三类内部事务信息', group: 'withheld', articles: ['第十六条第一款'] },
  { id: 'w6', label: '6.属于四类过程性信息', group: 'withheld', articles: ['第十六条第二款'] },
  { id: 'w7', label: '7.属于行政执法案卷', group: 'withheld', articles: ['第十六条第二款'] },
  { id: 'w8', label: '8.属于行政查询事项', group: 'withheld', articles: ['第三十六条第（七）项'] },
  {
    id: 'u1',
    label: '1.本机关不掌握相关政府信息',
    group: 'unavailable',
    articles: ['第三十六条第（四）项', '第三十六条第（五）项'],
  },
  { id: 'u2', label: '2.没有现成信息需要另行制作', group: 'unavailable', articles: ['第三十八条'] },
  { id: 'u3', label: '3.补正后申请内容仍不明确', group: 'unavailable', articles: ['第三十条'] },
  { id: 'n1', label: '1.信访举报投诉类申请', group: 'notProcessed', articles: ['第三十九条第一款'] },
  { id: 'n2', label: '2.重复申请', group: 'notProcessed', articles: ['第三十六条第（六）项'] },
  { id: 'n3', label: '3.要求提供公开出版物', group: 'notProcessed', articles: ['第三十九条第二款'] },
  { id: 'n4', label: '4.无正当理由大量反复申请', group: 'notProcessed', articles: ['第三十五条'] },
  { id: 'n5', label: '5.要求行政机关确认或重新出具已获取信息', group: 'notProcessed' },
];

/** Rows shared by both layouts, after (六)其他处理. */
export const REQUEST_ROWS_TAIL: RowDef[] = [
  { id: 'resultTotal', label: '（七）总计', group: 'results' },
  { id: 'forward', label: '四、结转下年度继续办理', accepted: ['四、结转下年继续办理'] },
];

const OTHER_HANDLING_2021: RowDef[] = [
  {
    id: 'o1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: 'otherHandling',
    articles: ['第三十条'],
  },
  {
    id: 'o2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: 'otherHandling',
    articles: ['第四十二条'],
  },
  { id: 'o3', label: '3.其他', group: 'otherHandling' },
];

/** Table 三 for a layout, given the rows that stand for (六)其他处理. */
export function requestsTable(layout: '2021' | '2019', otherHandling: RowDef[]): TableDef {
  const rows = [...REQUEST_ROWS_HEAD, ...otherHandling, ...REQUEST_ROWS_TAIL];
  const resultRows = rows.filter((r) => r.group && r.id !== 'resultTotal').map((r) => r.id);
  const dataRows = rows.map((r) => r.id);
  const allColumns = REQUEST_COLUMNS.filter((c) => !c.optional).map((c) => c.id);
  return {
    kind: 'requests',
    layout,
    part: 3,
    title: msg('表三 收到和处理政府信息公开申请情况', 'Table 3: requests received and handled'),
    columns: REQUEST_COLUMNS,
    groups: layout === '2021' ? REQUEST_GROUPS : REQUEST_GROUPS.filter((g) => g.id !== 'otherHandling'),
    rows,
    headerBands: [
      ['申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ],
    knownHeaders: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '小计'],
    sums: [
      { rule: 'GK301', each: 'row', rows: dataRows, target: 'total', terms: APPLICANTS },
      { rule: 'GK305', each: 'row', rows: dataRows, target: 'legalSubtotal', terms: ORGANISATIONS },
      { rule: 'GK302', each: 'column', columns: allColumns, target: 'resultTotal', terms: resultRows },
    ],
    balances: [
      { rule: 'GK303', columns: allColumns, left: ['new', 'carried'], right: ['resultTotal', 'forward'], solveFor: 'forward' },
    ],
    // The 2019 single (六)其他处理 row goes to 3.其他.
    carryOver: layout === '2021' ? { from: '2019', rows: { o3: 'otherHandling' } } : undefined,
  };
}

// ── 表四 政府信息公开行政复议、行政诉讼情况 ─────────────────────────────────
const OUTCOMES = [
  ['Upheld', '结果维持'],
  ['Corrected', '结果纠正'],
  ['Other', '其他结果'],
  ['Pending', '尚未审结'],
] as const;

function outcomeColumns(prefix: string): ColumnDef[] {
  return [...OUTCOMES.map(([id, label]) => count(prefix + id, label)), count(prefix + 'Total', '总计')];
}

const CYCLE = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export const REVIEW_TABLE_BASE: Omit<TableDef, 'layout'> = {
  kind: 'review',
  part: 4,
  title: msg('表四 政府信息公开行政复议、行政诉讼情况', 'Table 4: administrative review and litigation'),
  columns: [...outcomeColumns('review'), ...outcomeColumns('direct'), ...outcomeColumns('afterReview')],
  groups: [],
  rows: [{ id: 'cases', label: '' }],
  labelless: true,
  headerBands: [
    ['行政复议', '行政诉讼'],
    [...CYCLE, '未经复议直接起诉', '复议后起诉'],
    [...CYCLE, ...CYCLE],
    [...CYCLE, ...CYCLE, ...CYCLE],
  ],
  knownHeaders: [],
  // In each of 行政复议, 未经复议直接起诉, 复议后起诉: 总计 = the four outcome columns.
  sums: ['review', 'direct', 'afterReview'].map((prefix) => ({
    rule: 'GK304',
    each: 'row' as const,
    rows: ['cases'],
    target: prefix + 'Total',
    terms: OUTCOMES.map(([id]) => prefix + id),
  })),
  balances: [],
};

export const layout2021: LayoutDef = {
  id: '2021',
  docNumber: '国办公开办函〔2021〕30号',
  name: msg('2021年版年报格式（国办公开办函〔2021〕30号）', '2021 layout (国办公开办函〔2021〕30号)'),
  years: { from: 2021 },
  tables: [active2021, requestsTable('2021', OTHER_HANDLING_2021), { ...REVIEW_TABLE_BASE, layout: '2021' }],
};
