import { defineRule, type RuleContext, type RuleData } from './types';
import type { Part } from '../model/model';
import { msg } from '../base/i18n';
import { PARTS } from '../spec/parts';
import { labelKey, similarity } from '../base/text';

declare module './types' {
  interface RuleData {
    GK104: { part: number; canonical: string };
  }
}

/** A part heading whose numeral is right but whose title is not an accepted wording. */
export default defineRule({
  meta: {
    id: 'GK104',
    name: 'section-title',
    group: 'S',
    defaultSeverity: 'warning',
    description: msg('部分标题不是规定的写法（如“存在的主要问题及整改措施”）。', 'A part title is not one of the accepted wordings.'),
  },
  check(ctx) {
    for (const part of ctx.model.parts) {
      if (part.titleAccepted) continue;
      report(ctx, part);
    }
  },
});

/** The finding, apart from the loop (most titles are accepted): its optimised code stays small. */
function report(ctx: RuleContext<RuleData['GK104']>, part: Part): void {
  const def = PARTS[part.index - 1];
  const key = labelKey(part.heading.title);
  // Offer the accepted wording closest to what was written.
  const best = [...def.accepted].sort((a, b) => similarity(key, labelKey(b)) - similarity(key, labelKey(a)))[0];
  ctx.emit({
    span: part.heading.titleSpan,
    message: msg(`标题“${part.heading.title}”应为“${best}”`, `Title “${part.heading.title}” should read “${best}”`),
    fixes: [
      {
        id: 'standard-title',
        title: msg(`改为“${best}”`, `Use “${best}”`),
        edits: [{ span: part.heading.titleSpan, newText: best }],
        safe: true,
      },
    ],
    data: { part: part.index, canonical: best },
  });
}
