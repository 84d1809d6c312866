/** Dates in release pages: scanning values for date tokens, calendar helpers, page-level inference. */
export type { DateFormat, DateToken, DateTokenKind, SlashOrder, Weekday, YMD } from './date-token';
export {
  daysInMonth,
  dayNumber,
  fromDayNumber,
  invalidDateReason,
  isoDay,
  isLeapYear,
  isValidDate,
  monthFromName,
  monthName,
  parseIsoDate,
  toIso,
  weekdayFromName,
  weekdayName,
  weekdayOf,
} from '../../../../shared/calendar';
export { isUnsetValue, stripValueMarkup, struckRanges } from './markup';
export { mayHoldPlaceholder, scanDates } from './scan';
export { slashOrder } from './scan-drafts';
export { inferSlashOrder, inferYear, resolveSlash, yearFromWeekday } from './infer';
export type { YearContext } from './infer';
export { DATE_STYLES, formatDate, ISO_PATTERN, patternProblem, predominantStyle, styleOf } from './style';
export { ordinalSuffix, ZONE_OFFSETS } from './scan-parts';
export { formatUtc, utcInstant } from './instant';
export { zoneLabelOn } from './daylight';
