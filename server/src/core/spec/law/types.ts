// The shape of the generated 条例 data (regulation.generated.ts), apart from the lookup so neither imports the other.

export interface RegulationParagraphData {
  /** The paragraph's own text (for a paragraph with items: the lead-in sentence). */
  text: string;
  /** Its items, each as officially written with its marker, e.g. `（一）行政法规、规章和规范性文件；`. */
  items: string[];
}

export interface RegulationArticleData {
  number: number;
  /** Chapter number (1..6). */
  chapter: number;
  paragraphs: RegulationParagraphData[];
}

export interface RegulationData {
  title: string;
  /** The document that promulgated this text, e.g. 国务院令第711号. */
  document: string;
  chapters: { number: number; title: string }[];
  articles: RegulationArticleData[];
}
