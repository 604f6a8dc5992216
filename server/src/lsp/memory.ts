// Giving memory back once a big document closes. V8 collects lazily: the text, model, findings and
// diagnostics of a 10 MB report (several hundred MB) stay resident after it closes until allocation
// pressure triggers a full collection, which in an idle editor may not come for a long time. So we ask
// for one on purpose. `global.gc` exists only when node runs with --expose-gc (the VS Code client
// passes it; other editors are told to); without it nothing happens and V8 frees in its own time.

/** Documents from this size on (UTF-8 bytes) are worth a full collection when they close. */
export const BIG_DOCUMENT_BYTES = 1024 * 1024;

let pending = false;

/** After `text` closes: on a later tick (never blocking the close), a full collection if it was big. */
export function releaseClosedDocument(text: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  // A UTF-8 byte is at most one UTF-16 unit: shorter strings cannot reach the threshold, so no byte count.
  if (typeof gc !== 'function' || pending || text.length * 3 < BIG_DOCUMENT_BYTES) return;
  if (Buffer.byteLength(text, 'utf8') < BIG_DOCUMENT_BYTES) return;
  pending = true; // several big documents closing together: one collection
  setTimeout(() => {
    pending = false;
    gc();
  }, 0);
}
