/** Builds the status model of a checked page. Pure: the as-of day is an input. */
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/merge';
import { dayNumber, isoDay, toIso, type YMD } from '../dates';
import { eachFinding, type CheckResult } from '../engine';
import { plainText } from '../model/inline';
import type { PageModel } from '../model/page-model';
import { readValue } from '../model/values';
import { SEVERITIES, type Severity } from '../findings';
import { featureVocabulary } from '../vocabulary';
import { readFeatures, statusDate } from './features';
import { displayText } from './display-text';
import type {
  ColourCounts,
  CountGroup,
  CriterionStatus,
  FeatureStatus,
  MilestoneStatus,
  PageStatus,
  PlanItemStatus,
  PlanState,
  ReleaseSpan,
} from '../../../../shared/status/model';

export interface StatusOptions {
  /** The day relative numbers count from (days to GA, overdue): the caller's today, or a fixed day in tests. */
  today: YMD;
  /** Status, priority and plan vocabularies (the page legend's values are added). */
  config?: ResolvedConfig;
  /**
   * List the findings in `problems.items` (default true). The preview shows only their counts and links to
   * the Problems panel: it asks without the list (a big page has tens of thousands of findings).
   */
  problemList?: boolean;
}

/** The calendar day of a `Date` in its local time zone (the caller's "today"). */
export function ymdOf(date: Date): YMD {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

export function emptyCounts(): ColourCounts {
  return { green: 0, orange: 0, red: 0, other: 0, unset: 0, total: 0 };
}

function count(c: ColourCounts, f: FeatureStatus): void {
  c[f.colour]++;
  c.total++;
}

function countAll(features: readonly FeatureStatus[]): ColourCounts {
  const c = emptyCounts();
  for (const f of features) count(c, f);
  return c;
}

/** Counts per group in first-appearance order; `first` names go first in that order, the null group last. */
function groupBy(
  features: readonly FeatureStatus[],
  key: (f: FeatureStatus) => string | null,
  first: readonly string[] = [],
): CountGroup[] {
  const groups = new Map<string | null, ColourCounts>();
  for (const name of first) groups.set(name, emptyCounts());
  for (const f of features) {
    const k = key(f);
    let c = groups.get(k);
    if (!c) groups.set(k, (c = emptyCounts()));
    count(c, f);
  }
  const out: CountGroup[] = [];
  for (const [name, counts] of groups) if (name !== null && counts.total) out.push({ name, counts });
  const unset = groups.get(null);
  if (unset?.total) out.push({ name: null, counts: unset });
  return out;
}

/** The findings as the dashboard lists them, and their count per severity (read in page order, without making the findings' list). */
function problems(result: CheckResult, list: boolean): PageStatus['problems'] {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const items: PageStatus['problems']['items'] = [];
  eachFinding(result, (f) => {
    counts[f.severity]++;
    if (list) items.push({ line: f.range.start.line, severity: f.severity, rule: f.rule, message: f.message });
  });
  return { counts, items };
}

function milestones(page: PageModel, today: number): MilestoneStatus[] {
  const out: MilestoneStatus[] = [];
  page.timelines.forEach((tl, timeline) => {
    for (const m of tl.milestones) {
      const date = m.date ? statusDate(page, m.date.token) : null;
      const actual = m.actual ? statusDate(page, m.actual.token) : null;
      out.push({
        line: m.line,
        label: m.label,
        kind: m.kind,
        release: tl.release,
        timeline,
        date,
        superseded: m.superseded.map((d) => statusDate(page, d.token)),
        cancelled: m.cancelled,
        days: date?.iso ? isoDay(date.iso) - today : null,
        owner: m.owner,
        actual,
        slipDays: date?.iso && actual?.iso ? isoDay(actual.iso) - isoDay(date.iso) : null,
      });
    }
  });
  return out;
}

/**
 * One release per row of a per-version phase table (timelines read with `source: 'phases'`): its phases
 * in column order, from the first dated phase to the last. The row's milestones are already in `ms`.
 */
function releases(page: PageModel, ms: readonly MilestoneStatus[]): ReleaseSpan[] {
  const out: ReleaseSpan[] = [];
  const byTimeline = new Map<number, ReleaseSpan['phases']>();
  for (const m of ms) {
    let list = byTimeline.get(m.timeline);
    if (!list) byTimeline.set(m.timeline, (list = []));
    list.push({ label: m.label, kind: m.kind, date: m.date });
  }
  page.timelines.forEach((tl, timeline) => {
    if (tl.source !== 'phases') return;
    const phases = byTimeline.get(timeline) ?? [];
    const dated = phases.filter((p) => p.date?.iso);
    out.push({
      line: tl.line,
      version: tl.release ?? tl.heading ?? `Row ${out.length + 1}`,
      timeline,
      tableLine: tl.tableLine ?? tl.line,
      start: dated.at(0)?.date ?? null,
      end: dated.at(-1)?.date ?? null,
      phases,
    });
  });
  return out;
}

const PLAN_STATES: Record<string, PlanState> = {
  complete: 'done',
  completed: 'done',
  done: 'done',
  'in progress': 'active',
  started: 'active',
  'not started': 'planned',
  planned: 'planned',
  blocked: 'blocked',
  cancelled: 'cancelled',
};

function plan(page: PageModel, config: ResolvedConfig): PlanItemStatus[] {
  return page.plan.map((m) => {
    let state: PlanState = 'unset';
    let status: string | null = null;
    if (m.status) {
      const v = readValue(m.status, config.planStatuses);
      status = plainText(m.status.text) || null;
      if (v.state === 'ok' || v.state === 'case') state = PLAN_STATES[v.match.toLowerCase()] ?? 'other';
      else if (v.state === 'unknown') state = 'other';
    }
    return { line: m.line, title: m.title, when: m.when, goal: m.goal === null ? null : displayText(m.goal), status, state };
  });
}

function criteria(page: PageModel): { items: CriterionStatus[]; counts: Array<{ keyword: string; count: number }> } {
  const items = page.criteria.map((c) => ({ line: c.line, keyword: c.keyword.toUpperCase(), text: displayText(c.text) }));
  const order = ['MUST', 'SHOULD', 'MAY'];
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const c of items) counts.set(c.keyword, (counts.get(c.keyword) ?? 0) + 1);
  return { items, counts: [...counts].filter(([, n]) => n > 0).map(([keyword, count]) => ({ keyword, count })) };
}

function updated(page: PageModel): string | null {
  for (const key of ['last_updated', 'wiki_last_updated', 'updated']) {
    const f = page.frontMatter?.fields.get(key);
    if (f && (f.type === 'string' || f.type === 'other') && f.raw.trim()) return f.raw.trim().replace(/^['"]|['"]$/g, '');
  }
  return null;
}

export function buildStatus(result: CheckResult, options: StatusOptions): PageStatus {
  const { page } = result;
  const config = options.config ?? DEFAULT_CONFIG;
  const today = dayNumber(options.today.year, options.today.month, options.today.day);
  const vocab = featureVocabulary(page, config);
  const features = readFeatures(page, vocab, today);
  const ms = milestones(page, today);
  const gaDate = page.gaDate ? statusDate(page, page.gaDate.token) : null;
  const next = ms
    .filter((m) => m.days !== null && m.days >= 0 && !m.cancelled && m.date?.iso)
    .sort((a, b) => (a.days ?? 0) - (b.days ?? 0) || a.line - b.line)
    .at(0); // none when no milestone is ahead
  const crit = criteria(page);
  const planItems = plan(page, config);
  return {
    schema: 1,
    title: page.title,
    release: page.release,
    kind: page.kind,
    isReleasePage: result.isReleasePage,
    asOf: toIso(options.today.year, options.today.month, options.today.day),
    updated: updated(page),
    ga:
      page.gaDate && gaDate
        ? { line: page.gaDate.range.start.line, date: gaDate, days: gaDate.iso ? isoDay(gaDate.iso) - today : null }
        : null,
    milestones: ms,
    releases: releases(page, ms),
    next: next?.date?.iso && next.days !== null ? { line: next.line, label: next.label, iso: next.date.iso, days: next.days } : null,
    features,
    counts: countAll(features),
    byTeam: groupBy(features, (f) => f.team),
    byPriority: groupBy(features, (f) => f.priority, vocab.priorities),
    byStatus: groupBy(features, (f) => (f.colour === 'unset' ? null : f.statusLabel), vocab.statuses),
    mustNotGreen: features.filter((f) => f.mustNotGreen).map((f) => f.line),
    overdue: features.filter((f) => f.overdue).map((f) => f.line),
    criteria: crit.items,
    criteriaCounts: crit.counts,
    plan: planItems,
    planProgress: planItems.length ? { done: planItems.filter((p) => p.state === 'done').length, total: planItems.length } : null,
    problems: problems(result, options.problemList !== false),
  };
}
