/**
 * Configuration files for the web server (a web worker reads no disk): found and read here through
 * `vscode.workspace.fs`, so any file system works (vscode.dev, github.dev, code-server), and handed to the
 * server: a snapshot at start and after each change, and the files an `extends` names when the server asks.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CONFIG_FILE_MAX_BYTES, ConfigFilesNotification, ReadConfigFilesRequest, type ConfigFileText } from '../../shared/protocol';
import { CONFIG_GLOB } from './features';

/** At most this many configuration files in a snapshot (a workspace of thousands is not read whole on each change). */
const MAX_FILES = 1000;

export async function readConfigFile(uri: vscode.Uri, key = uri.toString()): Promise<ConfigFileText> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { uri: key, text: null, problem: 'is a folder' };
    if (stat.size > CONFIG_FILE_MAX_BYTES) return { uri: key, text: null, problem: `is larger than 1 MB (${stat.size} bytes): not read` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > CONFIG_FILE_MAX_BYTES) return { uri: key, text: null, problem: 'is larger than 1 MB: not read' };
    return { uri: key, text: new TextDecoder().decode(bytes) };
  } catch (e) {
    return {
      uri: key,
      text: null,
      problem: e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? 'not found' : 'cannot be read',
    };
  }
}

/** Every configuration file of the workspace folders, read. */
export async function configSnapshot(): Promise<ConfigFileText[]> {
  const uris = await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', MAX_FILES);
  return Promise.all(uris.map((u) => readConfigFile(u)));
}

/** Answers the server's reads and sends a new snapshot after each change of a configuration file. */
export function serveConfigFiles(client: BaseLanguageClient, watcher: vscode.FileSystemWatcher): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void configSnapshot().then((files) => client.sendNotification(ConfigFilesNotification, { files }));
    }, 50);
  };
  const listeners = [
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeWorkspaceFolders(changed),
    client.onRequest(ReadConfigFilesRequest, async ({ uris }) => {
      const inWorkspace = (u: vscode.Uri): boolean => vscode.workspace.getWorkspaceFolder(u) !== undefined;
      const files = await Promise.all(
        (Array.isArray(uris) ? uris : []).slice(0, 100).map((s) => {
          const u = vscode.Uri.parse(s);
          return inWorkspace(u) ? readConfigFile(u, s) : Promise.resolve({ uri: s, text: null, problem: 'is outside the workspace' });
        }),
      );
      return { files };
    }),
  ];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const l of listeners) l.dispose();
  });
}
