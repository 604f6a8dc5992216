// What the parameters of each method must look like, checked before its handler runs (guard and
// guardNotification in context.ts): a request with malformed params is answered InvalidParams with
// what the method expects — never a JavaScript error text — and a malformed notification is logged
// and ignored before it can touch the document store. A schema says what it expects (`text`, the
// words of the message) and what is wrong with a value (`problem`, named by its path).

export interface Schema {
  /** What is expected, as the message shows it: `{ textDocument: { uri: string } }`. */
  readonly text: string;
  /** A field of an object that may be absent. */
  readonly optional?: boolean;
  /** Undefined when `value` fits; else what does not, by its path (`position.line is "3", not …`). */
  problem(value: unknown, path: string): string | undefined;
}

const LARGEST = 2 ** 31; // LSP integers are 32-bit

/** A value as a message shows it: short, and never an exception (the value came from JSON). */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const named = (path: string) => path || 'params';

/** `path is <value>, not <wanted>`, or `path is missing`. */
function wrong(path: string, value: unknown, wanted: string): string {
  return value === undefined ? `${named(path)} is missing` : `${named(path)} is ${show(value)}, not ${wanted}`;
}

function schema(text: string, problem: (value: unknown, path: string) => string | undefined): Schema {
  return { text, problem };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const string = schema('string', (v, p) => (typeof v === 'string' ? undefined : wrong(p, v, 'a string')));
export const boolean = schema('boolean', (v, p) => (typeof v === 'boolean' ? undefined : wrong(p, v, 'true or false')));
export const integer = schema('integer', (v, p) =>
  Number.isInteger(v) && (v as number) >= -LARGEST && (v as number) < LARGEST ? undefined : wrong(p, v, 'an integer'),
);
export const uinteger = schema('uinteger', (v, p) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < LARGEST ? undefined : wrong(p, v, 'a non-negative integer'),
);
/** Any JSON value, absent included (LSPAny). */
export const anything = schema('any', () => undefined);

/** The same check under another name in messages (`{ line, character }` for a position). */
export function as(text: string, inner: Schema): Schema {
  return { ...inner, text };
}

export function optional(inner: Schema): Schema {
  return { ...inner, optional: true };
}

export function nullable(inner: Schema): Schema {
  return schema(`${inner.text} | null`, (v, p) => (v === null ? undefined : inner.problem(v, p)));
}

export function literal(...values: readonly (string | number)[]): Schema {
  const text = values.map((v) => JSON.stringify(v)).join(' | ');
  return schema(text, (v, p) => (values.includes(v as string | number) ? undefined : wrong(p, v, text)));
}

/** One of several shapes. */
export function oneOf(...options: readonly Schema[]): Schema {
  const text = options.map((o) => o.text).join(' | ');
  return schema(text, (v, p) => (options.some((o) => o.problem(v, p) === undefined) ? undefined : wrong(p, v, text)));
}

/** Shapes told apart by a key: a value with `key` must fit `present`, one without it `absent`. */
export function byKey(key: string, present: Schema, absent: Schema): Schema {
  return schema(`${present.text} | ${absent.text}`, (v, p) => (isObject(v) && v[key] !== undefined ? present : absent).problem(v, p));
}

export function object(fields: Record<string, Schema>): Schema {
  const entries = Object.entries(fields).map(([key, field]) => `${key}${field.optional ? '?' : ''}: ${field.text}`);
  const text = entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  return schema(text, (v, p) => {
    if (!isObject(v)) return wrong(p, v, 'an object');
    for (const [key, field] of Object.entries(fields)) {
      const value = v[key];
      if (value === undefined && field.optional) continue;
      const problem = field.problem(value, p ? `${p}.${key}` : key);
      if (problem !== undefined) return problem;
    }
    return undefined;
  });
}

export function array(item: Schema): Schema {
  return schema(`${item.text.includes(' ') ? `(${item.text})` : item.text}[]`, (v, p) => {
    if (!Array.isArray(v)) return wrong(p, v, 'an array');
    for (let i = 0; i < v.length; i++) {
      const problem = item.problem(v[i], `${named(p)}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  });
}

/** Positional arguments, each named in the message: `[uri: string, position: { line, character }]`. */
export function tuple(items: readonly (readonly [string, Schema])[]): Schema {
  const text = `[${items.map(([name, item]) => `${name}${item.optional ? '?' : ''}: ${item.text}`).join(', ')}]`;
  return schema(text, (v, p) => {
    if (!Array.isArray(v)) return wrong(p, v, 'an array');
    for (let i = 0; i < items.length; i++) {
      const item = items[i][1];
      if (v[i] === undefined && item.optional) continue;
      const problem = item.problem(v[i], `${named(p)}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  });
}

/** A value `test` accepts, shown as `text` and described as `wanted` when it is not. */
export function accepts(text: string, wanted: string, test: (value: unknown) => boolean): Schema {
  return schema(text, (v, p) => (test(v) ? undefined : wrong(p, v, wanted)));
}

/** A further condition once the shape fits (a range's start not after its end). */
export function refine(inner: Schema, condition: (value: any, path: string) => string | undefined): Schema {
  return { ...inner, problem: (v, p) => inner.problem(v, p) ?? condition(v, p) };
}

// ── the pieces of LSP parameters ────────────────────────────────────────────

export const position = as('{ line, character }', object({ line: uinteger, character: uinteger }));

interface Pos {
  line: number;
  character: number;
}
const after = (a: Pos, b: Pos) => a.line > b.line || (a.line === b.line && a.character > b.character);

export const range = as(
  '{ start, end }',
  refine(object({ start: position, end: position }), (r: { start: Pos; end: Pos }, p) =>
    after(r.start, r.end) ? `${named(p)}.start is after ${named(p)}.end` : undefined,
  ),
);

export const textDocument = object({ uri: string });
export const uri = string;

/** `{}`, null or nothing (vscode-jsonrpc sends null for a request without params). */
export const NO_PARAMS = as('{}', optional(nullable(object({}))));

/** `{ textDocument: { uri: string } }`, with more fields. */
export function onDocument(fields: Record<string, Schema> = {}): Schema {
  return object({ textDocument, ...fields });
}

/** The message of a refusal: `gkreport: textDocument/hover expects { … } (position.line is "3", not …)`. */
export function expectsMessage(method: string, expects: Schema, problem: string): string {
  return `gkreport: ${method} expects ${expects.text} (${problem})`;
}
