/**
 * The status dashboard as HTML strings: used by the preview panel (section by section, in its webview)
 * and by `release-pages report` (one self-contained file). Pure string building; every piece of page
 * text is escaped with `esc`, numbers go through `num`, class names come from fixed sets.
 */
import { ENGLISH, type Language, type Translate } from '../l10n';
import { bdi, chip, colourName, dayCount, esc, hole, holes, isolate, num, percent, relativeDays } from './html';
import {
  renderAttention,
  renderCriteria,
  renderFeatureTable,
  renderPlan,
  renderProblems,
  words,
  type RenderOptions,
} from './render-sections';
import { renderReleases } from './render-releases';
import { renderTimeline } from './render-timeline';
import { renderStatusValues } from './render-statuses';
import type { ColourCounts, CountGroup, PageStatus, StatusColour } from './model';
import { DEFAULT_SORT } from './view';

export {
  renderAttention,
  renderCriteria,
  renderFeatureTable,
  renderPlan,
  renderProblems,
  renderReleases,
  renderTimeline,
  type RenderOptions,
};

const BAR_COLOURS: readonly StatusColour[] = ['green', 'orange', 'red', 'other', 'unset'];

function gaCountdown(days: number | null, t: Translate): string {
  if (days === null) return t('date unknown');
  if (days === 0) return t('GA is today');
  return days > 0 ? t('{0} to GA', dayCount(days, t)) : t('GA was {0} ago', dayCount(-days, t));
}

/** The page kind in the header's subtitle (a literal per kind, so that the bundle test finds them). */
function kindName(kind: string, t: Translate): string {
  switch (kind) {
    case 'release-management':
      return t('release management');
    case 'z-stream':
      return t('z-stream release');
    case 'test-day':
      return t('test day');
    case 'milestone-plan':
      return t('milestone plan');
    case 'announcement':
      return t('announcement');
    case 'roadmap':
      return t('roadmap');
    case 'feature':
      return t('feature');
    case 'release-schedule':
      return t('release schedule');
    case 'support-policy':
      return t('support policy');
    case 'other':
      return t('other');
    default:
      return kind.replace(/-/g, ' ');
  }
}

function fact(label: string, value: string, detail: string, cls = ''): string {
  return `<div class="rp-fact${cls ? ` ${cls}` : ''}"><span class="rp-fact-label">${esc(label)}</span><span class="rp-fact-value">${value}</span><span class="rp-fact-detail">${detail}</span></div>`;
}

export function renderHeader(s: PageStatus, o: { fileName?: string; language?: Language } = {}): string {
  const t = words(o);
  const title = s.title ?? o.fileName ?? t('Untitled page');
  const sub = [
    s.release ? holes(t('Release {0}', hole(0)), bdi(s.release)) : '',
    esc(kindName(s.kind, t)),
    o.fileName ? `<span class="rp-file">${bdi(o.fileName)}</span>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const facts: string[] = [];
  if (s.ga) {
    const soon = s.ga.days !== null && s.ga.days >= 0 && s.ga.days <= 14 ? ' rp-fact-soon' : '';
    facts.push(fact(t('General availability'), bdi(s.ga.date.iso ?? s.ga.date.text), esc(gaCountdown(s.ga.days, t)), `rp-fact-ga${soon}`));
  } else {
    facts.push(
      fact(
        t('General availability'),
        `<span class="rp-muted">${esc(t('not set'))}</span>`,
        esc(t('no GA date in the timeline')),
        'rp-fact-ga',
      ),
    );
  }
  if (s.next) facts.push(fact(t('Next milestone'), bdi(s.next.label), `${esc(s.next.iso)} · ${esc(relativeDays(s.next.days, t))}`));
  const of = (n: number): string => `<span class="rp-of">${esc(t('out of {0}', n))}</span>`;
  if (s.counts.total)
    facts.push(
      fact(t('Features Green'), `${s.counts.green} ${of(s.counts.total)}`, esc(t('{0}% ready', percent(s.counts.green, s.counts.total)))),
    );
  if (s.planProgress)
    facts.push(fact(t('Milestone plan'), `${s.planProgress.done} ${of(s.planProgress.total)}`, esc(t('milestones complete'))));
  facts.push(fact(t('As of'), esc(s.asOf), s.updated ? esc(t('page updated {0}', s.updated)) : '&nbsp;'));
  return `<header class="rp-header"><h1 class="rp-title">${bdi(title)}</h1><p class="rp-subtitle">${sub}</p><div class="rp-facts">${facts.join('')}</div></header>`;
}

/** A stacked bar of the colour counts; the numbers are always printed next to it. */
export function bar(counts: ColourCounts, label: string, t: Translate): string {
  if (counts.total === 0) return '';
  let x = 0;
  const rects = BAR_COLOURS.filter((c) => counts[c] > 0).map((c) => {
    const w = (counts[c] / counts.total) * 100;
    const r = `<rect class="rp-f-${c}" x="${num(x)}" y="0" width="${num(w)}" height="10"><title>${esc(`${counts[c]} ${colourName(c, t)}`)}</title></rect>`;
    x += w;
    return r;
  });
  const text = BAR_COLOURS.filter((c) => counts[c] > 0)
    .map((c) => `${counts[c]} ${colourName(c, t)}`)
    .join(', ');
  return `<svg class="rp-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(`${isolate(label)}: ${text}`)}">${rects.join('')}</svg>`;
}

function breakdown(title: string, groups: readonly CountGroup[], kind: 'team' | 'priority', showOther: boolean, o: RenderOptions): string {
  // Only "No team" (a support table, a tracker without the column) tells nothing: no breakdown.
  if (groups.every((g) => g.name === null)) return '';
  const t = words(o);
  const cols: StatusColour[] = showOther ? ['green', 'orange', 'red', 'other', 'unset'] : ['green', 'orange', 'red', 'unset'];
  const head = `<tr><th scope="col">${esc(title)}</th><th scope="col" class="rp-bar-col">${esc(t('Status'))}</th>${cols.map((c) => `<th scope="col" class="rp-num">${esc(colourName(c, t))}</th>`).join('')}<th scope="col" class="rp-num">${esc(t('Total'))}</th></tr>`;
  const rows = groups
    .map((g, i) => {
      const name = g.name ?? (kind === 'team' ? t('No team') : t('No priority'));
      const filter = o.interactive
        ? ` data-filter-${kind}="${i}" tabindex="0" title="${esc(t('Show the {0} features', isolate(name)))}"`
        : '';
      const cells = cols.map((c) => `<td class="rp-num${g.counts[c] ? '' : ' rp-zero'}">${g.counts[c]}</td>`).join('');
      return `<tr class="rp-group"${filter}><th scope="row">${g.name === null ? `<span class="rp-muted">${esc(name)}</span>` : bdi(name)}</th><td class="rp-bar-col">${bar(g.counts, name, t)}</td>${cells}<td class="rp-num rp-total">${g.counts.total}</td></tr>`;
    })
    .join('');
  return `<table class="rp-breakdown"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** `label` is HTML. */
function tile(label: string, value: number, cls: string, filter: string, o: RenderOptions, detail = ''): string {
  const inner = `<span class="rp-tile-value">${value}</span><span class="rp-tile-label">${label}</span>${detail ? `<span class="rp-tile-detail">${detail}</span>` : ''}`;
  return o.interactive && filter
    ? `<button type="button" class="rp-tile ${cls}" ${filter}>${inner}</button>`
    : `<div class="rp-tile ${cls}">${inner}</div>`;
}

/** Counts per colour overall (tiles and a bar), Must-not-Green and overdue counts, per team and per priority. */
export function renderSummary(s: PageStatus, o: RenderOptions): string {
  const c = s.counts;
  if (c.total === 0) return '';
  const t = words(o);
  const showOther = c.other > 0;
  const must = s.mustNotGreen.length;
  const overdue = s.overdue.length;
  const tiles = [
    tile(esc(t('Features')), c.total, 'rp-t-total', 'data-filter-reset="1"', o),
    ...(['green', 'orange', 'red', ...(showOther ? ['other'] : []), 'unset'] as StatusColour[]).map((k) =>
      tile(chip(k, t), c[k], `rp-t-${k}`, `data-filter-colour="${k}"`, o, `${percent(c[k], c.total)}%`),
    ),
    tile(esc(t('Must, not Green')), must, `rp-t-must${must ? ' rp-t-alert' : ''}`, 'data-filter-only="must"', o),
    tile(esc(t('Overdue')), overdue, `rp-t-overdue${overdue ? ' rp-t-alert' : ''}`, 'data-filter-only="overdue"', o),
  ];
  return (
    `<section class="rp-section rp-summary" aria-labelledby="rp-h-summary"><h2 id="rp-h-summary">${esc(t('Feature status'))}</h2>` +
    `<div class="rp-tiles">${tiles.join('')}</div>` +
    `<div class="rp-overall">${bar(c, t('All features'), t)}</div>` +
    renderStatusValues(s, o) +
    `<div class="rp-breakdowns">${breakdown(t('Functional team'), s.byTeam, 'team', showOther, o)}${breakdown(t('Priority'), s.byPriority, 'priority', showOther, o)}</div>` +
    '</section>'
  );
}

/** Everything, in reading order, without the preview's controls (the report's body). */
export function renderDashboard(s: PageStatus, o: RenderOptions & { fileName?: string; problemList?: boolean }): string {
  const t = words(o);
  const features = s.features.length
    ? `<section class="rp-section rp-features-section" aria-labelledby="rp-h-features"><h2 id="rp-h-features">${esc(t('Features'))} <span class="rp-count">${s.features.length}</span></h2>${renderFeatureTable(s.features, s.features.length, DEFAULT_SORT, o)}</section>`
    : '';
  return [
    renderHeader(s, { fileName: o.fileName, language: o.language }),
    renderTimeline(s, o.interactive, o.language),
    renderReleases(s, o.interactive, o.language),
    renderSummary(s, o),
    renderAttention(s, o),
    features,
    renderCriteria(s, o),
    renderPlan(s, o),
    renderProblems(s, { ...o, list: o.problemList ?? !o.interactive }),
  ].join('');
}

export interface ReportOptions {
  /** The stylesheet, inlined in a `<style>` element. */
  css: string;
  /** The CSP source allowing that `<style>` element, e.g. `'sha256-…'` of `css`. */
  styleSource: string;
  fileName: string;
  /** `release-pages 0.1.0`. */
  generator: string;
  /** HTML of further sections, drawn after the dashboard's (the changes since a revision). */
  after?: string;
  /** The report's own words (English when absent). */
  language?: Language;
}

/** One self-contained HTML file: inline CSS, no script, no network access (CSP `default-src 'none'`). */
export function renderReport(s: PageStatus, o: ReportOptions): string {
  if (!/^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/.test(o.styleSource)) throw new Error(`invalid CSP style source: ${o.styleSource}`);
  const language = o.language ?? ENGLISH;
  const t = language.t;
  const title = t('{0} — status', s.title ?? o.fileName);
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language.tag) ? language.tag : 'en';
  return (
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${o.styleSource}; base-uri 'none'; form-action 'none'">\n` +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="${esc(o.generator)}">\n<title>${esc(isolate(title))}</title>\n<style>${o.css}</style>\n</head>\n` +
    `<body class="rp-report">\n<main class="rp-dashboard">${renderDashboard(s, { interactive: false, fileName: o.fileName, problemList: true, language })}${o.after ?? ''}</main>\n` +
    `<footer class="rp-footer">${holes(t('Generated by {0} from {1}, as of {2}.', o.generator, hole(0), s.asOf), bdi(o.fileName))}</footer>\n</body>\n</html>\n`
  );
}
