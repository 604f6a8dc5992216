// A big document's close asks for a full collection on a later tick, once, and only when node exposes gc.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { BIG_DOCUMENT_BYTES, releaseClosedDocument } from '../../server/src/lsp/memory';

const tick = () => new Promise((done) => setTimeout(done, 0));
const withGc = globalThis as { gc?: () => void };
const original = withGc.gc;

afterEach(() => {
  withGc.gc = original;
});

test('a document of 1 MB or more: one collection, after the close has returned, however many close together', async () => {
  let collections = 0;
  withGc.gc = () => collections++;
  const big = '报'.repeat(Math.ceil(BIG_DOCUMENT_BYTES / 3)); // 3 UTF-8 bytes a character
  releaseClosedDocument(big);
  releaseClosedDocument(big);
  assert.equal(collections, 0, 'never during the close');
  await tick();
  assert.equal(collections, 1);
  releaseClosedDocument(big);
  await tick();
  assert.equal(collections, 2, 'a later close collects again');
});

test('a smaller document, or no --expose-gc: nothing', async () => {
  let collections = 0;
  withGc.gc = () => collections++;
  releaseClosedDocument('a'.repeat(BIG_DOCUMENT_BYTES - 1));
  await tick();
  assert.equal(collections, 0, 'under 1 MB in UTF-8');
  withGc.gc = undefined;
  assert.doesNotThrow(() => releaseClosedDocument('a'.repeat(BIG_DOCUMENT_BYTES)));
  await tick();
});
