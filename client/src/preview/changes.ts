/**
 * The preview's "Changes" section and a feature's history strip, on the extension's side: reads the
 * page's revisions (renames followed: `git-history.ts`) and texts through the built-in Git extension's
 * API and asks the language server to compare (the core runs there). The base texts read are kept per
 * page and base until the user picks a base again or the preview reloads.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { FeatureHistoryRequest, PageChangesRequest } from '../../../shared/protocol';
import type { BaseChoice, HostMessage } from '../../../shared/preview-messages';
import type { ChangesSide } from '../../../shared/status';
import { pageRevisions, pathsOf, repositoryOf, type GitCommit, type GitRef, type GitRepository, type Revision } from './git-history';

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

  private async tags(repo: GitRepository): Promise<GitRef[]> {
    const refs = repo.getRefs ? await repo.getRefs({ pattern: 'refs/tags' }) : (repo.state.refs ?? []);
    return refs.filter((r) => r.type === TAG && r.name).slice(0, 30);
  }

  /** The choices of the picker: previous, 7 and 30 days ago, the tags, the page's recent commits. */
  private async choices(repo: GitRepository, revisions: readonly Revision[]): Promise<BaseChoice[]> {
    const out: BaseChoice[] = [
      { id: 'previous', label: t('Previous revision') },
      { id: 'days:7', label: t('{0} days ago', 7) },
      { id: 'days:30', label: t('{0} days ago', 30) },
    ];
    for (const tag of await this.tags(repo)) out.push({ id: `ref:${tag.name ?? ''}`, label: t('Tag {0}', tag.name ?? '') });
    for (const { commit: c } of revisions.slice(0, 20))
      out.push({ id: `ref:${c.hash}`, label: `${c.hash.slice(0, 8)} ${day(c.commitDate) ?? ''} ${subject(c)}` });
    return out;
  }

  private async resolve(doc: vscode.TextDocument, repo: GitRepository, revisions: readonly Revision[], id: string): Promise<Resolved> {
    /** The page at `ref`: under `path` when known, else under each name it has had, newest first. */
    const at = async (ref: string, label: string, date: string | null, path?: string): Promise<Resolved> => {
      for (const p of path ? [path] : pathsOf(revisions, doc.uri.fsPath)) {
        try {
          return { text: await repo.show(ref, p), side: { label, commit: ref, date } };
        } catch {
          // not under this name there: try the next one
        }
      }
      return t('The page does not exist in {0}.', label);
    };
    const atRevision = (r: Revision, label: string): Promise<Resolved> => at(r.commit.hash, label, day(r.commit.commitDate), r.path);
    if (id === 'previous') {
      const newest = revisions.at(0);
      const older = revisions.at(1);
      if (!newest) return t('The page has no committed revision yet.');
      const head = await atRevision(newest, t('previous'));
      const edited = typeof head === 'string' || head.text !== doc.getText();
      if (edited) return head;
      return older ? atRevision(older, t('previous')) : t('The page has only one revision: there is no previous one.');
    }
    if (id.startsWith('days:')) {
      const days = Number(id.slice(5));
      const before = Date.now() - days * DAY_MS;
      const r = revisions.find((x) => (x.commit.commitDate ?? x.commit.authorDate ?? new Date(0)).getTime() <= before);
      return r ? atRevision(r, t('{0} days ago', days)) : t('The page did not exist {0} days ago (or its history is not here).', days);
    }
    if (id.startsWith('ref:')) {
      const ref = id.slice(4);
      const r = revisions.find((x) => x.commit.hash === ref);
      return r ? atRevision(r, ref.slice(0, 8)) : at(ref, ref, null);
    }
    return t('Unknown base {0}.', id);
  }

  /** The 'changes' message for the page and the chosen base. */
  async changes(doc: vscode.TextDocument, selected: string, today: string): Promise<HostMessage> {
    const none = (note: string, bases: BaseChoice[] = []): HostMessage => ({ type: 'changes', bases, selected, changes: null, note });
    try {
      const repo = await repositoryOf(doc);
      if (typeof repo === 'string') return none(repo);
      const revisions = await pageRevisions(repo, doc.uri.fsPath, LOG_ENTRIES);
      const bases = await this.choices(repo, revisions);
      const key = `${doc.uri.toString()}\u0000${selected}`;
      let base = this.bases.get(key);
      if (!base) this.bases.set(key, (base = this.resolve(doc, repo, revisions, selected)));
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
      const repo = await repositoryOf(doc);
      if (typeof repo === 'string') return { type: 'history', history: null, note: repo };
      const versions = [];
      for (const { commit: c, path } of await pageRevisions(repo, doc.uri.fsPath, HISTORY_REVISIONS)) {
        try {
          versions.push({ commit: c.hash, date: day(c.commitDate), text: await repo.show(c.hash, path) });
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
