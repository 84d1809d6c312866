import { dayNumber, toIso } from '../dates';
import type { Milestone, Timeline } from '../model/page-model';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

interface Release {
  m: Milestone;
  tl: Timeline;
  day: number;
  iso: string;
}

/** The release a timeline is for, written one way (`v1.29` and `1.29` are one release). */
function releaseKey(tl: Timeline): string | null {
  return tl.release
    ? tl.release
        .trim()
        .toLowerCase()
        .replace(/^v(?=\d)/, '')
    : null;
}

function where(tl: Timeline): string {
  if (tl.source === 'bullets') return 'the list';
  if (tl.source === 'headings') return 'the headings';
  return 'the table';
}

export const rule: Rule = {
  meta: {
    id: 'release-date-conflict',
    description: "A release's date (GA) that differs between two schedules of the page (the summary list and the table).",
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const first = new Map<string, Release>();
    for (const tl of ctx.page.timelines) {
      const key = releaseKey(tl);
      const ga = tl.milestones.find((m) => m.kind === 'ga' && m.date && !m.cancelled);
      const ymd = ga?.date ? dayOf(ctx.page, ga.date.token) : null;
      if (!key || !ga?.date || !ymd) continue;
      const here: Release = { m: ga, tl, day: dayNumber(ymd.year, ymd.month, ymd.day), iso: toIso(ymd.year, ymd.month, ymd.day) };
      const before = first.get(key);
      if (!before) {
        first.set(key, here);
        continue;
      }
      if (before.day === here.day) continue;
      ctx.report({
        range: ga.date.range,
        message: `"${ga.label}" is ${here.iso} here, but ${where(before.tl)} (line ${before.m.line + 1}, "${before.m.label}") gives ${before.iso} for release ${tl.release}.`,
      });
    }
  },
};
