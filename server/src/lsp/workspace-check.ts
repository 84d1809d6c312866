/**
 * Workspace check: the client sends the texts of Markdown files; those not open are checked and their
 * diagnostics published, with progress shown by the editor (server-initiated work-done progress). A file
 * that cannot be a release page is rejected from the cheap scan without being modelled, as the CLI does.
 * The Node server checks the pages on worker threads (`PageChecker`, node/parallel.ts, the path of
 * `check --jobs`); the web server, and any run of a few pages, checks them here one at a time, yielding
 * between pages. Either way the diagnostics are published and counted in the files' order.
 */
import { CheckFilesRequest, type CheckFilesResult, type CheckFilesParams } from '../../../shared/protocol';
import type { CancellationToken, Diagnostic, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { type CheckResult, type Finding, findingCount, mayBeReleasePage, type ResolvedConfig } from '../core';
import { cappedDiagnostics, MAX_DIAGNOSTICS, pageDiagnostics } from './diagnostics';
import { describeError } from './failures';
import type { ServerState } from './state';
import { turn } from './scheduler';

/** A page given to a `PageChecker`: its place in the request, its text and how to check it. */
export interface PageCheckTask {
  index: number;
  text: string;
  config: ResolvedConfig;
  force: boolean;
  exclude: boolean;
  /** At most this many findings come back, the most severe. */
  limit: number;
}

/** What a `PageChecker` answers for one page. */
export interface PageCheckOutcome {
  index: number;
  /** The page's findings (the `limit` most severe when there are more). */
  findings: Finding[];
  total: number;
  isReleasePage: boolean;
  ruleErrors: Array<{ rule: string; message: string }>;
}

/** Checks many pages at once, off this thread (the Node server: worker threads). */
export interface PageChecker {
  /**
   * Checks `tasks`, calling `onOutcome` as each answer comes and stopping when `cancelled()` says so;
   * null when there are too few pages to be worth it (they are checked here instead).
   */
  checkPages(
    tasks: readonly PageCheckTask[],
    options: { onOutcome: (outcome: PageCheckOutcome) => void; cancelled: () => boolean },
  ): Promise<unknown> | null;
}

/** The editor's progress for `total` files (a no-op reporter when the client has none); null when it cannot be made. */
async function startProgress(state: ServerState, total: number): Promise<WorkDoneProgressServerReporter | null> {
  try {
    const progress = await state.connection.window.createWorkDoneProgress();
    progress.begin('Release Pages: checking the workspace', 0, `0 of ${total} files`, false);
    return progress;
  } catch {
    return null;
  }
}

/** Checks one file's text (null when it is not checked: disabled, or not a release page by the cheap scan). */
function checkFile(state: ServerState, uri: string, text: string): CheckResult | null {
  if (!state.settingsFor(uri).enable) return null;
  if (!mayBeReleasePage(text) && !state.configFor(uri).force) return null;
  return state.checkText(uri, text).result;
}

/** One file's verdict: its diagnostics and what the summary counts of it. */
interface FileVerdict {
  diagnostics: Diagnostic[];
  isReleasePage: boolean;
  problems: number;
}

const NOT_CHECKED: FileVerdict = { diagnostics: [], isReleasePage: false, problems: 0 };

/** The verdict of a check made here (null: not checked, or the check failed and was logged). */
function verdictOf(result: CheckResult | null): FileVerdict {
  if (!result) return NOT_CHECKED;
  return { diagnostics: pageDiagnostics(result), isReleasePage: result.isReleasePage, problems: findingCount(result) };
}

/**
 * One run of the request: the files' verdicts, published and counted in the files' order as they become
 * known (a worker may answer for a later file first), and the progress.
 */
class Run {
  readonly out: CheckFilesResult = { checked: 0, skippedOpen: 0, pages: 0, filesWithProblems: 0, problems: 0, cancelled: false };
  /** Per file: undefined while unknown, null for an open file (skipped), else its verdict. */
  private readonly verdicts: Array<FileVerdict | null | undefined>;
  private published = 0;
  private known = 0;
  private shown = 0;

  constructor(
    private readonly state: ServerState,
    private readonly files: CheckFilesParams['files'],
    private readonly progress: WorkDoneProgressServerReporter | null,
  ) {
    this.verdicts = new Array<FileVerdict | null | undefined>(files.length);
  }

  /** Records file `i`'s verdict (null: open in the editor, skipped) and publishes what is now in order. */
  settle(i: number, verdict: FileVerdict | null): void {
    this.verdicts[i] = verdict;
    this.known++;
    const percent = Math.floor((100 * this.known) / this.files.length);
    if (percent > this.shown && this.known < this.files.length) {
      this.shown = percent;
      this.progress?.report(percent, `${this.known} of ${this.files.length} files`);
    }
    for (let v = this.verdicts[this.published]; v !== undefined; v = this.verdicts[this.published]) {
      const f = this.files[this.published];
      this.published++;
      if (v === null) {
        this.out.skippedOpen++;
        continue;
      }
      this.out.checked++;
      if (v.isReleasePage) this.out.pages++;
      if (v.problems > 0) {
        this.out.filesWithProblems++;
        this.out.problems += v.problems;
      }
      void this.state.connection.sendDiagnostics({ uri: f.uri, diagnostics: v.diagnostics });
    }
  }

  /** Checks file `i` here (an open file is skipped); a failure is logged once and the file publishes no diagnostics. */
  checkHere(i: number): void {
    const f = this.files[i];
    if (this.state.documents.get(f.uri)) return this.settle(i, null);
    let result: CheckResult | null = null;
    try {
      result = checkFile(this.state, f.uri, f.text);
    } catch (e) {
      this.state.failures.once(`check\u0000${f.uri}`, () => `checking ${f.uri} failed (logged once): ${describeError(e)}`);
    }
    this.settle(i, verdictOf(result));
  }
}

/** Checks the files one at a time on this thread, letting a cancellation (or an edit) through between files. */
async function checkHere(run: Run, indices: readonly number[], token: CancellationToken): Promise<void> {
  for (const i of indices) {
    if (token.isCancellationRequested) {
      run.out.cancelled = true;
      return;
    }
    run.checkHere(i);
    await turn();
  }
}

/**
 * The files that need a full check, as tasks for `checker` (the others settled at once: open, disabled, or
 * not a release page by the cheap scan); the indices of the tasks.
 */
function tasksFor(state: ServerState, run: Run, files: CheckFilesParams['files']): PageCheckTask[] {
  const tasks: PageCheckTask[] = [];
  files.forEach((f, index) => {
    if (state.documents.get(f.uri)) return run.settle(index, null);
    if (!state.settingsFor(f.uri).enable) return run.settle(index, NOT_CHECKED);
    const { config, force, exclude } = state.configFor(f.uri);
    if (!force && !mayBeReleasePage(f.text)) return run.settle(index, NOT_CHECKED);
    tasks.push({ index, text: f.text, config, force, exclude, limit: MAX_DIAGNOSTICS });
  });
  return tasks;
}

/** Checks the tasks with `checker` (here when it declines: too few pages). A worker's failure is logged and the pages it left are checked here. */
async function checkOffThread(
  state: ServerState,
  run: Run,
  files: CheckFilesParams['files'],
  checker: PageChecker,
  token: CancellationToken,
): Promise<void> {
  const tasks = tasksFor(state, run, files);
  const answered = new Set<number>();
  const running = checker.checkPages(tasks, {
    onOutcome: (o) => {
      answered.add(o.index);
      const uri = files[o.index].uri;
      for (const e of o.ruleErrors)
        state.failures.once(
          `rule\u0000${uri}\u0000${e.rule}`,
          () => `rule ${e.rule} failed on ${uri} (logged once; its other findings are still reported): ${e.message}`,
        );
      run.settle(o.index, { diagnostics: cappedDiagnostics(o.total, o.findings), isReleasePage: o.isReleasePage, problems: o.total });
    },
    cancelled: () => token.isCancellationRequested,
  });
  if (!running) {
    await checkHere(
      run,
      tasks.map((t) => t.index),
      token,
    );
    return;
  }
  try {
    await running;
  } catch (e) {
    state.failures.once(
      'workspace-check-workers',
      () => `the workspace check's worker threads failed (logged once; checking here): ${describeError(e)}`,
    );
    await checkHere(
      run,
      tasks.filter((t) => !answered.has(t.index)).map((t) => t.index),
      token,
    );
  }
  if (token.isCancellationRequested && answered.size < tasks.length) run.out.cancelled = true;
}

/** `checker`: the host's way of checking many pages off this thread (the Node server's worker threads); none in the web server. */
export function registerWorkspaceCheck(state: ServerState, checker?: PageChecker): void {
  state.connection.onRequest(CheckFilesRequest, async ({ files }, token) => {
    const progress = files.length > 0 ? await startProgress(state, files.length) : null;
    const run = new Run(state, files, progress);
    try {
      if (checker) await checkOffThread(state, run, files, checker, token);
      else
        await checkHere(
          run,
          files.map((_, i) => i),
          token,
        );
    } finally {
      progress?.done();
    }
    return run.out;
  });
}
