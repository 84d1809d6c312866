/// <reference types="mocha" />
// The editor features on seed page 000, inside a real VS Code: problems on opening, the light bulb's
// quick fixes, hovers, completion, the outline and the features-table code lens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, releasePagesDiagnostics, waitForDiagnostics, waitForEvent, workspaceFile } from './helpers';

const SEED_000 = '000_015c11820e0fe26e.md';
const SEED_001 = '001_dc88aac92be68e04.md';

async function copyOfSeed(name: string): Promise<vscode.TextDocument> {
  const target = workspaceFile(name);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceFile(SEED_000)));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  return doc;
}

function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, lineMarker = needle): vscode.Position {
  for (let l = 0; l < doc.lineCount; l++) {
    const text = doc.lineAt(l).text;
    if (text.includes(lineMarker)) return new vscode.Position(l, text.indexOf(needle) + offset);
  }
  throw new Error(`${needle} not found`);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('Release Pages: editing seed page 000', () => {
  let doc: vscode.TextDocument;
  let openMs = 0;

  suiteSetup(async () => {
    // The extension and its server are up (as in a running VS Code): another release page has been checked.
    const warm = await vscode.workspace.openTextDocument(workspaceFile(SEED_001));
    await vscode.window.showTextDocument(warm);
    await waitForDiagnostics(warm.uri, (ds) => ds.length > 0, { what: 'the server to be up' });
    // …and VS Code's own Markdown support has started (it answers the outline of that page too).
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', warm.uri);
    // Timed from the moment the page is opened until its problems are in the editor (shown while it renders).
    const started = Date.now();
    const shown = waitForDiagnostics(workspaceFile(SEED_000), (ds) => ds.some((d) => diagnosticCode(d) === 'date-invalid'), {
      what: "the seed page's problems",
    }).then(() => (openMs = Date.now() - started));
    doc = await vscode.workspace.openTextDocument(workspaceFile(SEED_000));
    await vscode.window.showTextDocument(doc);
    await shown;
  });

  // The time is printed, not asserted: speed targets live in `npm run bench` (its LSP open → publishDiagnostics),
  // where the machine's load is stated; a timed assertion here only measures how busy the machine is.
  test('problems appear inline when the page is opened', () => {
    console.log(`[release-pages-test] seed 000: problems shown ${openMs} ms after opening`);
    const ds = releasePagesDiagnostics(doc.uri);
    const invalid = ds.find((d) => diagnosticCode(d) === 'date-invalid');
    assert.ok(invalid);
    assert.equal(doc.getText(invalid.range), '31/06/2013');
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String(typeof invalid.code === 'object' ? invalid.code.target : ''), /docs\/rules\/date-invalid\.md$/);
    assert.ok(ds.length > 50, describeDiagnostics(ds));
  });

  test('hover on a date: ISO form, weekday, distance to GA and today', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, '2013-06-14', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*2013-06-14\*\* · Friday/);
    assert.match(text, /17 days \(2\.4 weeks\) before GA \(2013-07-01 \(Monday\)\)/);
    assert.match(text, /\d+ days ago/);
  });

  test('hover on a status value and on a priority value explains them from the page legend', async () => {
    const status = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        positionOf(doc, 'Orange - In progress, ,', 2),
      ),
    );
    assert.match(status, /Status: Orange\*\* — Feature is in code base but not completed yet\./);
    const priority = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        positionOf(doc, 'Must ', 1, '[Migration Network]'),
      ),
    );
    assert.match(priority, /Priority: Must\*\* — feature absense will delay the release/);
  });

  test('completion offers the statuses in the Status column and the priorities in the priority column', async () => {
    const statuses = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      positionOf(doc, 'Orange - In progress, ,', 2),
    );
    const mine = statuses.items.map(label).filter((l) => ['Green', 'Orange', 'Red', 'Must'].includes(l));
    assert.deepEqual(mine.sort(), ['Green', 'Orange', 'Red']);
    const priorities = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      positionOf(doc, 'must ', 2, 'Device Custom Properties'),
    );
    assert.ok(
      ['Must', 'Should', 'Optional'].every((p) => priorities.items.some((i) => label(i) === p)),
      priorities.items.map(label).join(', '),
    );
  });

  test('the outline: timeline milestones with dates, features by team, criteria', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const timeline = symbols.find((s) => s.name === 'Timeline' && s.children.some((c) => c.name === 'General availability'));
    assert.ok(timeline, symbols.map((s) => s.name).join(', '));
    assert.deepEqual(timeline.children.map((m) => `${m.name} ${m.detail}`).slice(0, 3), [
      'General availability 2013-07-01',
      'Beta release 2013-05-31',
      'Feature freeze 2013-05-31',
    ]);
    assert.equal(timeline.children[0].selectionRange.start.line, 21);
    const features = symbols.find((s) => s.name === 'Features Status Table' && s.children.length > 0);
    assert.ok(features);
    assert.deepEqual(features.children.map((t) => t.name).slice(0, 3), ['Virt', 'Infra', 'Networking']);
    assert.equal(features.children[0].children[0].detail, 'Orange');
    assert.ok(symbols.some((s) => s.name === 'Release criteria' && s.children.length === 28));
  });

  test('code lens above the features table; clicking it opens the preview or reveals the first problem', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const lens = lenses.find((l) => l.command?.title.includes('Must not Green'));
    assert.ok(lens?.command, lenses.map((l) => l.command?.title).join(' | '));
    assert.equal(lens.range.start.line, 84);
    assert.equal(lens.command.title, '36 features: 6 Green · 16 Orange · 12 Red · 2 not set — 11 Must not Green');
    const hasPreview = (await vscode.commands.getCommands(true)).includes('releasePages.openPreviewToSide');
    const outcome = await vscode.commands.executeCommand<string>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(outcome, hasPreview ? 'preview' : 'revealed');
    if (!hasPreview) {
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
      assert.equal(vscode.window.activeTextEditor.selection.start.line, 86, 'the first problem in the table');
    }
  });
});

suite('Release Pages: the light bulb', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await copyOfSeed('quick-fix-page.md');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => diagnosticCode(d) === 'status-case'), { what: 'status-case problems' });
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(doc.uri);
  });

  test('the preferred quick fix changes only the targeted text and its problem goes away', async () => {
    const target = releasePagesDiagnostics(doc.uri).find((d) => diagnosticCode(d) === 'status-case');
    assert.ok(target);
    const before = doc.getText();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range);
    const fix = actions.find((a) => a.title === 'Write "Red"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const start = doc.offsetAt(target.range.start);
    const after = doc.getText();
    assert.equal(after.slice(0, start) + after.slice(start + 3), before.slice(0, start) + before.slice(start + 3));
    assert.equal(after.slice(start, start + 3), 'Red');
    await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => diagnosticCode(d) === 'status-case' && d.range.start.line === target.range.start.line),
      { what: 'the fixed problem to go' },
    );
  });

  test('"Fix all <rule> problems in this file" and "Disable <rule> for this line"', async () => {
    const link = releasePagesDiagnostics(doc.uri).find((d) => diagnosticCode(d) === 'date-format');
    assert.ok(link);
    // Fix-all edits are made when the action is resolved (as when it is picked): ask VS Code to resolve them.
    const unresolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, link.range);
    assert.equal(unresolved.find((a) => a.title === 'Fix all date-format problems in this file')?.edit, undefined);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      link.range,
      undefined,
      100,
    );
    const all = actions.find((a) => a.title === 'Fix all date-format problems in this file');
    assert.ok(all?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => diagnosticCode(d) === 'date-format'), {
      what: 'every date-format problem to go',
    });
    const invalid = releasePagesDiagnostics(doc.uri).find((d) => diagnosticCode(d) === 'date-invalid');
    assert.ok(invalid);
    const disable = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, invalid.range)
    ).find((a) => a.title === 'Disable date-invalid for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(doc.lineAt(invalid.range.start.line).text, /<!-- release-pages-disable-line date-invalid --> \|\s*$/);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => diagnosticCode(d) === 'date-invalid'), {
      what: 'the disabled problem to go',
    });
  });

  test('completion of rule ids in a disable comment, in an untitled page', async () => {
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(SEED_000)));
    const untitled = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `${seed}\n<!-- release-pages-disable-next-line `,
    });
    await vscode.window.showTextDocument(untitled);
    await waitForDiagnostics(untitled.uri, (ds) => ds.length > 0, { what: 'the untitled page to be checked' });
    const end = untitled.lineAt(untitled.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', untitled.uri, end);
    assert.ok(
      list.items.some((i) => label(i) === 'date-format'),
      list.items.map(label).slice(0, 30).join(', '),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForEvent(
      vscode.window.onDidChangeActiveTextEditor,
      () => vscode.window.activeTextEditor?.document.uri.toString() !== untitled.uri.toString(),
      'the untitled page to close',
    );
  });
});
