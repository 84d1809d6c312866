/** Sections of the status dashboard: features table, attention lists, criteria, plan, problems. */
import { ENGLISH, type Language, type Translate } from '../l10n';
import { bdi, chip, dayCount, esc, isolate, lineAttr, lineTitle, num, percent } from './html';
import type { FeatureStatus, PageStatus, PlanState } from './model';
import type { SortKey, SortState } from './view';

export interface RenderOptions {
  /** The preview: rows and milestones are focusable and reveal their line; headers sort. */
  interactive: boolean;
  /** The dashboard's own words in the user's language (English when absent); page text stays as written. */
  language?: Language;
}

/** The translate function of the options. */
export function words(o: { language?: Language }): Translate {
  return (o.language ?? ENGLISH).t;
}

const COLUMN_KEYS: readonly SortKey[] = ['team', 'name', 'priority', 'owner', 'status', 'target'];

function columnTitle(key: SortKey, t: Translate): string {
  switch (key) {
    case 'team':
      return t('Team');
    case 'name':
      return t('Feature');
    case 'priority':
      return t('Priority');
    case 'owner':
      return t('Owner');
    case 'status':
      return t('Status');
    case 'target':
      return t('Target date');
  }
}

function jump(inner: string, line: number, o: RenderOptions, cls = 'rp-jump'): string {
  const title = lineTitle(line, words(o));
  return o.interactive
    ? `<button type="button" class="${cls}"${lineAttr(line)} title="${title}">${inner}</button>`
    : `<span class="${cls}" title="${title}">${inner}</span>`;
}

function statusCell(f: FeatureStatus, t: Translate): string {
  const history = f.statusHistory.length
    ? ` <span class="rp-history">${esc(t('was'))} ${f.statusHistory.map((h) => `<del>${bdi(h)}</del>`).join(' ')}</span>`
    : '';
  const comment = f.statusComment ? ` <span class="rp-comment">${bdi(f.statusComment)}</span>` : '';
  return `${chip(f.colour, t, f.statusLabel)}${comment}${history}`;
}

function targetCell(f: FeatureStatus, t: Translate): string {
  const moved = f.targetHistory.length
    ? ` <span class="rp-history">${esc(t('was'))} ${f.targetHistory.map((d) => `<del>${bdi(d.iso ?? d.text)}</del>`).join(' ')}</span>`
    : '';
  if (!f.target) return `<span class="rp-muted">${esc(t('not set'))}</span>${moved}`;
  const { text, iso } = f.target;
  const written = iso && iso !== text ? ` title="${esc(t('written {0}', isolate(text)))}"` : '';
  const date = iso
    ? `<time datetime="${esc(iso)}"${written}>${esc(iso)}</time>`
    : `<span class="rp-warn-text">${bdi(text)}</span> <span class="rp-badge rp-b-warn">${esc(t('not a date'))}</span>`;
  const late = f.overdue ? ` <span class="rp-badge rp-b-overdue">${esc(t('Overdue {0}', dayCount(f.overdueDays, t)))}</span>` : '';
  return `${date}${late}${moved}`;
}

function priorityCell(f: FeatureStatus, t: Translate): string {
  if (f.priority === null) return `<span class="rp-muted">${esc(t('not set'))}</span>`;
  if (f.mustNotGreen) return `<span class="rp-badge rp-b-must" title="${esc(t('Must feature, not Green'))}">${bdi(f.priority)}</span>`;
  return bdi(f.priority);
}

function featureRow(f: FeatureStatus, o: RenderOptions): string {
  const t = words(o);
  const cls = ['rp-row', `rp-row-${esc(f.colour)}`, f.overdue ? 'rp-row-overdue' : '', f.mustNotGreen ? 'rp-row-must' : '']
    .filter(Boolean)
    .join(' ');
  const attrs = o.interactive ? `${lineAttr(f.line)} data-end-line="${f.endLine}" tabindex="0"` : '';
  const malformed = f.malformed
    ? ` <span class="rp-badge rp-b-warn" title="${esc(f.repaired ? t('The row has a stray | : read with the empty cell dropped') : t('The row does not match the header'))}">${esc(f.repaired ? t('stray |') : t('malformed row'))}</span>`
    : '';
  return (
    `<tr class="${cls}"${attrs} title="${lineTitle(f.line, t)}">` +
    `<td class="rp-col-team">${f.team === null ? '<span class="rp-muted">—</span>' : bdi(f.team)}</td>` +
    `<td class="rp-col-name">${bdi(f.name)}${malformed}${f.owner === null ? '' : `<span class="rp-owner-inline">${bdi(f.owner)}</span>`}</td>` +
    `<td class="rp-col-priority">${priorityCell(f, t)}</td>` +
    `<td class="rp-col-owner">${f.owner === null ? '<span class="rp-muted">—</span>' : bdi(f.owner)}</td>` +
    `<td class="rp-col-status">${statusCell(f, t)}</td>` +
    `<td class="rp-col-target">${targetCell(f, t)}</td></tr>`
  );
}

function headerCell(key: SortKey, sort: SortState, o: RenderOptions): string {
  const title = columnTitle(key, words(o));
  if (!o.interactive) return `<th scope="col" class="rp-col-${key}">${esc(title)}</th>`;
  const active = sort.key === key;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const arrow = active ? (sort.dir === 'asc' ? '▲' : '▼') : '';
  return `<th scope="col" class="rp-col-${key}" aria-sort="${ariaSort}"><button type="button" class="rp-sort" data-sort="${key}">${esc(title)}<span class="rp-arrow" aria-hidden="true">${arrow}</span></button></th>`;
}

/** The features table for `rows` (already filtered and sorted), out of `total`. */
export function renderFeatureTable(rows: readonly FeatureStatus[], total: number, sort: SortState, o: RenderOptions): string {
  const t = words(o);
  if (total === 0) return `<p class="rp-muted">${esc(t('This page has no features status table.'))}</p>`;
  const body = rows.length
    ? rows.map((f) => featureRow(f, o)).join('')
    : `<tr><td colspan="${COLUMN_KEYS.length}" class="rp-muted rp-empty-row">${esc(t('No feature matches the filters.'))}</td></tr>`;
  return `<table class="rp-features"><caption class="rp-sr">${esc(t('Features: {0} of {1} shown', rows.length, total))}</caption><thead><tr>${COLUMN_KEYS.map((k) => headerCell(k, sort, o)).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

/** `detail` is HTML (already escaped). */
function attentionItem(f: FeatureStatus, o: RenderOptions, detail: string): string {
  return `<li>${jump(`${chip(f.colour, words(o), f.statusLabel)} <span class="rp-att-name">${bdi(f.name)}</span> <span class="rp-muted">${bdi(f.team ?? '')}${detail ? ` · ${detail}` : ''}</span>`, f.line, o)}</li>`;
}

/** Must features not Green, and features past their target date. */
export function renderAttention(s: PageStatus, o: RenderOptions): string {
  if (s.features.length === 0) return '';
  const t = words(o);
  const must = s.features.filter((f) => f.mustNotGreen);
  const overdue = s.features.filter((f) => f.overdue).sort((a, b) => b.overdueDays - a.overdueDays || a.line - b.line);
  const list = (items: string[], empty: string): string =>
    items.length ? `<ul class="rp-att-list">${items.join('')}</ul>` : `<p class="rp-ok-text">${esc(empty)}</p>`;
  return (
    `<section class="rp-section rp-attention" aria-labelledby="rp-h-attention"><h2 id="rp-h-attention" class="rp-sr">${esc(t('Needs attention'))}</h2>` +
    `<div class="rp-att-col rp-att-must"><h3>${esc(t('Must features not Green'))} <span class="rp-count">${must.length}</span></h3>${list(
      must.map((f) => attentionItem(f, o, f.target?.iso ? esc(t('target {0}', f.target.iso)) : '')),
      t('Every Must feature is Green.'),
    )}</div>` +
    `<div class="rp-att-col rp-att-overdue"><h3>${esc(t('Overdue'))} <span class="rp-count">${overdue.length}</span></h3>${list(
      overdue.map((f) => attentionItem(f, o, esc(t('{0} past {1}', dayCount(f.overdueDays, t), f.target?.iso ?? '')))),
      t('No feature is past its target date.'),
    )}</div>` +
    '</section>'
  );
}

export function renderCriteria(s: PageStatus, o: RenderOptions): string {
  if (s.criteria.length === 0) return '';
  const t = words(o);
  const groups = s.criteriaCounts
    .map(({ keyword, count }) => {
      const items = s.criteria
        .filter((c) => c.keyword === keyword)
        .map((c) => `<li>${jump(c.text ? bdi(c.text) : esc(t('(empty)')), c.line, o)}</li>`)
        .join('');
      return `<details class="rp-crit-group"${keyword === 'MUST' ? ' open' : ''}><summary><span class="rp-kw rp-kw-${esc(keyword.toLowerCase())}">${bdi(keyword)}</span> ${esc(count === 1 ? t('{0} criterion', count) : t('{0} criteria', count))}</summary><ul class="rp-crit-list">${items}</ul></details>`;
    })
    .join('');
  return `<section class="rp-section rp-criteria" aria-labelledby="rp-h-criteria"><h2 id="rp-h-criteria">${esc(t('Release criteria'))} <span class="rp-count">${s.criteria.length}</span></h2>${groups}</section>`;
}

function planStateName(state: PlanState, t: Translate): string {
  switch (state) {
    case 'done':
      return t('Complete');
    case 'active':
      return t('In progress');
    case 'planned':
      return t('Planned');
    case 'blocked':
      return t('Blocked');
    case 'cancelled':
      return t('Cancelled');
    case 'other':
      return t('Other');
    case 'unset':
      return t('No status');
  }
}

export function renderPlan(s: PageStatus, o: RenderOptions): string {
  if (!s.planProgress) return '';
  const t = words(o);
  const { done, total } = s.planProgress;
  const pct = percent(done, total);
  const items = s.plan
    .map((p) => {
      const state = `<span class="rp-plan-state rp-p-${esc(p.state)}"><span class="rp-mark" aria-hidden="true"></span>${p.status !== null ? bdi(p.status) : esc(planStateName(p.state, t))}</span>`;
      const goal = p.goal ? `<span class="rp-plan-goal">${bdi(p.goal)}</span>` : '';
      return `<li>${jump(`${state}<span class="rp-plan-title">${bdi(p.title)}</span> <span class="rp-muted">${bdi(p.when)}</span>${goal}`, p.line, o)}</li>`;
    })
    .join('');
  return (
    `<section class="rp-section rp-plan" aria-labelledby="rp-h-plan"><h2 id="rp-h-plan">${esc(t('Milestone plan'))}</h2>` +
    `<p class="rp-plan-progress">${esc(total === 1 ? t('{0} of {1} milestone complete ({2}%)', done, total, pct) : t('{0} of {1} milestones complete ({2}%)', done, total, pct))}</p>` +
    `<svg class="rp-bar rp-bar-wide" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${esc(total === 1 ? t('{0} of {1} milestone complete', done, total) : t('{0} of {1} milestones complete', done, total))}"><rect class="rp-f-track" x="0" y="0" width="100" height="6"></rect><rect class="rp-f-green" x="0" y="0" width="${pct}" height="6"></rect></svg>` +
    `<ol class="rp-plan-list">${items}</ol></section>`
  );
}

/** The findings count by severity; the report also lists them, the preview links to the Problems panel. */
export function renderProblems(s: PageStatus, o: RenderOptions & { list: boolean }): string {
  const t = words(o);
  const c = s.problems.counts;
  const total = c.error + c.warning + c.information + c.hint;
  const info = c.information + c.hint;
  const parts = [
    `<span class="rp-sev rp-sev-error">${esc(c.error === 1 ? t('{0} error', c.error) : t('{0} errors', c.error))}</span>`,
    `<span class="rp-sev rp-sev-warning">${esc(c.warning === 1 ? t('{0} warning', c.warning) : t('{0} warnings', c.warning))}</span>`,
  ];
  if (info) parts.push(`<span class="rp-sev rp-sev-info">${esc(t('{0} info', info))}</span>`);
  const link = o.interactive
    ? ` <button type="button" class="rp-link" data-action="problems">${esc(t('Show in Problems panel'))}</button>`
    : '';
  const summary =
    total === 0
      ? `<p class="rp-ok-text">${esc(t('No problems found on this page.'))}</p>`
      : `<p class="rp-problem-counts">${parts.join(' · ')}${link}</p>`;
  const head = [t('Line'), t('Severity'), t('Rule'), t('Message')].map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const rows =
    o.list && total > 0
      ? `<table class="rp-problem-list"><thead><tr>${head}</tr></thead><tbody>${s.problems.items.map((p) => `<tr class="rp-sev-row-${esc(p.severity)}"><td>${num(p.line + 1)}</td><td>${esc(severityName(p.severity, t))}</td><td><code>${esc(p.rule)}</code></td><td>${bdi(p.message)}</td></tr>`).join('')}</tbody></table>`
      : '';
  return `<section class="rp-section rp-problems" aria-labelledby="rp-h-problems"><h2 id="rp-h-problems">${esc(t('Problems'))} <span class="rp-count">${total}</span></h2>${summary}${rows}</section>`;
}

/** A finding's severity in the problem list (the model's values are fixed English ids). */
function severityName(severity: string, t: Translate): string {
  switch (severity) {
    case 'error':
      return t('error');
    case 'warning':
      return t('warning');
    case 'information':
      return t('information');
    case 'hint':
      return t('hint');
    default:
      return severity;
  }
}
