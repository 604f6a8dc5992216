// pdfjs-dist ships no type declarations for its worker module; only its presence matters here (it is
// handed to pdf.js as `globalThis.pdfjsWorker`, so the "worker" runs in this thread).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
