// The six required parts of a report (条例第五十条) and their accepted titles (rules.md, GK104).
// Which part holds which table is the layouts' to say (TableDef.part).
import type { Localized } from '../base/types';
import { msg } from '../base/i18n';

export interface PartDef {
  index: number;
  /** The standard title written after `一、`. */
  title: string;
  accepted: string[];
  /** Words that show a differently worded heading still means this part. */
  keywords: string[];
  contents: Localized;
}

export const PARTS: readonly PartDef[] = [
  {
    index: 1,
    title: '总体情况',
    accepted: ['总体情况'],
    keywords: ['总体'],
    contents: msg(
      '综述本机关贯彻落实《条例》情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障（人民政府还应报告工作考核、社会评议和责任追究结果情况）。',
      'Overview: proactive disclosure, requests, information management, platforms, oversight (people’s governments also report assessment, public review and accountability results).',
    ),
  },
  {
    index: 2,
    title: '主动公开政府信息情况',
    accepted: ['主动公开政府信息情况', '主动公开政府信息'],
    keywords: ['主动公开'],
    contents: msg('按表二填报第二十条第（一）（五）（六）（八）项数据。', 'Table 2: data for Article 20 items (1), (5), (6), (8).'),
  },
  {
    index: 3,
    title: '收到和处理政府信息公开申请情况',
    accepted: ['收到和处理政府信息公开申请情况'],
    keywords: ['申请'],
    contents: msg('按表三填报收到和处理申请的情况，按申请人类型分列。', 'Table 3: requests received and handled, by kind of applicant.'),
  },
  {
    index: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    accepted: [
      '政府信息公开行政复议、行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
    ],
    keywords: ['复议', '诉讼'],
    contents: msg('按表四填报因政府信息公开工作被申请行政复议、提起行政诉讼的情况（第五十条第（三）项）。', 'Table 4: administrative reviews and lawsuits about disclosure (Art. 50(3)).'),
  },
  {
    index: 5,
    title: '政府信息公开工作存在的主要问题及改进情况',
    accepted: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进情况'],
    keywords: ['问题', '改进', '整改'],
    contents: msg('本机关政府信息公开工作存在的主要问题及改进情况（第五十条第（四）项），通常还写上一年度问题的整改情况。', 'Main problems and improvements (Art. 50(4)), usually with last year’s follow-up.'),
  },
  {
    index: 6,
    title: '其他需要报告的事项',
    accepted: ['其他需要报告的事项'],
    keywords: ['其他需要报告', '其他事项'],
    contents: msg(
      '信息处理费收取情况（国办函〔2020〕109号），落实年度政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开工作创新等情况。',
      'Information processing fees (国办函〔2020〕109号), yearly work points, NPC/CPPCC proposals, innovations.',
    ),
  },
];

/** Part 六's sentence on the 信息处理费 (国办函〔2020〕109号), after the year; shared by the skeleton and GK601's fix. */
export const FEE_STATEMENT = '年度，本机关未收取政府信息公开信息处理费。（如有收取，请改写为：发出收费通知 X 件，应收 X 元，实际收取 X 元。）';

export function feeSentence(year: string): string {
  return year + FEE_STATEMENT;
}
