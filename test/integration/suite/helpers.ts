// Event-driven waits on the real VS Code API, shared by the integration suites.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'release-pages.release-pages';
export const SOURCE = 'release-pages';

export function releasePagesDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${diagnosticCode(d)} [${d.source}] ${d.message}`)
    .join('\n');
}

/**
 * Resolves with the release-pages diagnostics of `uri` once `accept` returns true for them: checked
 * now (unless `onlyAfterChange`), then on every onDidChangeDiagnostics event for `uri`, until `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  options: { timeoutMs?: number; onlyAfterChange?: boolean; what?: string } = {},
): Promise<vscode.Diagnostic[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = releasePagesDiagnostics(uri);
      if (!accept(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${options.what ?? 'diagnostics'} on ${uri.toString()}; current:\n${describeDiagnostics(releasePagesDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      listener.dispose();
    };
    if (!options.onlyAfterChange) check();
  });
}

/** The workspace folder the launcher opened (a temp copy of the seed pages). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the launcher must open the temp workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves when `condition` holds: checked now and on each event of `event`, until `timeoutMs`. */
export function waitForEvent<T>(event: vscode.Event<T>, condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) {
      resolve();
      return;
    }
    const listener = event(() => {
      if (!condition()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}
