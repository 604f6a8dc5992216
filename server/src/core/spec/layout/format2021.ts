// 《中华人民共和国政府信息公开工作年度报告格式》2021年版（国办公开办函〔2021〕30号）, as data.
// Source: ../shared/spec/format-2021.md and the official Word template. Row → article mapping from the same file.
import { msg } from '../../base/i18n';
import type { ColumnDef, LayoutDef, RowDef, TableDef } from './types';
import {
  ACTIVE_ROWS,
  ACTIVE_TABLE_BASE,
  column,
  DECISIONS,
  INFO_HEADER,
  REQUEST_GROUPS,
  requestsTable,
  reviewTable,
} from './common';

// ── 表二 主动公开政府信息情况 ──────────────────────────────────────────────
const documents: ColumnDef[] = [
  column('issued', '本年制发件数', 'Issued this year', msg('本年制发的件数。', 'Documents issued this year.')),
  column('repealed', '本年废止件数', 'Repealed this year', msg('本年废止的件数。', 'Documents repealed this year.')),
  column('inForce', '现行有效件数', 'In force', msg('年末现行有效的件数；约等于上年现行有效 + 本年制发 − 本年废止。', 'In force at year end; about last year’s stock + issued − repealed.')),
];
const decisions = [DECISIONS];

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
    { ...ACTIVE_ROWS.rules, columns: documents },
    {
      id: 'normDocs',
      label: '行政规范性文件',
      en: 'Normative documents',
      variants: ['规范性文件'],
      block: '20-1',
      columns: documents,
      articles: ['第二十条第（一）项'],
      help: msg('本机关制发、废止和现行有效的行政规范性文件件数。', 'Normative documents issued, repealed and in force.'),
    },
    { ...ACTIVE_ROWS.license, columns: decisions },
    { ...ACTIVE_ROWS.penalty, columns: decisions },
    { ...ACTIVE_ROWS.enforcement, columns: decisions },
    {
      ...ACTIVE_ROWS.fees,
      columns: [
        {
          ...column('feeAmount', '本年收费金额（单位：万元）', 'Fees this year (10,000 yuan)', msg('本年收费金额，单位万元（可有小数）。', 'Fees collected this year in 10,000 yuan (decimals allowed).')),
          amount: true,
        },
      ],
    },
  ],
  printed: { labelColumns: 1, valueColumns: 3, header: [], blockHeader: INFO_HEADER },
  telltales: {
    words: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额（单位：万元）', '行政规范性文件'],
    shows: msg('（栏目为新版）', ' (new columns)'),
  },
  // 本年新制作数量 → 本年制发件数 and 处理决定数量 carry over; 废止、现行有效、收费金额 have no 2019 counterpart.
  carryOver: { from: '2019', columns: { issued: 'newMade' } },
};

// ── 表三 收到和处理政府信息公开申请情况: (六)其他处理 in three rows ─────────────
const OTHER_HANDLING: RowDef[] = [
  {
    id: 'o1',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    en: '1. Not clarified in time: no longer handled',
    group: 'otherHandling',
    articles: ['第三十条'],
    help: msg('申请人无正当理由逾期不补正，视为放弃申请。', 'The applicant did not clarify in time: deemed withdrawn.'),
  },
  {
    id: 'o2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    en: '2. Fee not paid in time: no longer handled',
    group: 'otherHandling',
    articles: ['第四十二条'],
    help: msg('申请人逾期未按收费通知缴纳信息处理费。', 'The applicant did not pay the processing fee in time.'),
  },
  { id: 'o3', label: '3.其他', en: '3. Other', group: 'otherHandling', help: msg('以上情形以外的其他处理。', 'Any other handling.') },
];

export const layout2021 = {
  id: '2021' as const,
  docNumber: '国办公开办函〔2021〕30号',
  name: msg('2021年版年报格式（国办公开办函〔2021〕30号）', '2021 layout (国办公开办函〔2021〕30号)'),
  years: { from: 2021 },
  about: msg('《政府信息公开工作年度报告格式》2021年版，适用于2021年及以后年度的年报。', 'The 2021 annual report layout, for reports on 2021 onwards.'),
  tables: [
    active2021,
    requestsTable({
      layout: '2021',
      otherHandling: OTHER_HANDLING,
      groups: REQUEST_GROUPS,
      telltales: { rows: ['o1', 'o2', 'o3'], shows: msg('（“（六）其他处理”分为三项）', ' (“(6) other handling” in three rows)') },
      // The 2019 single (六)其他处理 row goes to 3.其他.
      carryOver: { from: '2019', rows: { o3: 'otherHandling' } },
    }),
    reviewTable('2021'),
  ],
} satisfies LayoutDef;
