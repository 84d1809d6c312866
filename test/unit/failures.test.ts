// Failures are contained: a rule that throws does not silence the other rules and is logged once per
// page and rule; a check that fails outright keeps the server serving; unhandled rejections are logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, type Rule, RULES_BY_ID } from '../../server/src/core';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnostics';
import { FailureLog, logProcessFailures } from '../../server/src/lsp/failures';
import { ServerState } from '../../server/src/lsp/state';
import { NodeConfigSource } from '../../server/src/node-server/config-source';
import { readFixture } from '../helpers/paths';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

/** Makes one rule throw for the duration of `body`. */
function withBrokenRule<T>(id: string, body: () => T): T {
  const restore = breakRule(id);
  try {
    return body();
  } finally {
    restore();
  }
}

/** withBrokenRule for a body that awaits (the rule stays broken until it has finished). */
async function withBrokenRuleAsync<T>(id: string, body: () => Promise<T>): Promise<T> {
  const restore = breakRule(id);
  try {
    return await body();
  } finally {
    restore();
  }
}

function breakRule(id: string): () => void {
  const rule = RULES_BY_ID.get(id) as Rule;
  const original = rule.check;
  rule.check = () => {
    throw new Error(`${id} is broken`);
  };
  return () => {
    rule.check = original;
  };
}

/** A big feature table (checked in slices) with status-case findings in many rows. */
function bigPage(rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, i) => `| Virt | Feature ${i} | Must | o | ${i % 2 ? 'red' : 'Green'} | 2030-05-01 | x |`,
  ).join('\n');
  return `---\ntitle: oVirt 9.9 Release Management\ncategory: release\n---\n\n# oVirt 9.9 Release Management\n\n## Features Status Table\n\n| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |\n|---|---|---|---|---|---|---|\n${body}\n\n*   General availability: **2030-02-30**\n`;
}

test('a rule that throws: the other rules still report, and the failure is reported once per check (also across table slices)', () => {
  const text = bigPage(400);
  const healthy = new Engine().check(text).findings;
  assert.ok(healthy.some((f) => f.rule === 'status-case') && healthy.some((f) => f.rule === 'date-invalid'));
  const calls: string[] = [];
  const broken = withBrokenRule('status-case', () => new Engine().check(text, { onRuleError: (rule) => calls.push(rule) }).findings);
  assert.deepEqual(calls, ['status-case']);
  assert.deepEqual(
    broken,
    healthy.filter((f) => f.rule !== 'status-case'),
  );
});

interface Logged {
  errors: string[];
  published: number;
}

function fakeServer(): {
  state: ServerState;
  documents: TextDocuments<TextDocument>;
  logged: Logged;
  open: (uri: string, text: string, version?: number) => TextDocument;
} {
  const logged: Logged = { errors: [], published: 0 };
  const fake = {
    console: { error: (m: string) => logged.errors.push(m), warn: () => undefined, info: () => undefined, log: () => undefined },
    sendDiagnostics: () => {
      logged.published++;
      return Promise.resolve();
    },
    sendNotification: () => Promise.resolve(undefined),
  };
  const documents = new TextDocuments(TextDocument);
  const docs = new Map<string, TextDocument>();
  // TextDocuments only learns documents from a connection: serve them from a map instead.
  documents.get = (uri: string) => docs.get(uri);
  const state = new ServerState(fake as unknown as Connection, documents, new NodeConfigSource());
  const open = (uri: string, text: string, version = 1): TextDocument => {
    const doc = TextDocument.create(uri, 'markdown', version, text);
    docs.set(uri, doc);
    return doc;
  };
  return { state, documents, logged, open };
}

test('the server logs a failing rule once per page and rule, however often the page is checked', async () => {
  const { state, logged, open } = fakeServer();
  await withBrokenRuleAsync('status-case', async () => {
    for (let v = 1; v <= 5; v++) {
      const r = (await state.analyse(open('untitled:a', `${SEED0}\n<!-- edit ${v} -->\n`, v)))!.result;
      assert.ok(
        r.findings.some((f) => f.rule === 'date-invalid' || f.rule === 'priority-case'),
        'the other rules still report',
      );
    }
    await state.analyse(open('untitled:b', SEED0));
    await state.analyse(open('untitled:b', `${SEED0}\n`, 2));
  });
  assert.equal(logged.errors.length, 2, logged.errors.join('\n---\n'));
  assert.match(logged.errors[0], /rule status-case failed on untitled:a .*status-case is broken/s);
  assert.match(logged.errors[1], /rule status-case failed on untitled:b/);
});

test('a check that throws outright: validate keeps serving (no exception), logs once per page, and the next good check publishes', async () => {
  const { state, logged, open } = fakeServer();
  const publisher = new DiagnosticsPublisher(state);
  const original = Engine.prototype.checkSteps;
  // eslint-disable-next-line require-yield
  Engine.prototype.checkSteps = function* () {
    throw new Error('engine exploded');
  };
  try {
    for (let v = 1; v <= 3; v++) await publisher.validate(open('untitled:c', `${SEED0}${' '.repeat(v)}`, v));
  } finally {
    Engine.prototype.checkSteps = original;
  }
  assert.equal(logged.errors.length, 1);
  assert.match(logged.errors[0], /checking untitled:c failed .*engine exploded/s);
  assert.equal(logged.published, 0, 'the page keeps its last diagnostics');
  await publisher.validate(open('untitled:c', SEED0, 4));
  assert.equal(logged.published, 1);
});

test('unhandled rejections and uncaught exceptions are logged, and a failing logger does not loop', () => {
  const events = new EventEmitter();
  const lines: string[] = [];
  logProcessFailures(events, (m) => lines.push(m));
  events.emit('unhandledRejection', new Error('nobody awaited me'));
  events.emit('uncaughtException', new TypeError('oops'));
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^unhandled promise rejection: Error: nobody awaited me/);
  assert.match(lines[1], /^uncaught exception: TypeError: oops/);
  const quiet = new EventEmitter();
  let calls = 0;
  logProcessFailures(quiet, () => {
    calls++;
    quiet.emit('unhandledRejection', new Error('while logging'));
    throw new Error('the connection is gone');
  });
  quiet.emit('unhandledRejection', 'first');
  assert.equal(calls, 1);
  const once = new FailureLog((m) => lines.push(m));
  assert.equal(
    once.once('k', () => 'a'),
    true,
  );
  assert.equal(
    once.once('k', () => 'b'),
    false,
  );
});
