/** Sections of the status dashboard: features table, attention lists, criteria, plan, problems. */
import { bdi, chip, esc, isolate, lineAttr, num, plural, percent } from './html';
import type { FeatureStatus, PageStatus, PlanState } from './model';
import type { SortKey, SortState } from './view';

export interface RenderOptions {
  /** The preview: rows and milestones are focusable and reveal their line; headers sort. */
  interactive: boolean;
}

const COLUMNS: ReadonlyArray<{ key: SortKey; title: string }> = [
  { key: 'team', title: 'Team' },
  { key: 'name', title: 'Feature' },
  { key: 'priority', title: 'Priority' },
  { key: 'owner', title: 'Owner' },
  { key: 'status', title: 'Status' },
  { key: 'target', title: 'Target date' },
];

function jump(inner: string, line: number, o: RenderOptions, cls = 'rp-jump'): string {
  return o.interactive
    ? `<button type="button" class="${cls}"${lineAttr(line)} title="Line ${line + 1}">${inner}</button>`
    : `<span class="${cls}" title="Line ${line + 1}">${inner}</span>`;
}

function statusCell(f: FeatureStatus): string {
  const history = f.statusHistory.length
    ? ` <span class="rp-history">was ${f.statusHistory.map((h) => `<del>${bdi(h)}</del>`).join(' ')}</span>`
    : '';
  const comment = f.statusComment ? ` <span class="rp-comment">${bdi(f.statusComment)}</span>` : '';
  return `${chip(f.colour, f.statusLabel)}${comment}${history}`;
}

function targetCell(f: FeatureStatus): string {
  const moved = f.targetHistory.length
    ? ` <span class="rp-history">was ${f.targetHistory.map((d) => `<del>${bdi(d.iso ?? d.text)}</del>`).join(' ')}</span>`
    : '';
  if (!f.target) return `<span class="rp-muted">not set</span>${moved}`;
  const { text, iso } = f.target;
  const written = iso && iso !== text ? ` title="${esc(`written ${isolate(text)}`)}"` : '';
  const date = iso
    ? `<time datetime="${esc(iso)}"${written}>${esc(iso)}</time>`
    : `<span class="rp-warn-text">${bdi(text)}</span> <span class="rp-badge rp-b-warn">not a date</span>`;
  const late = f.overdue ? ` <span class="rp-badge rp-b-overdue">Overdue ${esc(plural(f.overdueDays, 'day'))}</span>` : '';
  return `${date}${late}${moved}`;
}

function priorityCell(f: FeatureStatus): string {
  if (f.priority === null) return '<span class="rp-muted">not set</span>';
  if (f.mustNotGreen) return `<span class="rp-badge rp-b-must" title="Must feature, not Green">${bdi(f.priority)}</span>`;
  return bdi(f.priority);
}

function featureRow(f: FeatureStatus, o: RenderOptions): string {
  const cls = ['rp-row', `rp-row-${esc(f.colour)}`, f.overdue ? 'rp-row-overdue' : '', f.mustNotGreen ? 'rp-row-must' : '']
    .filter(Boolean)
    .join(' ');
  const attrs = o.interactive ? `${lineAttr(f.line)} data-end-line="${f.endLine}" tabindex="0"` : '';
  const malformed = f.malformed
    ? ` <span class="rp-badge rp-b-warn" title="${esc(f.repaired ? 'The row has a stray | : read with the empty cell dropped' : 'The row does not match the header')}">${f.repaired ? 'stray |' : 'malformed row'}</span>`
    : '';
  return (
    `<tr class="${cls}"${attrs} title="Line ${f.line + 1}">` +
    `<td class="rp-col-team">${f.team === null ? '<span class="rp-muted">—</span>' : bdi(f.team)}</td>` +
    `<td class="rp-col-name">${bdi(f.name)}${malformed}${f.owner === null ? '' : `<span class="rp-owner-inline">${bdi(f.owner)}</span>`}</td>` +
    `<td class="rp-col-priority">${priorityCell(f)}</td>` +
    `<td class="rp-col-owner">${f.owner === null ? '<span class="rp-muted">—</span>' : bdi(f.owner)}</td>` +
    `<td class="rp-col-status">${statusCell(f)}</td>` +
    `<td class="rp-col-target">${targetCell(f)}</td></tr>`
  );
}

function headerCell(c: { key: SortKey; title: string }, sort: SortState, o: RenderOptions): string {
  if (!o.interactive) return `<th scope="col" class="rp-col-${c.key}">${esc(c.title)}</th>`;
  const active = sort.key === c.key;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const arrow = active ? (sort.dir === 'asc' ? '▲' : '▼') : '';
  return `<th scope="col" class="rp-col-${c.key}" aria-sort="${ariaSort}"><button type="button" class="rp-sort" data-sort="${c.key}">${esc(c.title)}<span class="rp-arrow" aria-hidden="true">${arrow}</span></button></th>`;
}

/** The features table for `rows` (already filtered and sorted), out of `total`. */
export function renderFeatureTable(rows: readonly FeatureStatus[], total: number, sort: SortState, o: RenderOptions): string {
  if (total === 0) return '<p class="rp-muted">This page has no features status table.</p>';
  const body = rows.length
    ? rows.map((f) => featureRow(f, o)).join('')
    : `<tr><td colspan="${COLUMNS.length}" class="rp-muted rp-empty-row">No feature matches the filters.</td></tr>`;
  return `<table class="rp-features"><caption class="rp-sr">Features: ${rows.length} of ${total} shown</caption><thead><tr>${COLUMNS.map((c) => headerCell(c, sort, o)).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

/** `detail` is HTML (already escaped). */
function attentionItem(f: FeatureStatus, o: RenderOptions, detail: string): string {
  return `<li>${jump(`${chip(f.colour, f.statusLabel)} <span class="rp-att-name">${bdi(f.name)}</span> <span class="rp-muted">${bdi(f.team ?? '')}${detail ? ` · ${detail}` : ''}</span>`, f.line, o)}</li>`;
}

/** Must features not Green, and features past their target date. */
export function renderAttention(s: PageStatus, o: RenderOptions): string {
  if (s.features.length === 0) return '';
  const must = s.features.filter((f) => f.mustNotGreen);
  const overdue = s.features.filter((f) => f.overdue).sort((a, b) => b.overdueDays - a.overdueDays || a.line - b.line);
  const list = (items: string[], empty: string): string =>
    items.length ? `<ul class="rp-att-list">${items.join('')}</ul>` : `<p class="rp-ok-text">${esc(empty)}</p>`;
  return (
    `<section class="rp-section rp-attention" aria-labelledby="rp-h-attention"><h2 id="rp-h-attention" class="rp-sr">Needs attention</h2>` +
    `<div class="rp-att-col rp-att-must"><h3>Must features not Green <span class="rp-count">${must.length}</span></h3>${list(
      must.map((f) => attentionItem(f, o, f.target?.iso ? `target ${esc(f.target.iso)}` : '')),
      'Every Must feature is Green.',
    )}</div>` +
    `<div class="rp-att-col rp-att-overdue"><h3>Overdue <span class="rp-count">${overdue.length}</span></h3>${list(
      overdue.map((f) => attentionItem(f, o, `${esc(plural(f.overdueDays, 'day'))} past ${esc(f.target?.iso ?? '')}`)),
      'No feature is past its target date.',
    )}</div>` +
    '</section>'
  );
}

export function renderCriteria(s: PageStatus, o: RenderOptions): string {
  if (s.criteria.length === 0) return '';
  const groups = s.criteriaCounts
    .map(({ keyword, count }) => {
      const items = s.criteria
        .filter((c) => c.keyword === keyword)
        .map((c) => `<li>${jump(bdi(c.text || '(empty)'), c.line, o)}</li>`)
        .join('');
      return `<details class="rp-crit-group"${keyword === 'MUST' ? ' open' : ''}><summary><span class="rp-kw rp-kw-${esc(keyword.toLowerCase())}">${bdi(keyword)}</span> ${plural(count, 'criterion', 'criteria')}</summary><ul class="rp-crit-list">${items}</ul></details>`;
    })
    .join('');
  return `<section class="rp-section rp-criteria" aria-labelledby="rp-h-criteria"><h2 id="rp-h-criteria">Release criteria <span class="rp-count">${s.criteria.length}</span></h2>${groups}</section>`;
}

const PLAN_STATE_NAMES: Record<PlanState, string> = {
  done: 'Complete',
  active: 'In progress',
  planned: 'Planned',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  other: 'Other',
  unset: 'No status',
};

export function renderPlan(s: PageStatus, o: RenderOptions): string {
  if (!s.planProgress) return '';
  const { done, total } = s.planProgress;
  const pct = percent(done, total);
  const items = s.plan
    .map((p) => {
      const state = `<span class="rp-plan-state rp-p-${esc(p.state)}"><span class="rp-mark" aria-hidden="true"></span>${bdi(p.status ?? PLAN_STATE_NAMES[p.state])}</span>`;
      const goal = p.goal ? `<span class="rp-plan-goal">${bdi(p.goal)}</span>` : '';
      return `<li>${jump(`${state}<span class="rp-plan-title">${bdi(p.title)}</span> <span class="rp-muted">${bdi(p.when)}</span>${goal}`, p.line, o)}</li>`;
    })
    .join('');
  return (
    `<section class="rp-section rp-plan" aria-labelledby="rp-h-plan"><h2 id="rp-h-plan">Milestone plan</h2>` +
    `<p class="rp-plan-progress">${done} of ${plural(total, 'milestone')} complete (${pct}%)</p>` +
    `<svg class="rp-bar rp-bar-wide" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${done} of ${total} milestones complete"><rect class="rp-f-track" x="0" y="0" width="100" height="6"></rect><rect class="rp-f-green" x="0" y="0" width="${pct}" height="6"></rect></svg>` +
    `<ol class="rp-plan-list">${items}</ol></section>`
  );
}

/** The findings count by severity; the report also lists them, the preview links to the Problems panel. */
export function renderProblems(s: PageStatus, o: RenderOptions & { list: boolean }): string {
  const c = s.problems.counts;
  const total = c.error + c.warning + c.information + c.hint;
  const parts = [
    `<span class="rp-sev rp-sev-error">${plural(c.error, 'error')}</span>`,
    `<span class="rp-sev rp-sev-warning">${plural(c.warning, 'warning')}</span>`,
  ];
  if (c.information + c.hint) parts.push(`<span class="rp-sev rp-sev-info">${c.information + c.hint} info</span>`);
  const link = o.interactive ? ` <button type="button" class="rp-link" data-action="problems">Show in Problems panel</button>` : '';
  const summary =
    total === 0
      ? '<p class="rp-ok-text">No problems found on this page.</p>'
      : `<p class="rp-problem-counts">${parts.join(' · ')}${link}</p>`;
  const rows =
    o.list && total > 0
      ? `<table class="rp-problem-list"><thead><tr><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead><tbody>${s.problems.items.map((p) => `<tr class="rp-sev-row-${esc(p.severity)}"><td>${num(p.line + 1)}</td><td>${esc(p.severity)}</td><td><code>${esc(p.rule)}</code></td><td>${bdi(p.message)}</td></tr>`).join('')}</tbody></table>`
      : '';
  return `<section class="rp-section rp-problems" aria-labelledby="rp-h-problems"><h2 id="rp-h-problems">Problems <span class="rp-count">${total}</span></h2>${summary}${rows}</section>`;
}
