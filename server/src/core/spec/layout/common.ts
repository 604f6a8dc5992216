// Pieces the official layouts share, as data: each layout file (format2021.ts, format2019.ts) composes
// its tables from these explicitly, so a layout reads on its own. Sources: ../shared/spec/format-2021.md
// and format-2019.md (labels, articles), the official Word template (the printed header and merges).
import { msg } from '../../base/i18n';
import type { Localized } from '../../base/types';
import type { ColumnDef, ColumnGroupDef, HeaderCellDef, RowDef, RowGroupDef, TableDef, Telltales } from './types';

export const column = (id: string, label: string, en: string, help?: Localized): ColumnDef => ({ id, label, en, help });

// ── 表二 主动公开政府信息情况 ──────────────────────────────────────────────

export const ACTIVE_TITLE = msg('表二 主动公开政府信息情况', 'Table 2: proactive disclosure');

/** Each block of table 二 repeats this header cell before its columns. */
export const INFO_HEADER: HeaderCellDef = {
  text: '信息内容',
  en: 'Information',
  help: msg('本块统计的信息类别。', 'The kind of information this block counts.'),
};

export const DECISIONS: ColumnDef = column('decisions', '本年处理决定数量', 'Decisions this year', msg('本年作出的处理决定数量。', 'Decisions made this year.'));

/** Rows of table 二 both layouts have, without their columns (each layout gives its own). */
export const ACTIVE_ROWS = {
  rules: {
    id: 'rules',
    label: '规章',
    en: 'Rules',
    block: '20-1',
    articles: ['第二十条第（一）项'],
    help: msg('本机关制发、废止和现行有效的规章件数。', 'Rules (规章) issued, repealed and in force.'),
  },
  license: {
    id: 'license',
    label: '行政许可',
    en: 'Administrative licences',
    block: '20-5',
    articles: ['第二十条第（五）项'],
    help: msg('本年作出的行政许可决定数量。', 'Administrative licence decisions made this year.'),
  },
  penalty: {
    id: 'penalty',
    label: '行政处罚',
    en: 'Administrative penalties',
    block: '20-6',
    articles: ['第二十条第（六）项'],
    help: msg('本年作出的行政处罚决定数量。', 'Administrative penalty decisions made this year.'),
  },
  enforcement: {
    id: 'enforcement',
    label: '行政强制',
    en: 'Administrative enforcement',
    block: '20-6',
    articles: ['第二十条第（六）项'],
    help: msg('本年作出的行政强制决定数量。', 'Administrative enforcement decisions made this year.'),
  },
  fees: {
    id: 'fees',
    label: '行政事业性收费',
    en: 'Administrative fees',
    block: '20-8',
    articles: ['第二十条第（八）项'],
    help: msg('本年收取的行政事业性收费金额（万元）。', 'Administrative fees collected this year (10,000 yuan).'),
  },
} satisfies Record<string, RowDef>;

/** What table 二 is in every layout; rows, columns and telltales are the layout's own. */
export const ACTIVE_TABLE_BASE = {
  kind: 'active',
  part: 2,
  title: ACTIVE_TITLE,
  columns: [],
  columnGroups: [],
  groups: [],
  knownHeaders: [],
  headerWords: ['信息内容', '第二十条', '本年制发件数', '处理决定数量'],
  sums: [],
  balances: [],
} as const satisfies Partial<TableDef>;

// ── 表三 收到和处理政府信息公开申请情况 ──────────────────────────────────────

export const REQUESTS_TITLE = msg('表三 收到和处理政府信息公开申请情况', 'Table 3: requests received and handled');

export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const REQUEST_COLUMN_GROUPS: ColumnGroupDef[] = [
  { id: 'applicants', label: '申请人情况', en: 'Applicants', help: msg('按申请人类型分列的申请件数。', 'Requests by kind of applicant.') },
  {
    id: 'organisations',
    label: '法人或其他组织',
    en: 'Legal persons and other organisations',
    parent: 'applicants',
    help: msg('商业企业、科研机构、社会公益组织、法律服务机构、其他五类。', 'Five kinds: commercial, research, public-welfare, legal service, other.'),
  },
];

export const REQUEST_COLUMNS: ColumnDef[] = [
  { ...column('natural', '自然人', 'Natural persons', msg('申请人为自然人（个人）。', 'Applicants who are natural persons.')), group: 'applicants' },
  { ...column('commercial', '商业企业', 'Commercial enterprises', msg('法人或其他组织中的商业企业。', 'Legal persons: commercial enterprises.')), group: 'organisations' },
  { ...column('research', '科研机构', 'Research institutions', msg('法人或其他组织中的科研机构。', 'Legal persons: research institutions.')), group: 'organisations' },
  { ...column('publicWelfare', '社会公益组织', 'Public-welfare organisations', msg('法人或其他组织中的社会公益组织。', 'Legal persons: public-welfare organisations.')), group: 'organisations' },
  { ...column('legalService', '法律服务机构', 'Legal service providers', msg('法人或其他组织中的法律服务机构（律师事务所等）。', 'Legal persons: legal service providers (law firms).')), group: 'organisations' },
  { ...column('otherOrg', '其他', 'Other organisations', msg('法人或其他组织中的其他类型。', 'Legal persons: any other kind.')), group: 'organisations' },
  {
    ...column('legalSubtotal', '小计', 'Subtotal', msg('法人或其他组织五类之和（报告自加的小计列）。', 'Sum of the five kinds of legal persons (a subtotal column some reports add).')),
    name: msg('法人或其他组织小计', 'the organisations subtotal'),
    group: 'organisations',
    optional: true,
  },
  { ...column('total', '总计', 'Total', msg('自然人与法人或其他组织各列之和。', 'Natural persons plus all legal persons.')), name: msg('总计', 'the total'), group: 'applicants' },
];

/** The applicant columns a row total adds up, and the organisation columns a 小计 adds up. */
export const APPLICANTS = ['natural', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];
export const ORGANISATIONS = ['commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'];

export const REQUEST_GROUPS: RowGroupDef[] = [
  { id: 'results', label: '三、本年度办理结果', en: '3. Results this year' },
  { id: 'withheld', label: '（三）不予公开', en: '(3) Withheld', parent: 'results' },
  { id: 'unavailable', label: '（四）无法提供', en: '(4) Not available', parent: 'results' },
  { id: 'notProcessed', label: '（五）不予处理', en: '(5) Not processed', parent: 'results' },
  { id: 'otherHandling', label: '（六）其他处理', en: '(6) Other handling', parent: 'results' },
];

/** Rows of table 三 before (六)其他处理, the same in both layouts. */
export const REQUEST_ROWS_HEAD: RowDef[] = [
  {
    id: 'new',
    label: '一、本年新收政府信息公开申请数量',
    en: '1. New requests this year',
    help: msg('本年度新收到的申请件数，不含上年结转。', 'Requests received this year, excluding those carried over.'),
  },
  {
    id: 'carried',
    label: '二、上年结转政府信息公开申请数量',
    en: '2. Requests carried over from last year',
    help: msg('上年度未办结、结转到本年度办理的申请；应等于上年年报“结转下年度继续办理”。', 'Requests carried over from last year; equals last year’s “carried forward”.'),
  },
  {
    id: 'granted',
    label: '（一）予以公开',
    en: '(1) Disclosed',
    group: 'results',
    articles: ['第三十六条第（二）项'],
    help: msg('全部予以公开的申请。', 'Requests granted in full.'),
  },
  {
    id: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    en: '(2) Partly disclosed (a request handled by separating parts counts here only)',
    accepted: ['（二）部分公开'],
    group: 'results',
    articles: ['第三十七条'],
    help: msg('作区分处理、部分公开的申请。计数规则：区分处理的只计这一情形，不计其他情形。', 'Requests partly granted after redaction. Counting rule: count them here only, in no other row.'),
  },
  { id: 'w1', label: '1.属于国家秘密', en: '1. State secrets', group: 'withheld', articles: ['第十四条'], help: msg('因属于国家秘密不予公开。', 'Withheld as state secrets.') },
  {
    id: 'w2',
    label: '2.其他法律行政法规禁止公开',
    en: '2. Prohibited by other laws',
    group: 'withheld',
    articles: ['第十四条'],
    help: msg('因其他法律、行政法规禁止公开而不予公开。', 'Withheld because other laws prohibit disclosure.'),
  },
  {
    id: 'w3',
    label: '3.危及“三安全一稳定”',
    en: '3. Endangers security or stability',
    group: 'withheld',
    articles: ['第十四条'],
    help: msg('因公开后危及国家安全、公共安全、经济安全、社会稳定而不予公开。', 'Withheld as endangering national, public or economic security or social stability.'),
  },
  {
    id: 'w4',
    label: '4.保护第三方合法权益',
    en: '4. Third parties’ rights',
    group: 'withheld',
    articles: ['第十五条'],
    help: msg('因涉及商业秘密、个人隐私等会损害第三方合法权益而不予公开。', 'Withheld to protect third parties (trade secrets, privacy).'),
  },
  {
    id: 'w5',
    label: '5.属于三类内部事务信息',
    en: '5. Internal affairs',
    group: 'withheld',
    articles: ['第十六条第一款'],
    help: msg('属于人事管理、后勤管理、内部工作流程等内部事务信息。', 'Internal affairs: personnel, logistics, internal procedures.'),
  },
  {
    id: 'w6',
    label: '6.属于四类过程性信息',
    en: '6. Process information',
    group: 'withheld',
    articles: ['第十六条第二款'],
    help: msg('属于讨论记录、过程稿、磋商信函、请示报告等过程性信息。', 'Process information: minutes, drafts, consultations, internal reports.'),
  },
  {
    id: 'w7',
    label: '7.属于行政执法案卷',
    en: '7. Enforcement files',
    group: 'withheld',
    articles: ['第十六条第二款'],
    help: msg('属于行政执法案卷信息。', 'Administrative enforcement files.'),
  },
  {
    id: 'w8',
    label: '8.属于行政查询事项',
    en: '8. Administrative query matters',
    group: 'withheld',
    articles: ['第三十六条第（七）项'],
    help: msg('属于工商、不动产登记资料等有专门查询规定的行政查询事项。', 'Administrative query matters with their own access rules (registers).'),
  },
  {
    id: 'u1',
    label: '1.本机关不掌握相关政府信息',
    en: '1. Not held by the agency',
    group: 'unavailable',
    articles: ['第三十六条第（四）项', '第三十六条第（五）项'],
    help: msg('本机关不掌握相关信息，或不属于本机关负责公开。', 'The agency does not hold the information, or it is not the agency’s to disclose.'),
  },
  {
    id: 'u2',
    label: '2.没有现成信息需要另行制作',
    en: '2. Would have to be made',
    group: 'unavailable',
    articles: ['第三十八条'],
    help: msg('没有现成信息，需要另行制作或加工分析。', 'No existing information; it would have to be made.'),
  },
  {
    id: 'u3',
    label: '3.补正后申请内容仍不明确',
    en: '3. Still unclear after clarification',
    group: 'unavailable',
    articles: ['第三十条'],
    help: msg('经补正后申请内容仍不明确。', 'Still unclear after the applicant was asked to clarify.'),
  },
  {
    id: 'n1',
    label: '1.信访举报投诉类申请',
    en: '1. Petitions and complaints',
    group: 'notProcessed',
    articles: ['第三十九条第一款'],
    help: msg('以申请形式进行信访、投诉、举报，不作为政府信息公开申请处理。', 'Petitions or complaints filed as requests; not handled as requests.'),
  },
  {
    id: 'n2',
    label: '2.重复申请',
    en: '2. Repeated requests',
    group: 'notProcessed',
    articles: ['第三十六条第（六）项'],
    help: msg('重复申请相同信息。', 'Repeated requests for the same information.'),
  },
  {
    id: 'n3',
    label: '3.要求提供公开出版物',
    en: '3. Published material',
    group: 'notProcessed',
    articles: ['第三十九条第二款'],
    help: msg('要求提供政府公报、报刊、书籍等公开出版物。', 'Requests for published material (gazettes, books).'),
  },
  {
    id: 'n4',
    label: '4.无正当理由大量反复申请',
    en: '4. Excessive repeated requests',
    group: 'notProcessed',
    articles: ['第三十五条'],
    help: msg('无正当理由大量反复申请。', 'Excessive repeated requests without good reason.'),
  },
  {
    id: 'n5',
    label: '5.要求行政机关确认或重新出具已获取信息',
    en: '5. Confirm or re-issue information already obtained',
    group: 'notProcessed',
    help: msg('要求行政机关确认或重新出具已获取的信息。', 'Requests to confirm or re-issue information already obtained.'),
  },
];

/** Rows of table 三 after (六)其他处理, the same in both layouts. */
export const REQUEST_ROWS_TAIL: RowDef[] = [
  {
    id: 'resultTotal',
    label: '（七）总计',
    en: '(7) Total',
    group: 'results',
    help: msg('本年度办理结果的总数：（一）至（六）各行之和。', 'All results this year: the sum of rows (一) to (六).'),
  },
  {
    id: 'forward',
    label: '四、结转下年度继续办理',
    en: '4. Carried forward to next year',
    accepted: ['四、结转下年继续办理'],
    help: msg('本年度未办结、结转下年度继续办理的申请。勾稽关系：一 + 二 = （七）总计 + 四。', 'Requests still open at year end. Balance: new + carried = (七) total + carried forward.'),
  },
];

const applicantsHeader = (organisations: ColumnDef[]): HeaderCellDef[][] => [
  [
    { text: BALANCE_NOTE, en: '(Balance of each column: item 1 + item 2 = item 3 + item 4)', rowSpan: 3, colSpan: 3 },
    { text: '申请人情况', en: 'Applicants', colSpan: organisations.length + 2, columnGroup: 'applicants' },
  ],
  [
    { text: '自然人', en: 'Natural persons', rowSpan: 2, column: 'natural' },
    { text: '法人或其他组织', en: 'Legal persons and other organisations', colSpan: organisations.length, columnGroup: 'organisations' },
    { text: '总计', en: 'Total', rowSpan: 2, column: 'total' },
  ],
  organisations.map((c) => ({ text: c.label, en: c.en, column: c.id })),
];

/** What differs between the layouts' tables 三: the rows of (六)其他处理, the groups, the telltales. */
export interface RequestsVariant {
  layout: string;
  otherHandling: RowDef[];
  groups: RowGroupDef[];
  telltales: Telltales;
  carryOver?: TableDef['carryOver'];
}

/** Table 三 of a layout, from the rows both layouts share and the layout's own (六)其他处理. */
export function requestsTable(variant: RequestsVariant): TableDef {
  const rows = [...REQUEST_ROWS_HEAD, ...variant.otherHandling, ...REQUEST_ROWS_TAIL];
  const resultRows = rows.filter((r) => r.group && r.id !== 'resultTotal').map((r) => r.id);
  const dataRows = rows.map((r) => r.id);
  const allColumns = REQUEST_COLUMNS.filter((c) => !c.optional).map((c) => c.id);
  const organisations = REQUEST_COLUMNS.filter((c) => c.group === 'organisations' && !c.optional);
  return {
    kind: 'requests',
    layout: variant.layout,
    part: 3,
    title: REQUESTS_TITLE,
    columns: REQUEST_COLUMNS,
    columnGroups: REQUEST_COLUMN_GROUPS,
    groups: variant.groups,
    rows,
    printed: { labelColumns: 3, valueColumns: allColumns.length, header: applicantsHeader(organisations) },
    knownHeaders: [BALANCE_NOTE, '小计'],
    headerWords: ['申请人情况', '自然人', '勾稽关系', '法人或其他组织', '商业企业'],
    sums: [
      { role: 'row-total', each: 'row', rows: dataRows, target: 'total', terms: APPLICANTS },
      { role: 'subtotal', each: 'row', rows: dataRows, target: 'legalSubtotal', terms: ORGANISATIONS },
      { role: 'column-total', each: 'column', columns: allColumns, target: 'resultTotal', terms: resultRows },
    ],
    balances: [{ role: 'balance', columns: allColumns, left: ['new', 'carried'], right: ['resultTotal', 'forward'], solveFor: 'forward' }],
    telltales: variant.telltales,
    carryOver: variant.carryOver,
  };
}

// ── 表四 政府信息公开行政复议、行政诉讼情况 ─────────────────────────────────

const OUTCOMES: { id: string; label: string; en: string; help: Localized }[] = [
  { id: 'Upheld', label: '结果维持', en: 'Upheld', help: msg('原行为被维持。', 'The decision was upheld.') },
  { id: 'Corrected', label: '结果纠正', en: 'Corrected', help: msg('原行为被撤销、变更、确认违法或责令履行等纠正。', 'The decision was corrected (revoked, changed, declared unlawful…).') },
  { id: 'Other', label: '其他结果', en: 'Other outcome', help: msg('驳回、终止等其他结果。', 'Other outcomes (dismissed, terminated…).') },
  { id: 'Pending', label: '尚未审结', en: 'Pending', help: msg('年底尚未审结。', 'Still pending at year end.') },
  { id: 'Total', label: '总计', en: 'Total', help: msg('本组结果维持、结果纠正、其他结果、尚未审结四列之和。', 'Sum of the four outcome columns of this group.') },
];

/** The three blocks of table 四: each has the five outcome columns. */
const REVIEW_BLOCKS: (ColumnGroupDef & { total: Localized })[] = [
  {
    id: 'review',
    label: '行政复议',
    en: 'Administrative review',
    help: msg('行政复议：因政府信息公开工作被申请行政复议的案件。', 'Administrative review of disclosure decisions.'),
    total: msg('行政复议总计', 'the administrative review total'),
  },
  {
    id: 'direct',
    label: '未经复议直接起诉',
    en: 'Lawsuits filed directly',
    parent: 'litigation',
    help: msg('行政诉讼 · 未经复议直接起诉的案件。', 'Lawsuits filed directly, without review.'),
    total: msg('未经复议直接起诉总计', 'the total of lawsuits filed directly'),
  },
  {
    id: 'afterReview',
    label: '复议后起诉',
    en: 'Lawsuits after review',
    parent: 'litigation',
    help: msg('行政诉讼 · 复议后起诉的案件。', 'Lawsuits filed after administrative review.'),
    total: msg('复议后起诉总计', 'the total of lawsuits after review'),
  },
];

const LITIGATION: ColumnGroupDef = {
  id: 'litigation',
  label: '行政诉讼',
  en: 'Administrative litigation',
  help: msg('因政府信息公开工作被提起行政诉讼的案件（条例第五十一条），分未经复议直接起诉和复议后起诉。', 'Lawsuits about disclosure (Art. 51), direct or after review.'),
};

/** The columns of one block of table 四: 结果维持 … 总计, each named by its block. */
function outcomeColumns(block: (typeof REVIEW_BLOCKS)[number]): ColumnDef[] {
  return OUTCOMES.map((o) => ({
    id: block.id + o.id,
    label: o.label,
    en: `${block.en}: ${o.en}`,
    group: block.id,
    help: msg(`${block.help!['zh-cn']}${o.help['zh-cn']}`, `${block.help!.en} ${o.help.en}`),
    name: o.id === 'Total' ? block.total : undefined,
  }));
}

/** Header cells of the five outcome columns, with the meaning every block shares. */
const outcomeHeader = (block: string, rowSpan?: number): HeaderCellDef[] =>
  OUTCOMES.map((o) => ({ text: o.label, en: o.en, column: block + o.id, help: o.help, ...(rowSpan ? { rowSpan } : {}) }));

/** Table 四 of a layout: one unlabelled data row of fifteen numbers under a three-row header. */
export function reviewTable(layout: string): TableDef {
  return {
    kind: 'review',
    layout,
    part: 4,
    title: msg('表四 政府信息公开行政复议、行政诉讼情况', 'Table 4: administrative review and litigation'),
    columns: REVIEW_BLOCKS.flatMap(outcomeColumns),
    columnGroups: [REVIEW_BLOCKS[0], LITIGATION, ...REVIEW_BLOCKS.slice(1)].map(({ id, label, en, help, parent }) => ({ id, label, en, help, parent })),
    groups: [],
    rows: [{ id: 'cases', label: '', en: 'Cases' }],
    labelless: true,
    printed: {
      labelColumns: 0,
      valueColumns: 15,
      header: [
        [
          { text: '行政复议', en: 'Administrative review', colSpan: 5, columnGroup: 'review', help: msg('因政府信息公开工作被申请行政复议的案件（条例第五十一条）。', 'Administrative reviews about disclosure (Art. 51).') },
          { text: '行政诉讼', en: 'Administrative litigation', colSpan: 10, columnGroup: 'litigation', help: LITIGATION.help },
        ],
        [
          ...outcomeHeader('review', 2),
          { text: '未经复议直接起诉', en: 'Filed directly', colSpan: 5, columnGroup: 'direct', help: REVIEW_BLOCKS[1].help },
          { text: '复议后起诉', en: 'After review', colSpan: 5, columnGroup: 'afterReview', help: REVIEW_BLOCKS[2].help },
        ],
        [...outcomeHeader('direct'), ...outcomeHeader('afterReview')],
      ],
    },
    knownHeaders: [],
    headerWords: ['行政复议', '行政诉讼', '结果维持', '复议后起诉', '尚未审结'],
    // In each of 行政复议, 未经复议直接起诉, 复议后起诉: 总计 = the four outcome columns.
    sums: REVIEW_BLOCKS.map((block) => ({
      role: 'review-total' as const,
      each: 'row' as const,
      rows: ['cases'],
      target: block.id + 'Total',
      terms: OUTCOMES.filter((o) => o.id !== 'Total').map((o) => block.id + o.id),
    })),
    balances: [],
    // The same in every layout: nothing to tell apart.
    telltales: { shows: msg('', '') },
  };
}
