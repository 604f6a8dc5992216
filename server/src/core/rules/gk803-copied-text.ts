import { defineRule } from './types';
import type { ReportModel } from '../model/model';
import { msg } from '../base/i18n';
import { pairingYear, previousReport } from '../analysis/cross/previous';
import { profile, profileSimilarity } from '../base/text';

declare module './types' {
  interface RuleData {
    GK803: { part: number; percent: number; file: string };
  }
}

/** Parts compared with last year's: 五 (problems and improvements) and 一 (overview). */
const PARTS = [5, 1];
const SAME = 0.9;
/** Shorter parts say too little for a likeness to mean copying. */
const MIN_CHARS = 40;

/** The part's words: blanks, punctuation and digits dropped (years and counts change every year). */
function partWords(model: ReportModel, index: number): string | undefined {
  const part = model.parts.find((p) => p.index === index);
  if (!part) return undefined;
  const words = model.text.slice(part.body.start, part.body.end).replace(/[\s\p{P}\p{S}0-9０-９]/gu, '');
  return words.length >= MIN_CHARS ? words : undefined;
}

/** Part 五 (or 一) is at least 90 % the same text as in last year's report. */
export default defineRule({
  meta: {
    id: 'GK803',
    name: 'copied-text',
    group: 'X',
    defaultSeverity: 'info',
    description: msg(
      '第五部分（或第一部分）与上一年度报告的相同部分≥90%相同。',
      'Part 5 (or 1) is at least 90% the same as in last year’s report.',
    ),
  },
  check(ctx) {
    const previous = previousReport(ctx.model, ctx.workspace);
    if (!previous) return;
    const lastYear = pairingYear(previous.model.meta)!;
    for (const index of PARTS) {
      const mine = partWords(ctx.model, index);
      const theirs = partWords(previous.model, index);
      if (!mine || !theirs) continue;
      const likeness = profileSimilarity(profile(mine), profile(theirs));
      if (likeness < SAME) continue;
      const percent = Math.floor(likeness * 100);
      const heading = ctx.model.parts.find((p) => p.index === index)!.heading;
      const other = previous.model.parts.find((p) => p.index === index)!.heading;
      ctx.emit({
        span: heading.span,
        message: msg(
          `本部分与${lastYear}年度报告的相同部分约 ${percent}% 相同`,
          `This part is about ${percent}% the same as in the ${lastYear} report`,
        ),
        related: [{ file: previous.file, span: other.span, message: msg(`${lastYear}年度报告的该部分`, `The same part of the ${lastYear} report`) }],
        data: { part: index, percent, file: previous.file },
      });
    }
  },
});
