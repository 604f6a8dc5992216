// Rules that read the document's metadata: title (GK107), dates (GK501–GK504), legal references (GK701–GK702).
import type { Rule } from './types';
import { gk107ReportTitle } from './gk107-report-title';
import { gk501YearMismatch } from './gk501-year-mismatch';
import { gk502Deadline } from './gk502-deadline';
import { gk503DateInvalid } from './gk503-date-invalid';
import { gk504DateTooEarly } from './gk504-date-too-early';
import { gk701ArticleReference } from './gk701-article-reference';
import { gk702OutdatedReference } from './gk702-outdated-reference';

export const metaRules: Rule[] = [
  gk107ReportTitle,
  gk501YearMismatch,
  gk502Deadline,
  gk503DateInvalid,
  gk504DateTooEarly,
  gk701ArticleReference,
  gk702OutdatedReference,
];
