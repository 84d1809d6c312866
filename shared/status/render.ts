/**
 * The status dashboard as HTML strings: used by the preview panel (section by section, in its webview)
 * and by `release-pages report` (one self-contained file). Pure string building; every piece of page
 * text is escaped with `esc`, numbers go through `num`, class names come from fixed sets.
 */
import { bdi, chip, COLOUR_NAMES, esc, isolate, num, percent, plural, relativeDays } from './html';
import { renderAttention, renderCriteria, renderFeatureTable, renderPlan, renderProblems, type RenderOptions } from './render-sections';
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

function gaCountdown(days: number | null): string {
  if (days === null) return 'date unknown';
  if (days === 0) return 'GA is today';
  return days > 0 ? `${plural(days, 'day')} to GA` : `GA was ${plural(-days, 'day')} ago`;
}

function fact(label: string, value: string, detail: string, cls = ''): string {
  return `<div class="rp-fact${cls ? ` ${cls}` : ''}"><span class="rp-fact-label">${esc(label)}</span><span class="rp-fact-value">${value}</span><span class="rp-fact-detail">${detail}</span></div>`;
}

export function renderHeader(s: PageStatus, o: { fileName?: string } = {}): string {
  const title = s.title ?? o.fileName ?? 'Untitled page';
  const sub = [
    s.release ? `Release ${bdi(s.release)}` : '',
    esc(s.kind.replace(/-/g, ' ')),
    o.fileName ? `<span class="rp-file">${bdi(o.fileName)}</span>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const facts: string[] = [];
  if (s.ga) {
    const soon = s.ga.days !== null && s.ga.days >= 0 && s.ga.days <= 14 ? ' rp-fact-soon' : '';
    facts.push(fact('General availability', bdi(s.ga.date.iso ?? s.ga.date.text), esc(gaCountdown(s.ga.days)), `rp-fact-ga${soon}`));
  } else {
    facts.push(fact('General availability', '<span class="rp-muted">not set</span>', 'no GA date in the timeline', 'rp-fact-ga'));
  }
  if (s.next) facts.push(fact('Next milestone', bdi(s.next.label), `${esc(s.next.iso)} · ${esc(relativeDays(s.next.days))}`));
  if (s.counts.total)
    facts.push(
      fact(
        'Features Green',
        `${s.counts.green} <span class="rp-of">of ${s.counts.total}</span>`,
        `${percent(s.counts.green, s.counts.total)}% ready`,
      ),
    );
  if (s.planProgress)
    facts.push(
      fact('Milestone plan', `${s.planProgress.done} <span class="rp-of">of ${s.planProgress.total}</span>`, 'milestones complete'),
    );
  facts.push(fact('As of', esc(s.asOf), s.updated ? `page updated ${esc(s.updated)}` : '&nbsp;'));
  return `<header class="rp-header"><h1 class="rp-title">${bdi(title)}</h1><p class="rp-subtitle">${sub}</p><div class="rp-facts">${facts.join('')}</div></header>`;
}

/** A stacked bar of the colour counts; the numbers are always printed next to it. */
export function bar(counts: ColourCounts, label: string): string {
  if (counts.total === 0) return '';
  let x = 0;
  const rects = BAR_COLOURS.filter((c) => counts[c] > 0).map((c) => {
    const w = (counts[c] / counts.total) * 100;
    const r = `<rect class="rp-f-${c}" x="${num(x)}" y="0" width="${num(w)}" height="10"><title>${esc(`${counts[c]} ${COLOUR_NAMES[c]}`)}</title></rect>`;
    x += w;
    return r;
  });
  const text = BAR_COLOURS.filter((c) => counts[c] > 0)
    .map((c) => `${counts[c]} ${COLOUR_NAMES[c]}`)
    .join(', ');
  return `<svg class="rp-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(`${isolate(label)}: ${text}`)}">${rects.join('')}</svg>`;
}

function breakdown(title: string, groups: readonly CountGroup[], kind: 'team' | 'priority', showOther: boolean, o: RenderOptions): string {
  if (groups.length === 0) return '';
  const cols: StatusColour[] = showOther ? ['green', 'orange', 'red', 'other', 'unset'] : ['green', 'orange', 'red', 'unset'];
  const head = `<tr><th scope="col">${esc(title)}</th><th scope="col" class="rp-bar-col">Status</th>${cols.map((c) => `<th scope="col" class="rp-num">${esc(COLOUR_NAMES[c])}</th>`).join('')}<th scope="col" class="rp-num">Total</th></tr>`;
  const rows = groups
    .map((g, i) => {
      const name = g.name ?? (kind === 'team' ? 'No team' : 'No priority');
      const filter = o.interactive ? ` data-filter-${kind}="${i}" tabindex="0" title="${esc(`Show the ${isolate(name)} features`)}"` : '';
      const cells = cols.map((c) => `<td class="rp-num${g.counts[c] ? '' : ' rp-zero'}">${g.counts[c]}</td>`).join('');
      return `<tr class="rp-group"${filter}><th scope="row">${g.name === null ? `<span class="rp-muted">${esc(name)}</span>` : bdi(name)}</th><td class="rp-bar-col">${bar(g.counts, name)}</td>${cells}<td class="rp-num rp-total">${g.counts.total}</td></tr>`;
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
  const showOther = c.other > 0;
  const tiles = [
    tile('Features', c.total, 'rp-t-total', 'data-filter-reset="1"', o),
    ...(['green', 'orange', 'red', ...(showOther ? ['other'] : []), 'unset'] as StatusColour[]).map((k) =>
      tile(chip(k), c[k], `rp-t-${k}`, `data-filter-colour="${k}"`, o, `${percent(c[k], c.total)}%`),
    ),
    tile('Must, not Green', s.mustNotGreen.length, `rp-t-must${s.mustNotGreen.length ? ' rp-t-alert' : ''}`, 'data-filter-only="must"', o),
    tile('Overdue', s.overdue.length, `rp-t-overdue${s.overdue.length ? ' rp-t-alert' : ''}`, 'data-filter-only="overdue"', o),
  ];
  return (
    `<section class="rp-section rp-summary" aria-labelledby="rp-h-summary"><h2 id="rp-h-summary">Feature status</h2>` +
    `<div class="rp-tiles">${tiles.join('')}</div>` +
    `<div class="rp-overall">${bar(c, 'All features')}</div>` +
    renderStatusValues(s, o) +
    `<div class="rp-breakdowns">${breakdown('Functional team', s.byTeam, 'team', showOther, o)}${breakdown('Priority', s.byPriority, 'priority', showOther, o)}</div>` +
    '</section>'
  );
}

/** Everything, in reading order, without the preview's controls (the report's body). */
export function renderDashboard(s: PageStatus, o: RenderOptions & { fileName?: string; problemList?: boolean }): string {
  const features = s.features.length
    ? `<section class="rp-section rp-features-section" aria-labelledby="rp-h-features"><h2 id="rp-h-features">Features <span class="rp-count">${s.features.length}</span></h2>${renderFeatureTable(s.features, s.features.length, DEFAULT_SORT, o)}</section>`
    : '';
  return [
    renderHeader(s, { fileName: o.fileName }),
    renderTimeline(s, o.interactive),
    renderReleases(s, o.interactive),
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
}

/** One self-contained HTML file: inline CSS, no script, no network access (CSP `default-src 'none'`). */
export function renderReport(s: PageStatus, o: ReportOptions): string {
  if (!/^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/.test(o.styleSource)) throw new Error(`invalid CSP style source: ${o.styleSource}`);
  const title = `${s.title ?? o.fileName} — status`;
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${o.styleSource}; base-uri 'none'; form-action 'none'">\n` +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="${esc(o.generator)}">\n<title>${esc(isolate(title))}</title>\n<style>${o.css}</style>\n</head>\n` +
    `<body class="rp-report">\n<main class="rp-dashboard">${renderDashboard(s, { interactive: false, fileName: o.fileName, problemList: true })}${o.after ?? ''}</main>\n` +
    `<footer class="rp-footer">Generated by ${esc(o.generator)} from ${bdi(o.fileName)}, as of ${esc(s.asOf)}.</footer>\n</body>\n</html>\n`
  );
}
