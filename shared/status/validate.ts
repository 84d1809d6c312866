/**
 * Structural check of a status model received over a boundary (the webview checks what the extension
 * posts). It checks every field the renderer reads, so a malformed message is refused, not half drawn.
 */
import { SEVERITIES } from '../kinds';
import { STATUS_COLOURS, type PageStatus } from './model';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrOrNull = (x: unknown): boolean => x === null || typeof x === 'string';
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isLine = (x: unknown): boolean => isInt(x) && x >= 0;
const isIntOrNull = (x: unknown): boolean => x === null || isInt(x);
const isBool = (x: unknown): boolean => typeof x === 'boolean';
const arrayOf = (x: unknown, item: (y: unknown) => boolean): boolean => Array.isArray(x) && x.every(item);
const isIso = (x: unknown): boolean => isStr(x) && /^\d{4}-\d{2}-\d{2}$/.test(x);
/** A kind becomes part of a class name (`rp-k-…`, `rp-ph-…`): lower-case letters and hyphens only. */
const isKind = (v: unknown): boolean => isStr(v) && /^[a-z-]+$/.test(v);

function isDate(x: unknown): boolean {
  return isObj(x) && isStr(x.text) && (x.iso === null || isIso(x.iso)) && (x.endIso === undefined || x.endIso === null || isIso(x.endIso));
}

function isCounts(x: unknown): boolean {
  return isObj(x) && STATUS_COLOURS.every((c) => isInt(x[c])) && isInt(x.total);
}

function isGroup(x: unknown): boolean {
  return isObj(x) && isStrOrNull(x.name) && isCounts(x.counts);
}

function isFeature(x: unknown): boolean {
  return (
    isObj(x) &&
    isLine(x.line) &&
    isLine(x.endLine) &&
    isInt(x.table) &&
    isStrOrNull(x.team) &&
    isStr(x.name) &&
    (x.link === undefined || isStr(x.link)) &&
    isStrOrNull(x.owner) &&
    isStrOrNull(x.priority) &&
    (STATUS_COLOURS as readonly unknown[]).includes(x.colour) &&
    isStr(x.statusLabel) &&
    isStr(x.statusComment) &&
    arrayOf(x.statusHistory, isStr) &&
    (x.target === null || isDate(x.target)) &&
    arrayOf(x.targetHistory, isDate) &&
    hasFeatureFlags(x)
  );
}

function hasFeatureFlags(x: Obj): boolean {
  return isBool(x.overdue) && isInt(x.overdueDays) && isBool(x.mustNotGreen) && isBool(x.malformed) && isBool(x.repaired);
}

function isMilestone(x: unknown): boolean {
  return (
    isObj(x) &&
    isLine(x.line) &&
    isStr(x.label) &&
    isKind(x.kind) &&
    isStrOrNull(x.release) &&
    isInt(x.timeline) &&
    (x.date === null || isDate(x.date)) &&
    arrayOf(x.superseded, isDate) &&
    isBool(x.cancelled) &&
    isIntOrNull(x.days) &&
    isStrOrNull(x.owner) &&
    (x.actual === null || isDate(x.actual)) &&
    isIntOrNull(x.slipDays)
  );
}

function isCriterion(x: unknown): boolean {
  return isObj(x) && isLine(x.line) && isStr(x.keyword) && isStr(x.text);
}

function isPlanItem(x: unknown): boolean {
  return (
    isObj(x) &&
    isLine(x.line) &&
    isStr(x.title) &&
    isStr(x.when) &&
    isStrOrNull(x.goal) &&
    isStrOrNull(x.status) &&
    ['done', 'active', 'planned', 'blocked', 'cancelled', 'other', 'unset'].includes(x.state as string)
  );
}

function isProblems(x: unknown): boolean {
  if (!isObj(x) || !isObj(x.counts) || !Array.isArray(x.items)) return false;
  const counts = x.counts;
  return (
    SEVERITIES.every((s) => isInt(counts[s])) &&
    x.items.every(
      (p) => isObj(p) && isLine(p.line) && (SEVERITIES as readonly unknown[]).includes(p.severity) && isStr(p.rule) && isStr(p.message),
    )
  );
}

/** A check of an object's fields, one check per field (fields not listed are not read by the renderer). */
function fields(spec: Record<string, (v: unknown) => boolean>): (x: unknown) => boolean {
  const entries = Object.entries(spec);
  return (x) => isObj(x) && entries.every(([key, check]) => check(x[key]));
}

const orNull =
  (check: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    v === null || check(v);

const isPhase = fields({ label: isStr, kind: isKind, date: orNull(isDate) });
const isRelease = fields({
  line: isLine,
  version: isStr,
  timeline: isLine,
  tableLine: isLine,
  start: orNull(isDate),
  end: orNull(isDate),
  phases: (v) => arrayOf(v, isPhase),
});
const isGa = fields({ line: isLine, date: isDate, days: isIntOrNull });
const isNext = fields({ line: isLine, label: isStr, iso: isIso, days: isInt });
const isCriteriaCount = fields({ keyword: isStr, count: isInt });
const isProgress = fields({ done: isInt, total: isInt });

const isPage = fields({
  title: isStrOrNull,
  release: isStrOrNull,
  kind: isStr,
  isReleasePage: isBool,
  asOf: isIso,
  updated: isStrOrNull,
  ga: orNull(isGa),
  milestones: (v) => arrayOf(v, isMilestone),
  releases: (v) => arrayOf(v, isRelease),
  next: orNull(isNext),
  features: (v) => arrayOf(v, isFeature),
  counts: isCounts,
  byTeam: (v) => arrayOf(v, isGroup),
  byPriority: (v) => arrayOf(v, isGroup),
  byStatus: (v) => arrayOf(v, isGroup),
  mustNotGreen: (v) => arrayOf(v, isLine),
  overdue: (v) => arrayOf(v, isLine),
  criteria: (v) => arrayOf(v, isCriterion),
  criteriaCounts: (v) => arrayOf(v, isCriteriaCount),
  plan: (v) => arrayOf(v, isPlanItem),
  planProgress: orNull(isProgress),
  problems: isProblems,
});

export function isPageStatus(x: unknown): x is PageStatus {
  return isObj(x) && x.schema === 1 && isPage(x);
}
