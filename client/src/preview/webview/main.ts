// Over 300 lines: the webview script's entry: drawing, view state and the event wiring of one page, which share that state.
/**
 * The status preview's webview script (bundled for the browser: dist/preview.js). It draws the
 * dashboard with the core's renderer from the model the extension posts, keeps filters, sort and
 * scroll in the webview state, and asks the extension to reveal lines. No inline handlers: one
 * delegated listener per event type. Every message is validated before use.
 */
import {
  applyView,
  DEFAULT_SORT,
  EMPTY_FILTER,
  esc,
  type CountGroup,
  type FilterState,
  nextSort,
  NO_PRIORITY,
  NO_TEAM,
  type PageStatus,
  renderAttention,
  renderCriteria,
  renderFeatureTable,
  renderHeader,
  renderPlan,
  renderProblems,
  renderSummary,
  renderReleases,
  renderTimeline,
  SORT_KEYS,
  type SortKey,
  type StatusColour,
  statusGroupName,
} from '../../../../shared/status';
import {
  parseHostMessage,
  parsePreviewState,
  type PreviewState,
  type RenderedSummary,
  type WebviewMessage,
} from '../../../../shared/preview-messages';
import { ENGLISH, language as languageOf, type Language } from '../../../../shared/l10n';
import { ChangesView } from './changes';
import { FilterBar } from './filters';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
let state: PreviewState = parsePreviewState(api.getState()) ?? {
  uri: '',
  locked: false,
  filter: EMPTY_FILTER,
  sort: DEFAULT_SORT,
  scrollY: 0,
};
let status: PageStatus | null = null;
let version = -1;
let fileName = '';
let highlighted = -1;
let scrollRestored = false;
/** The dashboard's words: English until the extension sends the user's language (its first message). */
let language: Language = ENGLISH;
let options = { interactive: true, language };
/** The notice shown, as a message to translate (the release-page notice) or as the extension's text. */
let notice: 'not-release' | { text: string } = { text: '' };

const SKELETON =
  `<div class="rp-toolbar"><span id="rp-notice" class="rp-stale" role="status"></span><span class="rp-spacer"></span>` +
  `<button type="button" id="rp-lock" class="rp-button" aria-pressed="false"></button></div>` +
  '<div id="rp-header"></div><div id="rp-timeline"></div><div id="rp-releases"></div><div id="rp-summary"></div><div id="rp-attention"></div><div id="rp-changes"></div>' +
  '<section class="rp-section rp-features-section" id="rp-features" aria-labelledby="rp-h-features" hidden>' +
  '<h2 id="rp-h-features"><span id="rp-features-title"></span> <span class="rp-count" id="rp-feature-count"></span></h2>' +
  '<div class="rp-filters" id="rp-filters" role="search"></div><div id="rp-table"></div></section>' +
  '<div id="rp-criteria"></div><div id="rp-plan"></div><div id="rp-problems"></div>';

const app = document.getElementById('rp-app');
if (!app) throw new Error('status preview: #rp-app is missing');
app.innerHTML = SKELETON;

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`status preview: #${id} is missing`);
  return el;
}

function save(): void {
  api.setState(state);
}

function post(message: WebviewMessage): void {
  api.postMessage(message);
}

const changesView = new ChangesView(byId('rp-changes'), post);
changesView.listen(byId('rp-changes'));
changesView.listen(byId('rp-features'));

const filters = new FilterBar(byId('rp-filters'), (filter) => {
  state = { ...state, filter };
  save();
  renderTable();
});

function setLocked(locked: boolean): void {
  const { t } = language;
  state = { ...state, locked };
  save();
  const button = byId('rp-lock');
  button.setAttribute('aria-pressed', String(locked));
  button.textContent = locked ? t('Locked') : t('Lock');
}

/** The skeleton's own words (drawn again when the language arrives). */
function labelSkeleton(): void {
  const { t } = language;
  document.documentElement.lang = language.tag;
  byId('rp-lock').title = t('Keep showing this page when another editor becomes active');
  byId('rp-features-title').textContent = t('Features');
  byId('rp-filters').setAttribute('aria-label', t('Filter features'));
  byId('rp-notice').textContent =
    notice === 'not-release' ? t('This page does not look like a release page: it is not checked.') : notice.text;
  setLocked(state.locked);
}

/** The user's language: every word drawn so far is drawn again in it. */
function setLanguage(tag: string, bundle: Record<string, string>): void {
  language = languageOf(tag, bundle);
  options = { interactive: true, language };
  filters.setLanguage(language);
  changesView.setLanguage(language);
  labelSkeleton();
  renderAll();
}

/** Tiles and breakdown rows show which filter is on. */
function markFilters(): void {
  const f = state.filter;
  for (const el of document.querySelectorAll<HTMLElement>('.rp-tile[data-filter-colour], .rp-tile[data-filter-only]')) {
    const on = el.dataset.filterColour !== undefined ? el.dataset.filterColour === f.colour : el.dataset.filterOnly === f.only;
    el.setAttribute('aria-pressed', String(on));
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-filter-status]')) {
    const name = status ? statusGroupName(status, Number(el.dataset.filterStatus)) : null;
    el.setAttribute('aria-pressed', String(name !== null && name === f.status));
  }
}

function renderTable(focusSort?: SortKey): void {
  if (!status) return;
  const rows = applyView(status, state.filter, state.sort);
  // A sort of the preview can be written to the page: every feature row, in this order (filters aside).
  const { t } = language;
  const apply =
    state.sort.key !== null && status.features.length > 1
      ? `<p class="rp-apply-sort"><button type="button" data-action="apply-sort">${esc(t('Apply to the page'))}</button> <span class="rp-muted">${esc(t('writes this order to the table rows'))}</span></p>`
      : '';
  byId('rp-table').innerHTML = renderFeatureTable(rows, status.features.length, state.sort, options) + apply;
  filters.setShown(rows.length, status.features.length);
  markFilters();
  changesView.mark();
  applyHighlight(false);
  if (focusSort) document.querySelector<HTMLElement>(`[data-sort="${focusSort}"]`)?.focus();
  report();
}

function renderAll(): void {
  if (!status) return;
  const s = status;
  byId('rp-header').innerHTML = renderHeader(s, { fileName, language });
  byId('rp-timeline').innerHTML = renderTimeline(s, true, language);
  byId('rp-releases').innerHTML = renderReleases(s, true, language);
  byId('rp-summary').innerHTML = renderSummary(s, options);
  byId('rp-attention').innerHTML = renderAttention(s, options);
  byId('rp-criteria').innerHTML = renderCriteria(s, options);
  byId('rp-plan').innerHTML = renderPlan(s, options);
  byId('rp-problems').innerHTML = renderProblems(s, { ...options, list: false });
  byId('rp-features').hidden = s.features.length === 0;
  byId('rp-feature-count').textContent = String(s.features.length);
  state = { ...state, filter: filters.update(s, state.filter) };
  save();
  renderTable();
  if (!scrollRestored) {
    scrollRestored = true;
    if (state.scrollY > 0) window.scrollTo(0, state.scrollY);
  }
}

/** Marks the items at the editor's cursor line: the feature row spanning it, milestones, criteria. */
function applyHighlight(scroll: boolean): void {
  for (const el of document.querySelectorAll('.rp-current')) el.classList.remove('rp-current');
  if (highlighted < 0) return;
  const marked: Element[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-line]')) {
    const from = Number(el.dataset.line);
    const to = el.dataset.endLine !== undefined ? Number(el.dataset.endLine) : from;
    if (highlighted < from || highlighted > to) continue;
    const item = el.closest('li') ?? el;
    item.classList.add('rp-current');
    marked.push(item);
  }
  const first = marked.find((el) => el.tagName === 'TR') ?? marked.at(0);
  if (scroll && first) first.scrollIntoView({ block: 'nearest' });
}

function text(selector: string): string {
  return document.querySelector(selector)?.textContent.trim() ?? '';
}

/** Reports what was drawn (read back from the DOM) so the extension and its tests can check it. */
function report(): void {
  const tiles: Record<string, number> = {};
  for (const el of document.querySelectorAll<HTMLElement>('.rp-tile')) {
    const key = [...el.classList].find((c) => c.startsWith('rp-t-') && c !== 'rp-t-alert')?.slice(5);
    if (key) tiles[key] = Number(el.querySelector('.rp-tile-value')?.textContent ?? NaN);
  }
  const summary: RenderedSummary = {
    version,
    title: text('.rp-title'),
    ga: text('.rp-fact-ga .rp-fact-value'),
    rows: document.querySelectorAll('#rp-table tr[data-line]').length,
    totalRows: status?.features.length ?? 0,
    tiles,
    teams: [...document.querySelectorAll('.rp-breakdown tr[data-filter-team] th')].map((th) => th.textContent.trim()),
    milestones: document.querySelectorAll('.rp-ms-item').length,
    criteria: document.querySelectorAll('.rp-crit-list li').length,
    problems: text('.rp-problems .rp-problem-counts') || text('.rp-problems .rp-ok-text'),
    highlighted: document.querySelector('.rp-current') ? highlighted : -1,
  };
  post({ type: 'rendered', summary });
}

function setFilter(change: Partial<FilterState>): void {
  state = { ...state, filter: { ...state.filter, ...change } };
  filters.set(state.filter);
  save();
  renderTable();
  byId('rp-features').scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** Tiles and breakdown rows filter the table (a second click on an active tile clears its filter). */
function filterFrom(el: HTMLElement): void {
  const d = el.dataset;
  if (d.filterReset !== undefined) setFilter(EMPTY_FILTER);
  else if (d.filterColour !== undefined)
    setFilter({ colour: state.filter.colour === d.filterColour ? '' : (d.filterColour as StatusColour) });
  else if (d.filterOnly === 'must' || d.filterOnly === 'overdue')
    setFilter({ only: state.filter.only === d.filterOnly ? '' : d.filterOnly });
  else if (d.filterTeam !== undefined && status) {
    const g = status.byTeam[Number(d.filterTeam)] as CountGroup | undefined; // from the DOM: may be out of range
    if (g) setFilter({ ...EMPTY_FILTER, team: g.name ?? NO_TEAM });
  } else if (d.filterStatus !== undefined && status) {
    const name = statusGroupName(status, Number(d.filterStatus)); // from the DOM: may be out of range
    if (name !== null) setFilter({ status: state.filter.status === name ? '' : name });
  } else if (d.filterPriority !== undefined && status) {
    const g = status.byPriority[Number(d.filterPriority)] as CountGroup | undefined;
    if (g) setFilter({ ...EMPTY_FILTER, priority: g.name ?? NO_PRIORITY });
  }
}

const FILTER_SELECTOR =
  '[data-filter-reset], [data-filter-colour], [data-filter-only], [data-filter-team], [data-filter-priority], [data-filter-status]';

function activate(target: Element): boolean {
  const sort = target.closest<HTMLElement>('[data-sort]');
  if (sort) {
    const key = sort.dataset.sort as SortKey;
    if (!(SORT_KEYS as readonly string[]).includes(key)) return false;
    state = { ...state, sort: nextSort(state.sort, key) };
    save();
    renderTable(key);
    return true;
  }
  if (target.closest('[data-action="apply-sort"]')) {
    if (status) post({ type: 'applySort', version, lines: applyView(status, EMPTY_FILTER, state.sort).map((f) => f.line) });
    return true;
  }
  if (target.closest('[data-action="problems"]')) {
    post({ type: 'showProblems' });
    return true;
  }
  if (target.closest('#rp-lock')) {
    post({ type: 'toggleLock' });
    return true;
  }
  const filter = target.closest<HTMLElement>(FILTER_SELECTOR);
  if (filter) {
    filterFrom(filter);
    return true;
  }
  const item = target.closest<HTMLElement>('[data-line]');
  if (item) {
    const line = Number(item.dataset.line);
    if (Number.isInteger(line) && line >= 0) post({ type: 'reveal', line });
    return true;
  }
  return false;
}

// A click on a row or milestone moves the focus to the editor: keep the webview from taking it first
// (the workbench would activate the panel after the editor was shown).
document.addEventListener('mousedown', (e) => {
  if (e.button === 0 && e.target instanceof Element && e.target.closest('[data-line]')) e.preventDefault();
});

document.addEventListener('click', (e) => {
  if (e.target instanceof Element && !e.target.closest('summary')) activate(e.target);
});

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const target = e.target;
  if (!(target instanceof HTMLElement) || target.tagName === 'BUTTON' || target.tagName === 'INPUT' || target.tagName === 'SELECT') return;
  if (target.closest('[data-line], ' + FILTER_SELECTOR) && activate(target)) e.preventDefault();
});

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    state = { ...state, scrollY: window.scrollY };
    save();
  });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  switch (message.type) {
    case 'update': {
      if (message.uri === state.uri && message.version < version) return; // an older model than the one shown
      const samePage = message.uri === state.uri;
      state = { ...state, uri: message.uri, filter: samePage ? state.filter : EMPTY_FILTER };
      status = message.status;
      version = message.version;
      fileName = message.fileName;
      if (!samePage) highlighted = -1;
      notice = message.status.isReleasePage ? { text: '' } : 'not-release';
      state = { ...state, locked: message.locked };
      labelSkeleton();
      renderAll();
      return;
    }
    case 'language':
      setLanguage(message.tag, message.bundle);
      return;
    case 'highlight':
      highlighted = message.line;
      applyHighlight(true);
      report();
      return;
    case 'locked':
      setLocked(message.locked);
      return;
    case 'notice':
      notice = { text: message.text };
      byId('rp-notice').textContent = message.text;
      return;
    case 'changes':
      changesView.update(message.bases, message.selected, message.changes, message.note);
      return;
    case 'history':
      changesView.showHistory(message.history, message.note);
      return;
  }
});

labelSkeleton();
post({ type: 'ready' });
