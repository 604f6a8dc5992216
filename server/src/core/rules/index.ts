// The rule registry: every rule module, in catalogue order.
import type { Rule } from './types';
import { metaRules } from './metaRules';
import { sectionMissing } from './gk101-section-missing';
import { sectionOrder } from './gk102-section-order';
import { sectionDuplicate } from './gk103-section-duplicate';
import { sectionTitle } from './gk104-section-title';
import { sectionEmpty } from './gk105-section-empty';
import { headingNumbering } from './gk106-heading-numbering';
import { tableMissing } from './gk201-table-missing';
import { rowMissing } from './gk202-row-missing';
import { rowLabel } from './gk203-row-label';
import { cellEmpty } from './gk204-cell-empty';
import { cellNotNumber } from './gk205-cell-not-number';
import { cellCount } from './gk206-cell-count';
import { numberFormat } from './gk207-number-format';
import { layoutOutdated } from './gk208-layout-outdated';
import { headerLabel } from './gk209-header-label';
import { tableUnreadable } from './gk210-table-unreadable';
import { rowTotal } from './gk301-row-total';
import { columnTotal } from './gk302-column-total';
import { balance } from './gk303-balance';
import { reviewLitigationTotal } from './gk304-review-litigation-total';
import { subtotal } from './gk305-subtotal';
import { narrativeNumber } from './gk401-narrative-number';
import { narrativePercent } from './gk402-narrative-percent';
import { narrativeBreakdown } from './gk403-narrative-breakdown';
import { narrativeContradiction } from './gk404-narrative-contradiction';
import { carryOver } from './gk801-carry-over';
import { stockFlow } from './gk802-stock-flow';
import { copiedText } from './gk803-copied-text';
import { feeNotReported } from './gk601-fee-not-reported';
import { sectionThin } from './gk602-section-thin';
import { governmentAssessment } from './gk603-government-assessment';

export const allRules: Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionTitle,
  sectionEmpty,
  headingNumbering,
  tableMissing,
  rowMissing,
  rowLabel,
  cellEmpty,
  cellNotNumber,
  cellCount,
  numberFormat,
  layoutOutdated,
  headerLabel,
  tableUnreadable,
  rowTotal,
  columnTotal,
  balance,
  reviewLitigationTotal,
  subtotal,
  narrativeNumber,
  narrativePercent,
  narrativeBreakdown,
  narrativeContradiction,
  feeNotReported,
  sectionThin,
  governmentAssessment,
  carryOver,
  stockFlow,
  copiedText,
  ...metaRules,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function findRule(idOrName: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === idOrName || r.meta.name === idOrName);
}
