// The outline of a report (parts, sub-headings, tables) for document symbols, breadcrumbs and folding.
import type { ReportModel, Table } from '../model/model';
import type { Localized, Span } from '../base/types';
import { msg } from '../base/i18n';

export type OutlineKind = 'title' | 'part' | 'heading' | 'table';

export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  /** Short description (layout of a table, part number). */
  detail?: Localized;
  /** The whole section: heading to the end of its content. */
  span: Span;
  /** What to select when the node is picked (the heading line). */
  selection: Span;
  /** First and last line of the section. */
  lines: { first: number; last: number };
  children: OutlineNode[];
}

/** The last non-blank line from `first` up to the line before `nextLine` (or the end of the text). */
function lastLineBefore(model: ReportModel, first: number, nextLine: number | undefined): number {
  let last = (nextLine ?? model.lines.length) - 1;
  while (last > first && model.lines[last].text.trim() === '') last--;
  return Math.max(first, last);
}

function tableNode(model: ReportModel, table: Table): OutlineNode {
  const first = model.lines[table.lines.first];
  const last = model.lines[table.lines.last];
  return {
    kind: 'table',
    name: table.def.title['zh-cn'],
    detail: msg(`${table.layout}年版`, `${table.layout} layout`),
    span: { start: first.start, end: last.end },
    selection: { start: first.start, end: first.end },
    lines: { ...table.lines },
    children: [],
  };
}

/** Longest outline name; a sub-heading often runs on into its paragraph on the same line. */
const NAME_MAX = 40;

/** A heading's name in the outline: up to the end of its first sentence, at most NAME_MAX characters. */
export function headingName(text: string): string {
  const trimmed = text.trim();
  let end = trimmed.length;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] === '。' || trimmed[i] === '；' || trimmed[i] === ';') {
      end = i;
      break;
    }
  }
  const name = trimmed.slice(0, end);
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX)}…` : name;
}

/** Parts (and other top-level headings) holding their sub-headings and tables, in document order. */
export function outline(model: ReportModel): OutlineNode[] {
  const headings = [...model.headings].sort((a, b) => a.line - b.line);
  const partOf = new Map(model.parts.map((p) => [p.heading, p.index]));
  const sections: OutlineNode[] = headings.map((h, i) => {
    // A section runs to the next heading of the same or a higher level.
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    const last = lastLineBefore(model, h.line, next?.line);
    const part = partOf.get(h);
    return {
      kind: h.level === 1 ? 'part' : 'heading',
      name: headingName(model.text.slice(h.span.start, h.span.end)),
      detail: part === undefined ? undefined : msg(`第${'一二三四五六'[part - 1]}部分`, `Part ${part}`),
      span: { start: h.span.start, end: model.lines[last].end },
      selection: h.span,
      lines: { first: h.line, last },
      children: [],
    };
  });
  const roots: OutlineNode[] = [];
  const title = model.meta.title;
  if (title) {
    const line = model.lines.findIndex((l) => l.end >= title.span.start);
    roots.push({ kind: 'title', name: title.text, span: title.span, selection: title.span, lines: { first: line, last: line }, children: [] });
  }
  const place = (node: OutlineNode) => {
    // The innermost section that contains the node's first line (sections are sorted and nested).
    let parent: OutlineNode | undefined;
    for (const s of sections) {
      if (s === node || s.lines.first > node.lines.first) continue;
      if (s.lines.last >= node.lines.first && (!parent || s.lines.first >= parent.lines.first)) parent = s;
    }
    (parent ? parent.children : roots).push(node);
  };
  sections.forEach(place);
  model.tables.map((t) => tableNode(model, t)).forEach(place);
  const byLine = (a: OutlineNode, b: OutlineNode) => a.lines.first - b.lines.first;
  const sortTree = (nodes: OutlineNode[]) => {
    nodes.sort(byLine);
    nodes.forEach((n) => sortTree(n.children));
  };
  sortTree(roots);
  return roots;
}

/** Line ranges that fold: every section and table spanning more than one line. */
export function foldingRanges(model: ReportModel): { first: number; last: number; kind: OutlineKind }[] {
  const out: { first: number; last: number; kind: OutlineKind }[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.lines.last > n.lines.first) out.push({ ...n.lines, kind: n.kind });
      walk(n.children);
    }
  };
  walk(outline(model));
  return out;
}
