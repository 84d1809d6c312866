/** What the language status item says (pure: no `vscode`, unit-tested). */
import type { PageSummary } from '../../shared/protocol';

export type ServerStatus = 'starting' | 'running' | 'stopped';

export interface StatusText {
  text: string;
  detail: string;
  level: 'information' | 'warning' | 'error';
  /** Whether the item's command should open the Problems panel (else the output channel). */
  showProblems: boolean;
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  'release-management': 'Release page',
  'z-stream': 'Z-stream release page',
  'test-day': 'Test day page',
  'milestone-plan': 'Milestone plan',
  announcement: 'Release announcement',
  roadmap: 'Roadmap',
  feature: 'Feature page',
  'release-schedule': 'Release schedule',
  'support-policy': 'Support policy',
};

/** The verdict and the strongest reasons (the server sorts them), for the item's hover. */
function why(w: NonNullable<PageSummary['why']>, reasons: number): string {
  return `${w.verdict}: ${w.reasons.slice(0, reasons).join('; ')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusText(summary: PageSummary | null, server: ServerStatus): StatusText {
  if (server !== 'running') {
    return {
      text: server === 'starting' ? 'Release Pages: starting…' : 'Release Pages: server stopped',
      detail:
        server === 'starting'
          ? 'The language server is starting'
          : 'Restart it with "Release Pages: Restart language server"; see the output channel',
      level: server === 'starting' ? 'information' : 'error',
      showProblems: false,
    };
  }
  if (!summary || !summary.isReleasePage) {
    return {
      text: 'Release Pages: not a release page',
      detail: summary?.why ? `${why(summary.why, 3)} · server running` : 'Only release-management pages are checked · server running',
      level: 'information',
      showProblems: false,
    };
  }
  const kind = KIND_LABELS[summary.kind] ?? 'Release page';
  const problems = summary.errors + summary.warnings;
  const text =
    problems === 0 && summary.infos === 0
      ? `$(pass) ${kind}: no problems`
      : `$(checklist) ${kind}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const parts: string[] = [];
  if (summary.title) parts.push(summary.title);
  if (summary.gaDate) parts.push(`GA ${summary.gaDate}`);
  if (summary.features) parts.push(`${plural(summary.features, 'feature')}, ${summary.mustNotGreen ?? 0} Must not Green`);
  if (summary.why) parts.push(why(summary.why, 2));
  parts.push('server running');
  return {
    text,
    detail: parts.join(' · '),
    level: summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'information',
    showProblems: problems + summary.infos > 0,
  };
}
