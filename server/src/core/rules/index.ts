/** The rule registry: every rule, in the order README and docs list them. */
import type { Rule } from './rule';
import { rule as frontmatterSyntax } from './frontmatter-syntax';
import { rule as frontmatterField } from './frontmatter-field';
import { rule as dateInvalid } from './date-invalid';
import { rule as datePlaceholder } from './date-placeholder';
import { rule as templateLeftover } from './template-leftover';
import { rule as dateFormat } from './date-format';
import { rule as dateAmbiguous } from './date-ambiguous';
import { rule as dateIncomplete } from './date-incomplete';
import { rule as weekdayMismatch } from './weekday-mismatch';
import { rule as dateOrdinal } from './date-ordinal';
import { rule as dateRangeOrder } from './date-range-order';
import { rule as dateZoneMismatch } from './date-zone-mismatch';
import { rule as timelineOrder } from './timeline-order';
import { rule as weekMismatch } from './week-mismatch';
import { rule as releaseDateConflict } from './release-date-conflict';
import { rule as targetAfterRelease } from './target-after-release';
import { rule as statusUnknown } from './status-unknown';
import { rule as statusCase } from './status-case';
import { rule as priorityUnknown } from './priority-unknown';
import { rule as priorityCase } from './priority-case';
import { rule as legendMismatch } from './legend-mismatch';
import { rule as valueUnset } from './value-unset';
import { rule as valueUnknown } from './value-unknown';
import { rule as valueRequired } from './value-required';
import { rule as columnType } from './column-type';
import { rule as tableCellCount } from './table-cell-count';
import { rule as tableDelimiterFirst } from './table-delimiter-first';
import { rule as tableBrokenRow } from './table-broken-row';
import { rule as tableInterrupted } from './table-interrupted';
import { rule as tableCodePipe } from './table-code-pipe';
import { rule as criteriaKeyword } from './criteria-keyword';
import { rule as linkTargetSpace } from './link-target-space';
import { rule as parseLimit } from './parse-limit';

export const RULES: readonly Rule[] = [
  frontmatterSyntax,
  frontmatterField,
  dateInvalid,
  datePlaceholder,
  templateLeftover,
  dateFormat,
  dateAmbiguous,
  dateIncomplete,
  weekdayMismatch,
  dateOrdinal,
  dateRangeOrder,
  dateZoneMismatch,
  timelineOrder,
  weekMismatch,
  releaseDateConflict,
  targetAfterRelease,
  statusUnknown,
  statusCase,
  priorityUnknown,
  priorityCase,
  legendMismatch,
  valueUnset,
  valueUnknown,
  valueRequired,
  columnType,
  tableCellCount,
  tableDelimiterFirst,
  tableBrokenRow,
  tableInterrupted,
  tableCodePipe,
  criteriaKeyword,
  linkTargetSpace,
  parseLimit,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export type { Rule, RuleMeta, RuleContext } from './rule';
