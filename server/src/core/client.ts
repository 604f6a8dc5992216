// The client's facade: the little the VS Code extension needs before and beside the language server
// (is this text a report? which language?), without the rules, layouts and the 条例 text that the full
// facade (index.ts) would put into the extension's own bundle.
export { looksLikeReport } from './parse/detect';
export { localize, pickLocale } from './base/i18n';
export type { Locale, Localized } from './base/types';
