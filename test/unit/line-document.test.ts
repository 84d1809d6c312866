/** The server's line-based documents hold the text the LSP library's TextDocument holds and answer as it does. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/lsp/line-document';
import { budget, params } from '../helpers/fuzz';

const piece = fc.constantFrom('a', 'b', '|', ' ', '\n', '\r', '\r\n', 'é', '😀');
const text = fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(''));
const pos = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 8 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

test('LineDocument equals TextDocument after random incremental and full changes', () => {
  fc.assert(
    fc.property(
      text,
      fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
      fc.array(pos, { maxLength: 6 }),
      fc.array(fc.integer({ min: -2, max: 40 }), { maxLength: 6 }),
      (start, batches, positions, offsets) => {
        let want = TextDocument.create('untitled:x', 'markdown', 1, start);
        let got = LineDocument.create('untitled:x', 'markdown', 1, start);
        let version = 1;
        for (const changes of batches) {
          // The library reads an inverted range as its reverse; so does applyChanges. Its own line offsets go
          // wrong after some edits next to a lone CR (it counts "\r" inserted into "" as 3 lines) and then
          // misplace the next change of the same notification, so the reference applies each change to a
          // document made afresh from the text so far.
          version++;
          for (const c of changes)
            want = TextDocument.update(TextDocument.create('untitled:x', 'markdown', version, want.getText()), [c], version);
          want = TextDocument.create('untitled:x', 'markdown', version, want.getText());
          got = LineDocument.update(got, changes, version);
          assert.equal(got.getText(), want.getText());
          assert.equal(got.lineCount, want.lineCount);
          assert.equal(got.version, want.version);
        }
        for (const p of positions) {
          assert.equal(got.offsetAt(p), want.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
          assert.deepEqual(got.getLineRange(p.line), want.getLineRange(p.line), `getLineRange ${p.line}`);
          assert.equal(got.getEOLCharacters(p.line), want.getEOLCharacters(p.line), `getEOLCharacters ${p.line}`);
        }
        for (const o of offsets) assert.deepEqual(got.positionAt(o), want.positionAt(o), `positionAt ${o}`);
        if (positions.length >= 2) {
          const range = { start: positions[0], end: positions[1] };
          assert.equal(got.getText(range), want.getText(range));
        }
      },
    ),
    params(budget(1_000, 50_000)),
  );
});
