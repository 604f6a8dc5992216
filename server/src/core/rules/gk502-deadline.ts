// GK502 deadline: signed or published after the statutory deadline (条例第四十九条):
// 3月31日 of the next year for a people's government's own report, 1月31日 for everyone else.
import type { RelatedInfo } from './types';
import { defineRule } from './types';
import { msg } from '../base/i18n';
import { formatDateEn, formatDateZh } from '../base/calendar';
import { deadlineCheck } from '../model/meta';

declare module './types' {
  interface RuleData {
    GK502: { deadline: string; date: string; issuerKind: string; reportYear: number };
  }
}

export default defineRule({
  meta: {
    id: 'GK502',
    name: 'deadline',
    group: 'D',
    defaultSeverity: 'warning',
    description: msg(
      '落款或发布日期不得晚于法定期限：人民政府次年3月31日，部门、办公室和街道办事处次年1月31日（条例第四十九条）。',
      'The signature or publication date is within the statutory deadline: 31 March of the next year for a people’s government, 31 January for everyone else (Art. 49).',
    ),
    example: { append: '安宁市人民政府办公室\n2023年3月15日' },
  },
  check(ctx) {
    const meta = ctx.model.meta;
    const checked = deadlineCheck(meta); // undefined while GK501 reports a disputed year
    if (!checked) return;
    const { deadline, issuerKind: kind, reportYear: year } = checked;
    const agency = meta.agency ?? '';
    let whyZh: string;
    let whyEn: string;
    if (kind === 'government') {
      whyZh = `人民政府的年度报告应于次年3月31日前公布，条例第四十九条；本报告发布机关：${agency}`;
      whyEn = `a people’s government publishes its report by 31 March of the next year, Art. 49; issuing body: ${agency}`;
    } else if (kind === 'unknown') {
      whyZh = '未能识别发布机关，按人民政府的期限（次年3月31日）计算，条例第四十九条';
      whyEn = 'the issuing body was not recognised, so the later deadline for a people’s government (31 March) was applied, Art. 49';
    } else {
      whyZh = `部门、办公室和街道办事处应于次年1月31日前公布，条例第四十九条；本报告发布机关：${agency}`;
      whyEn = `departments, offices (办公室/办公厅) and subdistrict offices publish by 31 January of the next year, Art. 49; issuing body: ${agency}`;
    }
    for (const { which, date: d, late } of checked.dates) {
      if (!late) continue;
      const [zh, en] = which === 'signed' ? ['落款日期', 'Signature date'] : ['发布日期', 'Publication date'];
      const related: RelatedInfo[] = [];
      if (meta.title) related.push({ span: meta.title.span, message: msg(`报告标题（报告年度 ${year}）`, `report title (report year ${year})`) });
      ctx.emit({
        span: d.span,
        message: msg(
          `${zh} ${formatDateZh(d)} 晚于法定期限 ${formatDateZh(deadline)}（${whyZh}）`,
          `${en} ${formatDateEn(d)} is after the statutory deadline ${formatDateEn(deadline)} (${whyEn})`,
        ),
        related,
        data: { deadline: formatDateEn(deadline), date: formatDateEn(d), issuerKind: kind, reportYear: year },
      });
    }
  },
});
