/**
 * Messages between the extension and the status preview's webview, typed once here and validated on
 * receipt on both sides (a webview is a separate, less trusted context). No `vscode` import: the
 * webview bundle uses this module too.
 */
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  type FeatureHistory,
  type FilterState,
  isFeatureHistory,
  isPageChanges,
  isPageStatus,
  type PageChanges,
  type PageStatus,
  SORT_KEYS,
  type SortState,
} from './status';

/**
 * The user's language for the dashboard's own words: VS Code's display language (`vscode.env.language`)
 * and its runtime bundle (`vscode.l10n.bundle`: English message → translation; empty in English). The
 * extension sends it first, in answer to `ready`; the webview translates with `fromBundle(bundle)`.
 */
export interface LanguageMessage {
  type: 'language';
  tag: string;
  bundle: Record<string, string>;
}

/** Extension → webview. */
export type HostMessage =
  | LanguageMessage
  | { type: 'update'; uri: string; fileName: string; version: number; locked: boolean; status: PageStatus }
  | { type: 'highlight'; line: number }
  | { type: 'locked'; locked: boolean }
  | { type: 'notice'; text: string }
  | { type: 'changes'; bases: BaseChoice[]; selected: string; changes: PageChanges | null; note: string }
  | { type: 'history'; history: FeatureHistory | null; note: string };

/** A base the preview's picker offers: `id` is what the webview sends back (`previous`, `days:7`, `ref:<name or commit>`). */
export interface BaseChoice {
  id: string;
  label: string;
}

/** What the webview drew, read back from its DOM (the integration tests compare it with the model). */
export interface RenderedSummary {
  version: number;
  title: string;
  ga: string;
  /** Feature rows in the table, and how many the filters keep. */
  rows: number;
  totalRows: number;
  /** Tile values by tile: total, green, orange, red, other, unset, must, overdue. */
  tiles: Record<string, number>;
  teams: string[];
  milestones: number;
  criteria: number;
  problems: string;
  /** The line of the highlighted item, or -1. */
  highlighted: number;
}

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'showProblems' }
  | { type: 'toggleLock' }
  | { type: 'rendered'; summary: RenderedSummary }
  | { type: 'changesBase'; base: string }
  | { type: 'featureHistory'; name: string }
  /** "Apply to the page": the features table's rows in the preview's sorted order (their source lines), for document `version`. */
  | { type: 'applySort'; version: number; lines: number[] };

/** What the webview keeps with `setState` (and the serializer gets back after a window reload). */
export interface PreviewState {
  uri: string;
  locked: boolean;
  filter: FilterState;
  sort: SortState;
  scrollY: number;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isLine = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 10_000_000;
const isStr = (x: unknown, max = 10_000): x is string => typeof x === 'string' && x.length <= max;

function isSummary(x: unknown): x is RenderedSummary {
  return (
    isObj(x) &&
    typeof x.version === 'number' &&
    isStr(x.title) &&
    isStr(x.ga) &&
    isLine(x.rows) &&
    isLine(x.totalRows) &&
    isObj(x.tiles) &&
    Object.values(x.tiles).every((v) => typeof v === 'number') &&
    Array.isArray(x.teams) &&
    x.teams.every((t) => isStr(t)) &&
    isLine(x.milestones) &&
    isLine(x.criteria) &&
    isStr(x.problems) &&
    typeof x.highlighted === 'number' &&
    Number.isInteger(x.highlighted)
  );
}

/** A message from the webview, or null when it is not one we know, well formed. */
export function parseWebviewMessage(x: unknown): WebviewMessage | null {
  if (!isObj(x)) return null;
  switch (x.type) {
    case 'ready':
    case 'showProblems':
    case 'toggleLock':
      return { type: x.type };
    case 'reveal':
      return isLine(x.line) ? { type: 'reveal', line: x.line } : null;
    case 'rendered':
      return isSummary(x.summary) ? { type: 'rendered', summary: x.summary } : null;
    case 'changesBase':
      return isStr(x.base, 300) ? { type: 'changesBase', base: x.base } : null;
    case 'featureHistory':
      return isStr(x.name, 2000) ? { type: 'featureHistory', name: x.name } : null;
    case 'applySort':
      return Number.isInteger(x.version) && Array.isArray(x.lines) && x.lines.length <= 1_000_000 && x.lines.every(isLine)
        ? { type: 'applySort', version: x.version as number, lines: x.lines }
        : null;
    default:
      return null;
  }
}

/** A message from the extension, or null when malformed (the status model is checked field by field). */
export function parseHostMessage(x: unknown): HostMessage | null {
  if (!isObj(x)) return null;
  switch (x.type) {
    case 'update':
      return isStr(x.uri) && isStr(x.fileName) && typeof x.version === 'number' && typeof x.locked === 'boolean' && isPageStatus(x.status)
        ? { type: 'update', uri: x.uri, fileName: x.fileName, version: x.version, locked: x.locked, status: x.status }
        : null;
    case 'highlight':
      return isLine(x.line) ? { type: 'highlight', line: x.line } : null;
    case 'locked':
      return typeof x.locked === 'boolean' ? { type: 'locked', locked: x.locked } : null;
    case 'notice':
      return isStr(x.text, 500) ? { type: 'notice', text: x.text } : null;
    case 'changes':
      return parseChanges(x);
    case 'history':
      return (x.history === null || isFeatureHistory(x.history)) && isStr(x.note, 500)
        ? { type: 'history', history: x.history, note: x.note }
        : null;
    case 'language':
      return parseLanguage(x);
    default:
      return null;
  }
}

/** A BCP 47 language tag as VS Code names display languages (`en`, `de`, `zh-cn`, `pt-br`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
/** Bounds of a bundle: the extension's has a few hundred messages of a few hundred characters. */
const MAX_MESSAGES = 5000;
const MAX_MESSAGE = 2000;

/** A language message: a valid tag and a bundle of strings, copied into a fresh object without a prototype's keys. */
function parseLanguage(x: Obj): LanguageMessage | null {
  if (!isStr(x.tag, 35) || !LANGUAGE_TAG.test(x.tag) || !isObj(x.bundle)) return null;
  const entries = Object.entries(x.bundle);
  if (entries.length > MAX_MESSAGES) return null;
  const bundle: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length > MAX_MESSAGE || !isStr(value, MAX_MESSAGE)) return null;
    Object.defineProperty(bundle, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { type: 'language', tag: x.tag, bundle };
}

const isChoice = (c: unknown): c is BaseChoice => isObj(c) && isStr(c.id, 300) && isStr(c.label, 300);

function parseChanges(x: Obj): HostMessage | null {
  if (!Array.isArray(x.bases) || x.bases.length > 200 || !x.bases.every(isChoice) || !isStr(x.selected, 300) || !isStr(x.note, 500))
    return null;
  if (x.changes !== null && !isPageChanges(x.changes)) return null;
  return { type: 'changes', bases: x.bases, selected: x.selected, changes: x.changes, note: x.note };
}

function parseFilter(x: unknown): FilterState {
  if (!isObj(x)) return EMPTY_FILTER;
  const colour = ['green', 'orange', 'red', 'other', 'unset', ''].includes(x.colour as string) ? (x.colour as FilterState['colour']) : '';
  const only = ['', 'overdue', 'must'].includes(x.only as string) ? (x.only as FilterState['only']) : '';
  return {
    team: isStr(x.team, 500) ? x.team : '',
    colour,
    status: isStr(x.status, 500) ? x.status : '',
    priority: isStr(x.priority, 500) ? x.priority : '',
    text: isStr(x.text, 500) ? x.text : '',
    only,
  };
}

function parseSort(x: unknown): SortState {
  if (!isObj(x)) return DEFAULT_SORT;
  const key = (SORT_KEYS as readonly unknown[]).includes(x.key) ? (x.key as SortState['key']) : null;
  return { key, dir: x.dir === 'desc' ? 'desc' : 'asc' };
}

/** Saved webview state, or null when it names no document. */
export function parsePreviewState(x: unknown): PreviewState | null {
  if (!isObj(x) || !isStr(x.uri) || x.uri === '') return null;
  return {
    uri: x.uri,
    locked: x.locked === true,
    filter: parseFilter(x.filter),
    sort: parseSort(x.sort),
    scrollY: typeof x.scrollY === 'number' && Number.isFinite(x.scrollY) && x.scrollY >= 0 ? x.scrollY : 0,
  };
}
