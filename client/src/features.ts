/** What the Node and the web entries share: the client options and every feature module, over a started or starting client. */
import * as vscode from 'vscode';
import { registerTableEditing } from './table-edit';
import { registerTablePaste } from './table-paste';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { registerFormatCommands } from './format';
import { registerPreview } from './preview';
import { registerStatusItem } from './status';
import { registerTableSummary } from './table-summary';
import { registerWorkspaceCheck } from './workspace-check';

/** The configuration files' names, as a glob (the server's lookup: `.release-pages.yaml`, `.yml`, `.json`). */
export const CONFIG_GLOB = '**/.release-pages.{yaml,yml,json}';

/** Options both entries give the client; `schemes`: the documents checked (the web entry adds virtual file systems). */
export function clientOptions(
  output: vscode.LogOutputChannel,
  schemes: readonly string[],
  fileEvents: vscode.FileSystemWatcher,
  initializationOptions: object = {},
): LanguageClientOptions {
  return {
    documentSelector: schemes.map((scheme) => ({ scheme, language: 'markdown' })),
    synchronize: { configurationSection: 'releasePages', fileEvents },
    outputChannel: output,
    traceOutputChannel: output,
    // The server's own messages in the display language: the bundle VS Code loaded for this extension (none for English).
    initializationOptions: { l10nBundle: vscode.l10n.bundle, ...initializationOptions },
  };
}

/** Registers every feature; resolves once the client is running (the status item needs it). */
export async function startFeatures(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  output: vscode.OutputChannel,
): Promise<void> {
  context.subscriptions.push(client);
  registerCommands(context, client, output);
  registerFormatCommands(context, client);
  registerPreview(context, client, output);
  registerWorkspaceCheck(context, client);
  registerTableSummary(context);
  registerTableEditing(context, client);
  registerTablePaste(context, client);
  await client.start();
  registerStatusItem(context, client);
}
