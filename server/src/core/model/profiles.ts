/**
 * The built-in table profiles, written as the same declarations a configuration's `tables:` gives
 * (model/schema.ts): the oVirt features table, support-policy tables, schedule tables and generic status
 * tables. Their header names are the ones the model recognised before profiles existed (`COLUMN_NAMES`,
 * model/schedule-columns.ts) plus the generic status and support headers named in docs/configuration.md.
 * Built-in columns describe; they add no finding of their own (required and typed checks, closed
 * vocabularies are the configuration's).
 */
import type { StatusColour } from '../../../../shared/status/model';
import { bareEmoji, COLOUR_EMOJI } from './emoji';
import type { ColumnKey } from './page-model';
import type { ColumnDecl, ColumnType, SchemaValue, TableDecl } from './schema';

/** Header names per column key: what `mapColumns` (model/tables.ts) sets `TableModel.columns` from. */
export const COLUMN_NAMES: Record<ColumnKey, readonly string[]> = {
  status: ['status', 'dev - status', 'dev status', 'dev-status', 'state', 'development status'],
  priority: ['release priority', 'priority'],
  target: ['target date', 'target', 'eta', 'due date', 'due'],
  owner: ['owner', 'owners'],
  feature: ['feature', 'feature name', 'features'],
  team: ['functional team', 'team'],
  testPage: ['test page', 'test pages'],
  remarks: ['remarks', 'remark', 'comments', 'comment', 'notes'],
  date: ['date', 'dates'],
  milestone: ['milestone', 'milestones'],
};

/** The built-in status profile's emoji values (`🟢`, `:green_circle:`…), ranked green, orange, red. */
const COLOUR_RANK = { green: 0, orange: 1, red: 2 } as const;
export const STATUS_EMOJI: readonly SchemaValue[] = COLOUR_EMOJI.flatMap((c) =>
  [bareEmoji(c.glyph), ...c.codes.map((code) => `:${code}:`)].map((value) => ({ value, colour: c.colour, rank: COLOUR_RANK[c.colour] })),
);

/** Generic status headers (`Status | State | Health | RAG | Phase | Risk | Support`). */
const STATUS_HEADERS = ['status', 'state', 'health', 'rag', 'rag status', 'phase', 'risk', 'support'];

/** Support-policy statuses with their colours (the usual words of support tables; open: others are not unknown). */
const SUPPORT_VALUES: readonly SchemaValue[] = [
  ['Supported', 'green'],
  ['Active', 'green'],
  ['Current', 'green'],
  ['LTS', 'green'],
  ['Maintenance', 'orange'],
  ['Security fixes only', 'orange'],
  ['Security', 'orange'],
  ['Deprecated', 'orange'],
  ['End of life', 'red'],
  ['EOL', 'red'],
  ['Unsupported', 'red'],
  ['Not supported', 'red'],
].map(([value, colour], rank) => ({ value, colour: colour as StatusColour, rank }));

function col(profile: string, names: readonly string[], type: ColumnType, values: readonly SchemaValue[] | null = null): ColumnDecl {
  return { names, type, values, required: false, pattern: null, origin: { kind: 'builtin', profile } };
}

const VERSION_NAMES = [
  'version',
  'versions',
  'release',
  'releases',
  'release line',
  'release series',
  'branch',
  'series',
  'minor release',
  'minor version',
  'kubernetes version',
  'k8s version',
];
const END_NAMES = ['end of life', 'end-of-life', 'eol', 'eol date', 'end of support', 'support ends', 'supported until', 'maintenance end'];
const RELEASE_DATE_NAMES = ['release date', 'released', 'released on', 'date', 'ga date', 'initial release', 'first release'];

/** The built-in profiles, in the order they are tried (after the configuration's tables). */
export const BUILTIN_PROFILES: readonly TableDecl[] = [
  {
    name: 'oVirt features',
    headerGroups: [COLUMN_NAMES.feature, [...COLUMN_NAMES.status, ...COLUMN_NAMES.priority]],
    heading: null,
    columns: [
      col('oVirt features', COLUMN_NAMES.feature, 'text'),
      col('oVirt features', COLUMN_NAMES.status, 'status'),
      col('oVirt features', COLUMN_NAMES.priority, 'priority'),
      col('oVirt features', COLUMN_NAMES.target, 'date'),
      col('oVirt features', COLUMN_NAMES.owner, 'person'),
      col('oVirt features', COLUMN_NAMES.team, 'text'),
      col('oVirt features', COLUMN_NAMES.testPage, 'link'),
      col('oVirt features', COLUMN_NAMES.remarks, 'text'),
    ],
    origin: { kind: 'builtin', profile: 'oVirt features' },
  },
  {
    name: 'Support policy',
    headerGroups: [VERSION_NAMES, [...END_NAMES, 'status', 'support', 'supported']],
    heading: null,
    columns: [
      col('Support policy', VERSION_NAMES, 'version'),
      col('Support policy', RELEASE_DATE_NAMES, 'date'),
      col('Support policy', END_NAMES, 'date'),
      col('Support policy', ['status', 'support', 'supported'], 'status', SUPPORT_VALUES),
    ],
    origin: { kind: 'builtin', profile: 'Support policy' },
  },
  {
    name: 'Schedule',
    headerGroups: [],
    heading: null,
    schedule: true,
    columns: [
      col(
        'Schedule',
        ['date', 'dates', 'when', 'target', 'target date', 'due', 'due date', 'deadline', 'eta', 'expected', 'planned', 'day'],
        'date',
      ),
      col('Schedule', ['actual', 'actual date', 'released', 'released on'], 'date'),
      col(
        'Schedule',
        ['what', 'milestone', 'milestones', 'event', 'events', 'description', 'task', 'tasks', 'activity', 'step', 'name'],
        'text',
      ),
      col('Schedule', ['who', 'owner', 'owners', 'lead', 'leads', 'assignee', 'responsible', 'driver', 'contact'], 'person'),
      col('Schedule', STATUS_HEADERS, 'status', STATUS_EMOJI),
    ],
    origin: { kind: 'builtin', profile: 'Schedule' },
  },
  {
    name: 'Status',
    headerGroups: [STATUS_HEADERS],
    heading: null,
    columns: [col('Status', STATUS_HEADERS, 'status', STATUS_EMOJI), col('Status', COLUMN_NAMES.owner, 'person')],
    origin: { kind: 'builtin', profile: 'Status' },
  },
];
