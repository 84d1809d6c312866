/** The extension's translate function: `vscode.l10n.t` over l10n/bundle.l10n.<language>.json, as a plain `Translate`. */
import * as vscode from 'vscode';
import type { Translate } from '../../shared/l10n';

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
