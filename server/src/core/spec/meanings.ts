// What the rows and columns of the official tables count, for hovers. Keyed by the row and column
// ids of the layout declarations (layout/), so labels are never repeated here.
import type { Localized } from '../base/types';
import { msg } from '../base/i18n';

export const ROW_MEANINGS: Readonly<Record<string, Localized>> = {
  // 表二
  rules: msg('本机关制发、废止和现行有效的规章件数。', 'Rules (规章) issued, repealed and in force.'),
  normDocs: msg('本机关制发、废止和现行有效的行政规范性文件件数。', 'Normative documents issued, repealed and in force.'),
  license: msg('本年作出的行政许可决定数量。', 'Administrative licence decisions made this year.'),
  otherServices: msg('行政许可以外的其他对外管理服务事项（2019年版）。', 'Other external management services (2019 layout).'),
  penalty: msg('本年作出的行政处罚决定数量。', 'Administrative penalty decisions made this year.'),
  enforcement: msg('本年作出的行政强制决定数量。', 'Administrative enforcement decisions made this year.'),
  fees: msg('本年收取的行政事业性收费金额（万元）。', 'Administrative fees collected this year (10,000 yuan).'),
  procurement: msg('政府集中采购项目数量和金额（2019年版，2021年版已删去）。', 'Central government procurement (2019 layout only).'),
  // 表三
  new: msg('本年度新收到的申请件数，不含上年结转。', 'Requests received this year, excluding those carried over.'),
  carried: msg('上年度未办结、结转到本年度办理的申请；应等于上年年报“结转下年度继续办理”。', 'Requests carried over from last year; equals last year’s “carried forward”.'),
  granted: msg('全部予以公开的申请。', 'Requests granted in full.'),
  partial: msg('作区分处理、部分公开的申请。计数规则：区分处理的只计这一情形，不计其他情形。', 'Requests partly granted after redaction. Counting rule: count them here only, in no other row.'),
  w1: msg('因属于国家秘密不予公开。', 'Withheld as state secrets.'),
  w2: msg('因其他法律、行政法规禁止公开而不予公开。', 'Withheld because other laws prohibit disclosure.'),
  w3: msg('因公开后危及国家安全、公共安全、经济安全、社会稳定而不予公开。', 'Withheld as endangering national, public or economic security or social stability.'),
  w4: msg('因涉及商业秘密、个人隐私等会损害第三方合法权益而不予公开。', 'Withheld to protect third parties (trade secrets, privacy).'),
  w5: msg('属于人事管理、后勤管理、内部工作流程等内部事务信息。', 'Internal affairs: personnel, logistics, internal procedures.'),
  w6: msg('属于讨论记录、过程稿、磋商信函、请示报告等过程性信息。', 'Process information: minutes, drafts, consultations, internal reports.'),
  w7: msg('属于行政执法案卷信息。', 'Administrative enforcement files.'),
  w8: msg('属于工商、不动产登记资料等有专门查询规定的行政查询事项。', 'Administrative query matters with their own access rules (registers).'),
  u1: msg('本机关不掌握相关信息，或不属于本机关负责公开。', 'The agency does not hold the information, or it is not the agency’s to disclose.'),
  u2: msg('没有现成信息，需要另行制作或加工分析。', 'No existing information; it would have to be made.'),
  u3: msg('经补正后申请内容仍不明确。', 'Still unclear after the applicant was asked to clarify.'),
  n1: msg('以申请形式进行信访、投诉、举报，不作为政府信息公开申请处理。', 'Petitions or complaints filed as requests; not handled as requests.'),
  n2: msg('重复申请相同信息。', 'Repeated requests for the same information.'),
  n3: msg('要求提供政府公报、报刊、书籍等公开出版物。', 'Requests for published material (gazettes, books).'),
  n4: msg('无正当理由大量反复申请。', 'Excessive repeated requests without good reason.'),
  n5: msg('要求行政机关确认或重新出具已获取的信息。', 'Requests to confirm or re-issue information already obtained.'),
  o1: msg('申请人无正当理由逾期不补正，视为放弃申请。', 'The applicant did not clarify in time: deemed withdrawn.'),
  o2: msg('申请人逾期未按收费通知缴纳信息处理费。', 'The applicant did not pay the processing fee in time.'),
  o3: msg('以上情形以外的其他处理。', 'Any other handling.'),
  otherHandling: msg('其他处理（2019年版为一行；2021年版分为三行）。', 'Other handling (one row in 2019; three rows in 2021).'),
  resultTotal: msg('本年度办理结果的总数：（一）至（六）各行之和。', 'All results this year: the sum of rows (一) to (六).'),
  forward: msg('本年度未办结、结转下年度继续办理的申请。勾稽关系：一 + 二 = （七）总计 + 四。', 'Requests still open at year end. Balance: new + carried = (七) total + carried forward.'),
};

export const COLUMN_MEANINGS: Readonly<Record<string, Localized>> = {
  natural: msg('申请人为自然人（个人）。', 'Applicants who are natural persons.'),
  commercial: msg('法人或其他组织中的商业企业。', 'Legal persons: commercial enterprises.'),
  research: msg('法人或其他组织中的科研机构。', 'Legal persons: research institutions.'),
  publicWelfare: msg('法人或其他组织中的社会公益组织。', 'Legal persons: public-welfare organisations.'),
  legalService: msg('法人或其他组织中的法律服务机构（律师事务所等）。', 'Legal persons: legal service providers (law firms).'),
  otherOrg: msg('法人或其他组织中的其他类型。', 'Legal persons: any other kind.'),
  legalSubtotal: msg('法人或其他组织五类之和（报告自加的小计列）。', 'Sum of the five kinds of legal persons (a subtotal column some reports add).'),
  total: msg('自然人与法人或其他组织各列之和。', 'Natural persons plus all legal persons.'),
  issued: msg('本年制发的件数。', 'Documents issued this year.'),
  repealed: msg('本年废止的件数。', 'Documents repealed this year.'),
  inForce: msg('年末现行有效的件数；约等于上年现行有效 + 本年制发 − 本年废止。', 'In force at year end; about last year’s stock + issued − repealed.'),
  decisions: msg('本年作出的处理决定数量。', 'Decisions made this year.'),
  feeAmount: msg('本年收费金额，单位万元（可有小数）。', 'Fees collected this year in 10,000 yuan (decimals allowed).'),
};

/** Column groups of table 四, by column id prefix. */
export const REVIEW_COLUMN_GROUPS: Readonly<Record<string, Localized>> = {
  review: msg('行政复议：因政府信息公开工作被申请行政复议的案件。', 'Administrative review of disclosure decisions.'),
  direct: msg('行政诉讼 · 未经复议直接起诉的案件。', 'Lawsuits filed directly, without review.'),
  afterReview: msg('行政诉讼 · 复议后起诉的案件。', 'Lawsuits filed after administrative review.'),
};

export const REVIEW_OUTCOMES: Readonly<Record<string, Localized>> = {
  Upheld: msg('原行为被维持。', 'The decision was upheld.'),
  Corrected: msg('原行为被撤销、变更、确认违法或责令履行等纠正。', 'The decision was corrected (revoked, changed, declared unlawful…).'),
  Other: msg('驳回、终止等其他结果。', 'Other outcomes (dismissed, terminated…).'),
  Pending: msg('年底尚未审结。', 'Still pending at year end.'),
  Total: msg('本组结果维持、结果纠正、其他结果、尚未审结四列之和。', 'Sum of the four outcome columns of this group.'),
};

/** Header texts that are not a single column: the bands over several columns. */
export const HEADER_MEANINGS: Readonly<Record<string, Localized>> = {
  申请人情况: msg('按申请人类型分列的申请件数。', 'Requests by kind of applicant.'),
  法人或其他组织: msg('商业企业、科研机构、社会公益组织、法律服务机构、其他五类。', 'Five kinds: commercial, research, public-welfare, legal service, other.'),
  行政复议: msg('因政府信息公开工作被申请行政复议的案件（条例第五十一条）。', 'Administrative reviews about disclosure (Art. 51).'),
  行政诉讼: msg('因政府信息公开工作被提起行政诉讼的案件（条例第五十一条），分未经复议直接起诉和复议后起诉。', 'Lawsuits about disclosure (Art. 51), direct or after review.'),
  未经复议直接起诉: REVIEW_COLUMN_GROUPS.direct,
  复议后起诉: REVIEW_COLUMN_GROUPS.afterReview,
  信息内容: msg('本块统计的信息类别。', 'The kind of information this block counts.'),
};

/** Official documents a report cites, by their normalised number. Layout documents come from layout/. */
export const DOCUMENTS: Readonly<Record<string, Localized>> = {
  '国务院令第711号': msg('2019年修订的《中华人民共和国政府信息公开条例》，2019年5月15日起施行。', 'The 2019 revision of the Regulation, in force from 15 May 2019.'),
  '国务院令第492号': msg('2007年《中华人民共和国政府信息公开条例》原文，已被2019年修订版（国务院令第711号）取代。', 'The 2007 Regulation, replaced by the 2019 revision (国务院令第711号).'),
  '国办函〔2020〕109号': msg('《政府信息公开信息处理费管理办法》，2021年1月1日起施行；收费情况在第六部分报告。', 'Measures on information processing fees, from 1 January 2021; fees are reported in part 6.'),
};
