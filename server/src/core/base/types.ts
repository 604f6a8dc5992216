// The plainest data of all: severities, languages, localized text, spans and edits.
// Nothing here knows about LSP or VS Code: positions are UTF-16 offsets into the text.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Locale = 'zh-cn' | 'en';

/** A user-facing string in every language we ship. */
export interface Localized {
  'zh-cn': string;
  en: string;
}

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  span: Span;
  newText: string;
}
