/**
 * The checks of open documents: one Engine per document, fed the document's lines (shared, never the
 * whole text again after the first time), run a slice at a time so requests are answered meanwhile, and
 * dropped when a newer version arrives.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckResult, Engine, type ResolvedConfig, type SourceLine } from '../core';
import { LineDocument } from './line-document';
import { runSteps } from './scheduler';

export interface Analysed {
  version: number;
  result: CheckResult;
  config: ResolvedConfig;
}

/** What a check needs besides the text: the page's configuration and how to report a failing rule. */
export type CheckSetup = (uri: string) => {
  config: ResolvedConfig;
  force: boolean;
  exclude: boolean;
  onRuleError: (rule: string, e: unknown) => void;
};

interface Running {
  version: number;
  promise: Promise<Analysed | null>;
  cancel(): void;
}

class DocumentChecks {
  readonly engine = new Engine();
  /** Version of the input the engine was last given (null: none yet). */
  givenVersion: number | null = null;
  latest: Analysed | null = null;
  running: Running | null = null;
}

export class Checks {
  private readonly docs = new Map<string, DocumentChecks>();

  constructor(private readonly setup: CheckSetup) {}

  private entry(uri: string): DocumentChecks {
    let e = this.docs.get(uri);
    if (!e) this.docs.set(uri, (e = new DocumentChecks()));
    return e;
  }

  /**
   * Gives the engine the document's current version: the document's own lines (the engine finds what
   * changed by comparing line objects), or its text the first time (split by the check's steps; the
   * document then takes the engine's lines, so both share them from then on).
   */
  private feed(e: DocumentChecks, doc: TextDocument): void {
    if (e.givenVersion === doc.version) return;
    e.running?.cancel();
    if (doc instanceof LineDocument && doc.hasLines) e.engine.setLines(doc.lines);
    else e.engine.update(doc.getText());
    e.givenVersion = doc.version;
  }

  /** A line of the text the document's engine was last given, when at hand (the same object while unchanged). */
  line(uri: string, line: number): SourceLine | null {
    return this.docs.get(uri)?.engine.line(line) ?? null;
  }

  /** The latest finished check of the document, whatever its version. */
  latest(uri: string): Analysed | null {
    return this.docs.get(uri)?.latest ?? null;
  }

  /** The check of this version of the document (run a slice at a time); null when a newer version dropped it. */
  analyse(doc: TextDocument): Promise<Analysed | null> {
    const e = this.entry(doc.uri);
    if (e.latest?.version === doc.version) return Promise.resolve(e.latest);
    if (e.running?.version === doc.version) return e.running.promise;
    this.feed(e, doc);
    const { config, force, exclude, onRuleError } = this.setup(doc.uri);
    const steps = e.engine.checkSteps({ config, force, exclude, onRuleError });
    let cancelled = false;
    const version = doc.version;
    const running: Running = {
      version,
      // Closed at once (its `finally` blocks run now), so it never touches the engine again.
      cancel: () => {
        cancelled = true;
        steps.return(undefined as never);
        // A cancelled check is no longer under way: the next analyse() starts a new one.
        if (e.running === running) e.running = null;
      },
      promise: runSteps(steps, () => cancelled).then(
        (result) => {
          if (e.running === running) e.running = null;
          if (!result || cancelled) return null;
          if (doc instanceof LineDocument) doc.adoptLines(result.page.lines);
          const analysed = { version, result, config };
          if (!e.latest || e.latest.version <= version) e.latest = analysed;
          return analysed;
        },
        (error: unknown) => {
          if (e.running === running) e.running = null;
          throw error;
        },
      ),
    };
    e.running = running;
    return running.promise;
  }

  forget(uri: string): void {
    this.docs.get(uri)?.running?.cancel();
    this.docs.delete(uri);
  }

  /** Settings or configuration changed: every page is checked again (the engines keep their caches). */
  invalidate(): void {
    for (const e of this.docs.values()) {
      e.running?.cancel();
      e.latest = null;
    }
  }
}
