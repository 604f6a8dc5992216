// Loads Mozilla's pdf.js (legacy build, for Node 20) on first use, with its "worker" running in this
// thread, and undoes the global side effects of loading it that would slow down the rest of the process.
//
// The legacy build carries core-js polyfills. On Node 20 some of them *replace* working built-ins
// process-wide: `Array.prototype.push` (a slow JavaScript loop, forced because of a V8 ≤ 121 corner case
// with non-writable array lengths), `JSON.parse` (JSON.parse source text access) and
// `Function.prototype.toString`. After the import those are put back; what the polyfills *add*
// (`Promise.withResolvers`, `Uint8Array.prototype.toBase64`, Set methods…) stays, pdf.js needs it here.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/** pdf.js, loaded once. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined; // a failed load can be retried
    throw error;
  });
  return loading;
}

/** Built-in objects whose existing methods the polyfills must not replace. */
function builtinTargets(): object[] {
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
  return [
    Array, Array.prototype, ArrayBuffer.prototype, Date.prototype, Error, Function.prototype, JSON, Map,
    Map.prototype, Math, Number, Number.prototype, Object, Object.prototype, Promise, Promise.prototype,
    Reflect, RegExp.prototype, Set.prototype, String, String.prototype, Symbol, typedArrayPrototype,
    Uint8Array, Uint8Array.prototype, WeakMap.prototype, WeakSet.prototype,
  ];
}

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const snap: Snapshot = new Map();
  for (const target of builtinTargets()) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor && typeof descriptor.value === 'function') props.set(key, descriptor);
    }
    snap.set(target, props);
  }
  return snap;
}

/** Puts back every built-in method that was replaced since `snap`; additions are kept. */
function restore(snap: Snapshot): void {
  for (const [target, props] of snap) {
    for (const [key, before] of props) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (now?.value !== before.value) {
        try {
          Object.defineProperty(target, key, before);
        } catch {
          // A frozen or non-configurable property cannot have been replaced either.
        }
      }
    }
  }
}

/**
 * `Uint8Array.prototype.toBase64` as core-js adds it on Node 20 is a slow loop, and pdf.js calls it on
 * every embedded font; called without options it is Buffer's base64, which gives the same string.
 */
function fastToBase64(): void {
  const proto = Uint8Array.prototype as unknown as { toBase64?: (options?: unknown) => string };
  const polyfill = proto.toBase64;
  if (typeof polyfill !== 'function' || typeof Buffer === 'undefined') return;
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function toBase64(this: Uint8Array, options?: unknown): string {
      if (options === undefined && this instanceof Uint8Array) {
        return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
      }
      return polyfill.call(this, options);
    },
  });
}

/**
 * Canvas classes pdf.js's display layer expects in Node. It builds a `new DOMMatrix()` when it loads
 * and otherwise needs them only to render, which is never done here. Unbundled, pdf.js would load
 * them from @napi-rs/canvas; bundled it cannot (and the extension ships no native modules), so plain
 * stand-ins are put up while it loads and taken down afterwards.
 */
const CANVAS_CLASSES = ['DOMMatrix', 'ImageData', 'Path2D'] as const;

/**
 * Globals pdf.js sets while loading that it does not need afterwards in Node: `self` (a core-js
 * polyfill that would make other code believe it runs in a web worker) and two script-tag handles.
 * `navigator`, which pdf.js reads later, and core-js's own `Iterator` and shared state stay.
 */
const LOAD_TIME_GLOBALS = ['self', 'pdfjsLib', '_pdfjsTestingUtils'] as const;

async function load(): Promise<PdfJs> {
  const hadToBase64 = typeof (Uint8Array.prototype as unknown as { toBase64?: unknown }).toBase64 === 'function';
  const before = snapshot();
  const g = globalThis as Record<string, unknown>;
  const standIns = CANVAS_CLASSES.filter((name) => g[name] === undefined);
  const absent = LOAD_TIME_GLOBALS.filter((name) => !(name in g));
  for (const name of standIns) g[name] = class {};
  // pdf.js prints warnings while it loads ("Cannot access the `require` function" when bundled, no
  // canvas): they say nothing to the user and are dropped. Later calls pass `verbosity: 0`.
  const { log, warn } = console;
  const quiet =
    (print: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      if (typeof args[0] === 'string' && /^(Warning|Info): /.test(args[0])) return;
      print.apply(console, args);
    };
  console.log = quiet(log);
  console.warn = quiet(warn);
  let lib: PdfJs;
  try {
    lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // pdf.js looks for an in-thread worker here before it would try to start a real one.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  } finally {
    console.log = log;
    console.warn = warn;
    for (const name of [...standIns, ...absent]) delete g[name];
    restore(before);
  }
  if (!hadToBase64) fastToBase64();
  return lib;
}
