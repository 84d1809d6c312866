/** What the language status item says (pure: no `vscode`, unit-tested). */
import { english, type Translate } from '../../shared/l10n';
import type { PageSummary } from '../../shared/protocol';

export type ServerStatus = 'starting' | 'running' | 'stopped';

export interface StatusText {
  text: string;
  detail: string;
  level: 'information' | 'warning' | 'error';
  /** Whether the item's command should open the Problems panel (else the output channel). */
  showProblems: boolean;
}

/** The page kinds' labels, each through `t` (a literal per kind, so that the bundle test finds them). */
function kindLabel(kind: string, t: Translate): string {
  switch (kind) {
    case 'z-stream':
      return t('Z-stream release page');
    case 'test-day':
      return t('Test day page');
    case 'milestone-plan':
      return t('Milestone plan');
    case 'announcement':
      return t('Release announcement');
    case 'roadmap':
      return t('Roadmap');
    case 'feature':
      return t('Feature page');
    case 'release-schedule':
      return t('Release schedule');
    case 'support-policy':
      return t('Support policy');
    default:
      return t('Release page');
  }
}

/** The verdict and the strongest reasons (the server sorts them), for the item's hover. The reasons are the core's English sentences. */
function why(w: NonNullable<PageSummary['why']>, reasons: number): string {
  return `${w.verdict}: ${w.reasons.slice(0, reasons).join('; ')}`;
}

/** The hover of a release page's item: title, GA date, features and Must features not Green, why it is one, the server. */
function releasePageDetail(summary: PageSummary, running: string, t: Translate): string {
  const parts: string[] = [];
  if (summary.title) parts.push(summary.title);
  if (summary.gaDate) parts.push(t('GA {0}', summary.gaDate));
  if (summary.features) {
    const features = summary.features === 1 ? t('{0} feature', 1) : t('{0} features', summary.features);
    parts.push(t('{0}, {1} Must not Green', features, summary.mustNotGreen ?? 0));
  }
  if (summary.why) parts.push(why(summary.why, 2));
  parts.push(running);
  return parts.join(' · ');
}

/** The item's text, hover detail and severity; `t` translates (`english` in tests, `vscode.l10n.t` in the extension). */
export function statusText(summary: PageSummary | null, server: ServerStatus, t: Translate = english): StatusText {
  if (server !== 'running') {
    return {
      text: server === 'starting' ? t('Release Pages: starting…') : t('Release Pages: server stopped'),
      detail:
        server === 'starting'
          ? t('The language server is starting')
          : t('Restart it with "Release Pages: Restart language server"; see the output channel'),
      level: server === 'starting' ? 'information' : 'error',
      showProblems: false,
    };
  }
  const running = t('server running');
  if (!summary || !summary.isReleasePage) {
    return {
      text: t('Release Pages: not a release page'),
      detail: summary?.why ? `${why(summary.why, 3)} · ${running}` : `${t('Only release-management pages are checked')} · ${running}`,
      level: 'information',
      showProblems: false,
    };
  }
  const kind = kindLabel(summary.kind, t);
  const problems = summary.errors + summary.warnings;
  const errors = summary.errors === 1 ? t('{0} error', 1) : t('{0} errors', summary.errors);
  const warnings = summary.warnings === 1 ? t('{0} warning', 1) : t('{0} warnings', summary.warnings);
  const text =
    problems === 0 && summary.infos === 0
      ? `$(pass) ${t('{0}: no problems', kind)}`
      : `$(checklist) ${t('{0}: {1}, {2}', kind, errors, warnings)}`;
  return {
    text,
    detail: releasePageDetail(summary, running, t),
    level: summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'information',
    showProblems: problems + summary.infos > 0,
  };
}
