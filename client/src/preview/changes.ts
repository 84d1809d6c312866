/**
 * The preview's "Changes" section and a feature's history strip, on the extension's side: reads the
 * page's revisions through the built-in Git extension's API (`vscode.git`, `getAPI(1)`: `log` with the
 * page's path, `show`, the repository's tags) and asks the language server to compare (the core runs
 * there). The base texts read are kept per page and base until the user picks a base again or the
 * preview reloads.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FeatureHistoryRequest, PageChangesRequest } from '../../../shared/protocol';
import type { BaseChoice, HostMessage } from '../../../shared/preview-messages';
import type { ChangesSide } from '../../../shared/status';

/** The parts of the Git extension's API this module reads (its API version 1). */
interface GitCommit {
  hash: string;
  message: string;
  commitDate?: Date;
  authorDate?: Date;
}
interface GitRef {
  type: number;
  name?: string;
  commit?: string;
}
interface GitRepository {
  state: { refs?: GitRef[] };
  getRefs?(query: { pattern?: string; count?: number }): Promise<GitRef[]>;
  log(options: { maxEntries?: number; path?: string }): Promise<GitCommit[]>;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** The Git extension's `RefType.Tag`. */
const TAG = 2;
const LOG_ENTRIES = 500;
const HISTORY_REVISIONS = 60;
const DAY_MS = 86_400_000;

type Resolved = { text: string; side: ChangesSide } | string;

function day(d: Date | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

function subject(c: GitCommit): string {
  const first = c.message.split('\n')[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

export class ChangesSource {
  private readonly bases = new Map<string, Promise<Resolved>>();

  constructor(
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Forget the base texts read (a base picked again, the preview reloaded). */
  clear(): void {
    this.bases.clear();
  }

  private async repository(doc: vscode.TextDocument): Promise<GitRepository | string> {
    if (doc.uri.scheme !== 'file') return t('The page is not a file on disk: it has no Git history.');
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return t('The built-in Git extension is not available: no history to compare.');
    const exports = ext.isActive ? ext.exports : await ext.activate();
    const repo = exports.getAPI(1).getRepository(doc.uri);
    return repo ?? t('The page is not inside a Git repository: it has no history to compare.');
  }

  private async tags(repo: GitRepository): Promise<GitRef[]> {
    const refs = repo.getRefs ? await repo.getRefs({ pattern: 'refs/tags' }) : (repo.state.refs ?? []);
    return refs.filter((r) => r.type === TAG && r.name).slice(0, 30);
  }

  /** The choices of the picker: previous, 7 days ago, the tags, the page's recent commits. */
  private async choices(repo: GitRepository, log: readonly GitCommit[]): Promise<BaseChoice[]> {
    const out: BaseChoice[] = [
      { id: 'previous', label: t('Previous revision') },
      { id: 'days:7', label: t('{0} days ago', 7) },
      { id: 'days:30', label: t('{0} days ago', 30) },
    ];
    for (const tag of await this.tags(repo)) out.push({ id: `ref:${tag.name ?? ''}`, label: t('Tag {0}', tag.name ?? '') });
    for (const c of log.slice(0, 20))
      out.push({ id: `ref:${c.hash}`, label: `${c.hash.slice(0, 8)} ${day(c.commitDate) ?? ''} ${subject(c)}` });
    return out;
  }

  private async resolve(doc: vscode.TextDocument, repo: GitRepository, log: readonly GitCommit[], id: string): Promise<Resolved> {
    const path = doc.uri.fsPath;
    const at = async (ref: string, label: string, date: string | null): Promise<Resolved> => {
      try {
        return { text: await repo.show(ref, path), side: { label, commit: ref, date } };
      } catch {
        return t('The page does not exist in {0}.', label);
      }
    };
    if (id === 'previous') {
      if (!log.length) return t('The page has no committed revision yet.');
      const head = await at(log[0].hash, t('previous'), day(log[0].commitDate));
      const changed = typeof head === 'string' || head.text !== doc.getText();
      const c = changed ? log[0] : log.at(1);
      return c ? at(c.hash, t('previous'), day(c.commitDate)) : t('The page has only one revision: there is no previous one.');
    }
    if (id.startsWith('days:')) {
      const days = Number(id.slice(5));
      const before = Date.now() - days * DAY_MS;
      const c = log.find((x) => (x.commitDate ?? x.authorDate ?? new Date(0)).getTime() <= before);
      return c
        ? at(c.hash, t('{0} days ago', days), day(c.commitDate))
        : t('The page did not exist {0} days ago (or its history is not here).', days);
    }
    if (id.startsWith('ref:')) {
      const ref = id.slice(4);
      const c = log.find((x) => x.hash === ref);
      return at(ref, c ? ref.slice(0, 8) : ref, day(c?.commitDate));
    }
    return t('Unknown base {0}.', id);
  }

  /** The 'changes' message for the page and the chosen base. */
  async changes(doc: vscode.TextDocument, selected: string, today: string): Promise<HostMessage> {
    const none = (note: string, bases: BaseChoice[] = []): HostMessage => ({ type: 'changes', bases, selected, changes: null, note });
    try {
      const repo = await this.repository(doc);
      if (typeof repo === 'string') return none(repo);
      const log = await repo.log({ path: doc.uri.fsPath, maxEntries: LOG_ENTRIES });
      const bases = await this.choices(repo, log);
      const key = `${doc.uri.toString()}\u0000${selected}`;
      let base = this.bases.get(key);
      if (!base) this.bases.set(key, (base = this.resolve(doc, repo, log, selected)));
      const resolved = await base;
      if (typeof resolved === 'string') return none(resolved, bases);
      const result = await this.client.sendRequest(PageChangesRequest, {
        uri: doc.uri.toString(),
        today,
        baseText: resolved.text,
        base: resolved.side,
      });
      return {
        type: 'changes',
        bases,
        selected,
        changes: result?.changes ?? null,
        note: result ? '' : t('The page is not open in the language server yet.'),
      };
    } catch (e) {
      this.output.appendLine(`status preview: changes: ${e instanceof Error ? e.message : String(e)}`);
      return none(t('The page history could not be read (see the Release Pages output).'));
    }
  }

  /** The 'history' message: one feature's status over the page's last revisions. */
  async history(doc: vscode.TextDocument, name: string, today: string): Promise<HostMessage> {
    try {
      const repo = await this.repository(doc);
      if (typeof repo === 'string') return { type: 'history', history: null, note: repo };
      const log = await repo.log({ path: doc.uri.fsPath, maxEntries: HISTORY_REVISIONS });
      const versions = [];
      for (const c of log) {
        try {
          versions.push({ commit: c.hash, date: day(c.commitDate), text: await repo.show(c.hash, doc.uri.fsPath) });
        } catch {
          break; // the page did not exist there (under this name): the history ends
        }
      }
      const history = await this.client.sendRequest(FeatureHistoryRequest, { uri: doc.uri.toString(), today, name, versions });
      return { type: 'history', history, note: history ? '' : t('The page is not open in the language server yet.') };
    } catch (e) {
      this.output.appendLine(`status preview: history: ${e instanceof Error ? e.message : String(e)}`);
      return { type: 'history', history: null, note: t('The page history could not be read (see the Release Pages output).') };
    }
  }
}
