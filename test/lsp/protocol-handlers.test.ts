// Every request that shared/protocol.ts types for the client to send has a handler in the built Node server
// (a handler lost in a merge answers "method not found", which no feature test of another request sees).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes, NotificationType, RequestType, RequestType0, ResponseError } from 'vscode-languageserver-protocol';
import * as protocol from '../../shared/protocol';
import { startServer } from '../helpers/lsp-client';

/** Requests the server sends to the client (the client handles them). */
const SERVER_TO_CLIENT = new Set<string>([protocol.ReadConfigFilesRequest.method]);

const requests: string[] = [];
for (const v of Object.values(protocol)) {
  if ((v instanceof RequestType || v instanceof RequestType0) && !SERVER_TO_CLIENT.has(v.method)) requests.push(v.method);
}

test('the protocol module types requests and notifications (the list below is not empty by accident)', () => {
  assert.ok(requests.length >= 8, requests.join(', '));
  assert.ok(Object.values(protocol).some((v) => v instanceof NotificationType));
});

test('every client-to-server request of shared/protocol.ts has a handler in the server', async () => {
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const missing: string[] = [];
    for (const method of requests) {
      // Parameters naming a document the server has never seen: a handler answers (null, an empty result or
      // its own error); only a missing handler answers MethodNotFound.
      const params = { uri: 'untitled:never-opened', files: [], position: { line: 0, character: 0 }, op: 'nextCell', version: 1 };
      try {
        await s.connection.sendRequest(method, params);
      } catch (e) {
        if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) missing.push(method);
      }
    }
    assert.deepEqual(missing, [], `requests without a handler: ${missing.join(', ')}`);
  } finally {
    await s.stop();
  }
});
