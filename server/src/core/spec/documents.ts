// Official documents a report cites, other than the layouts (whose numbers the layout data gives),
// by their normalised number: what each is, for the hover on its number.
import type { Localized } from '../base/types';
import { msg } from '../base/i18n';

/** Official documents a report cites, by their normalised number. Layout documents come from layout/. */
export const DOCUMENTS: Readonly<Record<string, Localized>> = {
  '国务院令第711号': msg('2019年修订的《中华人民共和国政府信息公开条例》，2019年5月15日起施行。', 'The 2019 revision of the Regulation, in force from 15 May 2019.'),
  '国务院令第492号': msg('2007年《中华人民共和国政府信息公开条例》原文，已被2019年修订版（国务院令第711号）取代。', 'The 2007 Regulation, replaced by the 2019 revision (国务院令第711号).'),
  '国办函〔2020〕109号': msg('《政府信息公开信息处理费管理办法》，2021年1月1日起施行；收费情况在第六部分报告。', 'Measures on information processing fees, from 1 January 2021; fees are reported in part 6.'),
};
