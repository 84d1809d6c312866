/**
 * Which columns of a table make it a schedule, read from its header and its cells: one date column
 * (whatever it is called, or the column whose cells are mostly dates) with a label, an owner and an
 * actual-date column; or per-version rows whose dated columns are phases (`Version | Release date |
 * End of Life`, Node's `Release | … | Initial Release | Maintenance Start | End-of-life`).
 */
import { scanDates } from '../dates';
import { plainText } from './inline';
import { classifyMilestone, phaseKind } from './milestones';
import type { ColumnKey, MilestoneKind } from './page-model';

export interface PhaseColumn {
  col: number;
  kind: MilestoneKind;
  /** The column holding this phase's actual date (`Expected | Actual`), or null. */
  actual: number | null;
}

export type ScheduleLayout =
  | { shape: 'single'; date: number; label: number | null; owner: number | null; actual: number | null }
  | { shape: 'phases'; version: number; phases: PhaseColumn[] };

/** Schedule-ish section headings: a table (or bullets) under one is read as a timeline. */
export const SCHEDULE_HEADING = /timeline|milestones|schedule|calendar|key dates|release cycle|release dates/i;

/** Headings over per-version tables: a table of releases with one named phase under one is a support table. */
const RELEASES_HEADING = /support|releases|versions|lifecycle|life cycle|eol|end of life/i;

const DATE_HEADER =
  /^(?:date|dates|when|target|target date|due|due date|deadline|eta|expected|expected date|planned|planned date|estimated|estimate|scheduled|scheduled date|day|start date)$/;
const PLANNED_HEADER = /^(?:expected|planned|estimated|estimate|scheduled|target)\b/;
const ACTUAL_HEADER = /^(?:actual|actual date|actual release|actual release date|released|released on|done|completed)$/;
const LABEL_HEADER = /^(?:what|milestone|milestones|event|events|description|task|tasks|activity|phase|item|deliverable|step|name)$/;
const OWNER_HEADER = /^(?:who|owner|owners|lead|leads|assignee|assignees|responsible|driver|contact)$/;
const VERSION_HEADER =
  /^(?:version|versions|release|releases|release line|release series|branch|series|minor release|minor version|patch release|quarter|kubernetes version|k8s version)$/;
const VERSION_CELL = /^v?\d+(?:\.(?:\d+|x))+(?:[ -]?(?:lts|\(lts\)))?$|^v?\d+\.x$/i;

/** Rows sampled to judge a column: a schedule says what it is in its first rows (and a huge table costs nothing more). */
export const SCHEDULE_SAMPLE_ROWS = 40;

/** A cell's text without markup, reference links read as their text (`[18.x][]` → `18.x`). */
export function cellText(raw: string): string {
  return plainText(raw.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1'));
}

function header(h: string): string {
  return plainText(h).toLowerCase().replace(/\s+/g, ' ').replace(/\s*:$/, '').trim();
}

/** `Release of 1.19`, `the release of v1.20`: an end given as a later version's release (a date of its kind). */
export const RELEASE_OF = /^(?:until\s+)?(?:the\s+)?release\s+of\s+v?(\d+\.\d+(?:\.\d+)?)$/i;

function hasDate(text: string): boolean {
  return scanDates(text).some((t) => t.kind === 'date' || t.kind === 'invalid' || t.kind === 'placeholder');
}

interface ColumnFacts {
  name: string;
  filled: number;
  dated: number;
  versions: number;
  letters: number;
}

const NOT_LETTERS = /\P{L}+/gu;
/** The first half of a surrogate pair (no `u` flag: code units). */
const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** How many letters (code points of \p{L}) `text` holds, without an array of them. */
export function letterCount(text: string): number {
  const only = text.replace(NOT_LETTERS, '');
  // Speed: most texts hold no letter outside the BMP; one native test settles them, not a step per letter.
  if (!HIGH_SURROGATE.test(only)) return only.length;
  let n = only.length;
  for (let i = 0; i < only.length; i++) if (only.charCodeAt(i) >= 0xd800 && only.charCodeAt(i) <= 0xdbff) n--; // a pair is one letter
  return n;
}

function columnFacts(head: readonly string[], rows: ReadonlyArray<readonly string[]>): ColumnFacts[] {
  return head.map((h, col) => {
    const f: ColumnFacts = { name: header(h), filled: 0, dated: 0, versions: 0, letters: 0 };
    for (const cells of rows) {
      const raw = cells.at(col) ?? ''; // a row may have fewer cells than the header
      const text = cellText(raw);
      if (!text || /^[-–—?]+$|^(?:n\/a|tbd|tba|none)$/i.test(text)) continue;
      f.filled++;
      if (hasDate(raw) || RELEASE_OF.test(text)) f.dated++;
      if (VERSION_CELL.test(text)) f.versions++;
      f.letters += letterCount(text);
    }
    return f;
  });
}

function isDated(f: ColumnFacts): boolean {
  if (f.dated === 0) return false;
  return (
    DATE_HEADER.test(f.name) || ACTUAL_HEADER.test(f.name) || phaseKind(f.name) !== 'other' || (f.dated >= 2 && f.dated >= 0.6 * f.filled)
  );
}

/** A per-version table's column naming who runs each release: its rows are planned releases. */
const MANAGER_HEADER = /manager|shepherd|captain|release lead|owner/;
const PLANNED_WORDS = /tentative|planned|expected|target|estimated|scheduled/;

/** Whether per-version rows with these dated columns are a schedule (several phases, a planned/actual pair, or one release date with a schedule's signs). */
function isPhaseTable(
  facts: readonly ColumnFacts[],
  planned: readonly number[],
  named: readonly number[],
  actual: readonly number[],
  heading: string | null,
): boolean {
  if (named.length >= 2 || (named.length >= 1 && (actual.length >= 1 || planned.length >= 2))) return true;
  if (planned.length !== 1) return false;
  const only = facts[planned[0]].name;
  const kind = phaseKind(only);
  return (
    kind === 'eol' ||
    kind === 'maintenance' ||
    PLANNED_WORDS.test(only) ||
    facts.some((f) => MANAGER_HEADER.test(f.name)) ||
    (heading !== null && (SCHEDULE_HEADING.test(heading) || (named.length === 1 && RELEASES_HEADING.test(heading))))
  );
}

function phasesLayout(
  facts: readonly ColumnFacts[],
  version: number,
  planned: number[],
  actual: number[],
  heading: string | null,
): ScheduleLayout | null {
  const named = planned.filter((c) => phaseKind(facts[c].name) !== 'other' || PLANNED_HEADER.test(facts[c].name));
  if (!isPhaseTable(facts, planned, named, actual, heading)) return null;
  // Every dated column is a phase (Node's "Active LTS Start" too); a row's only date, or a planned one, is its release.
  const phases: PhaseColumn[] = planned.map((col) => {
    const kind = phaseKind(facts[col].name);
    return { col, kind: kind === 'other' && (planned.length === 1 || PLANNED_HEADER.test(facts[col].name)) ? 'ga' : kind, actual: null };
  });
  if (actual.length > 0) {
    const target = phases.find((p) => PLANNED_HEADER.test(facts[p.col].name)) ?? phases.find((p) => p.kind === 'ga') ?? phases[0];
    target.actual = actual[0];
  }
  return { shape: 'phases', version, phases };
}

/** The most text-like column among the others: a label header first, else the most letters. */
function labelColumn(facts: readonly ColumnFacts[], taken: ReadonlySet<number>): number | null {
  const free = facts.map((f, i) => ({ f, i })).filter(({ i }) => !taken.has(i));
  const named = free.find(({ f }) => LABEL_HEADER.test(f.name));
  if (named) return named.i;
  let best: { i: number; letters: number } | null = null;
  for (const { f, i } of free) if (f.letters > 0 && (!best || f.letters > best.letters)) best = { i, letters: f.letters };
  return best?.i ?? null;
}

/**
 * The schedule layout of a table, or null. `legacy` are the columns `mapColumns` found: a `Date |
 * Milestone` table (oVirt's) is a timeline whatever its labels say; any other needs release vocabulary
 * in two labels or a schedule-ish heading, so that a changelog's `Date | Change` table is no schedule.
 */
export function scheduleLayout(
  head: readonly string[],
  bodyRows: ReadonlyArray<readonly string[]>,
  legacy: Partial<Record<ColumnKey, number>>,
  heading: string | null,
): ScheduleLayout | null {
  const rows = bodyRows.slice(0, SCHEDULE_SAMPLE_ROWS);
  const facts = columnFacts(head, rows);
  const owner = facts.findIndex((f) => OWNER_HEADER.test(f.name));
  const ownerCol = owner >= 0 ? owner : null;
  if (legacy.date !== undefined && legacy.milestone !== undefined)
    return { shape: 'single', date: legacy.date, label: legacy.milestone, owner: ownerCol, actual: null };
  // A quarter (`2024 Q2`) may read as a date, but it names its row's release.
  const version = facts.findIndex(
    (f) => (f.dated === 0 || f.name === 'quarter') && (VERSION_HEADER.test(f.name) || (f.versions >= 2 && f.versions >= 0.6 * f.filled)),
  );
  const dated = facts.map((f, i) => ({ f, i })).filter(({ f, i }) => i !== version && i !== owner && isDated(f));
  if (dated.length === 0) return null;
  const actual = dated.filter(({ f }) => ACTUAL_HEADER.test(f.name)).map(({ i }) => i);
  const planned = dated.filter(({ f }) => !ACTUAL_HEADER.test(f.name)).map(({ i }) => i);
  if (version >= 0 && planned.length > 0) {
    const phases = phasesLayout(facts, version, planned, actual, heading);
    if (phases) return phases;
  }
  const dateCol = planned.find((c) => DATE_HEADER.test(facts[c].name)) ?? planned.at(0) ?? dated[0].i;
  const actualCol = planned.length > 0 ? (actual.at(0) ?? null) : null;
  const taken = new Set([...dated.map(({ i }) => i), ...(ownerCol !== null ? [ownerCol] : [])]);
  const label = labelColumn(facts, taken);
  if (label === null) return null;
  const releaseLabels = rows.filter((cells) => classifyMilestone(plainText(cells.at(label) ?? ''), null) !== 'other').length;
  if (releaseLabels < 2 && !(heading !== null && SCHEDULE_HEADING.test(heading) && releaseLabels >= 1)) return null;
  return { shape: 'single', date: dateCol, label, owner: ownerCol, actual: actualCol };
}
