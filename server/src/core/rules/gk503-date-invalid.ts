// GK503 date-invalid: a date that is not on the calendar (2月30日, 13月).
import { defineRule } from './types';
import { msg } from '../base/i18n';
import { daysInMonth } from '../base/calendar';

declare module './types' {
  interface RuleData {
    GK503: { year: number; month: number; day: number };
  }
}

export default defineRule({
  meta: {
    id: 'GK503',
    name: 'date-invalid',
    group: 'D',
    defaultSeverity: 'error',
    description: msg('日期必须真实存在（没有2月30日、13月）。', 'Dates exist on the calendar (no 30 February, no month 13).'),
    example: { append: '安宁市人民政府办公室\n2023年2月30日' },
  },
  check(ctx) {
    for (const d of ctx.model.meta.dates) {
      if (d.valid) continue;
      const written = ctx.text.slice(d.span.start, d.span.end).replace(/\s+/g, '');
      let zh: string;
      let en: string;
      if (d.month < 1 || d.month > 12) {
        zh = `日期 ${written} 不存在：没有${d.month}月`;
        en = `The date ${written} does not exist: there is no month ${d.month}`;
      } else {
        const n = daysInMonth(d.year, d.month);
        zh = `日期 ${written} 不存在：${d.year}年${d.month}月只有${n}天`;
        en = `The date ${written} does not exist: ${d.year}-${String(d.month).padStart(2, '0')} has ${n} days`;
      }
      ctx.emit({ span: d.span, message: msg(zh, en), data: { year: d.year, month: d.month, day: d.day } });
    }
  },
});
