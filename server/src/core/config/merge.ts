/** Configuration shapes: what a `.release-pages.yaml` may say, and the resolved result rules read. */
import type { MilestoneKind } from '../model/page-model';
import type { SeveritySetting } from '../findings';
import type { TableDecl } from '../model/schema';

export interface RuleSetting {
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

/** One config file (or the editor settings) as written; every field optional. */
export interface PartialConfig {
  extends?: string[];
  rules?: Record<string, RuleSetting>;
  statuses?: string[];
  priorities?: string[];
  planStatuses?: string[];
  milestoneOrder?: MilestoneKind[];
  include?: string[];
  /** `iso`, `page` (the page's predominant style) or a pattern such as `dddd Do MMMM YYYY` (date-format). */
  dateFormat?: string;
  exclude?: string[];
  /** Globs (relative to the config file's folder) of pages the CLI leaves out. */
  ignores?: string[];
  /** Table declarations (config/tables.ts): matched before the bases' and the built-in profiles. */
  tables?: TableDecl[];
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  statuses: string[];
  priorities: string[];
  planStatuses: string[];
  milestoneOrder: MilestoneKind[];
  include: string[];
  dateFormat: string;
  /** Globs of pages never taken as release pages, whatever their evidence (`--all` still checks them). */
  exclude: string[];
  ignores: string[];
  /** Table declarations, the nearest layer's first; the built-in profiles (model/profiles.ts) come after them. */
  tables: TableDecl[];
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  statuses: ['Green', 'Orange', 'Red'],
  priorities: ['Must', 'Should', 'Optional'],
  planStatuses: ['Complete', 'Completed', 'Done', 'In progress', 'Started', 'Not started', 'Blocked', 'Planned', 'Cancelled'],
  milestoneOrder: ['alpha', 'freeze', 'beta', 'rc', 'ga'],
  include: [],
  dateFormat: 'page',
  exclude: [],
  ignores: [],
  tables: [],
};

/** The setting of rule `id`, or undefined when no layer of the configuration names that rule. */
export function ruleSetting(rules: Readonly<Record<string, RuleSetting>>, id: string): RuleSetting | undefined {
  return rules[id];
}

export function mergeConfig(base: ResolvedConfig, over: PartialConfig): ResolvedConfig {
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, s] of Object.entries(over.rules ?? {})) {
    const prev = ruleSetting(rules, id);
    rules[id] = { severity: s.severity ?? prev?.severity, options: { ...(prev?.options ?? {}), ...s.options } };
  }
  return {
    rules,
    statuses: over.statuses ?? base.statuses,
    priorities: over.priorities ?? base.priorities,
    planStatuses: over.planStatuses ?? base.planStatuses,
    milestoneOrder: over.milestoneOrder ?? base.milestoneOrder,
    include: over.include ?? base.include,
    dateFormat: over.dateFormat ?? base.dateFormat,
    exclude: over.exclude ?? base.exclude,
    ignores: over.ignores ?? base.ignores,
    tables: over.tables?.length ? [...over.tables, ...base.tables] : base.tables,
  };
}

/**
 * Two layers as one: `mergeConfig(mergeConfig(b, under), over)` equals `mergeConfig(b, composeConfig(under, over))`
 * for every base b. So the loader can flatten each file of an `extends` chain once and reuse it wherever
 * the file is named again (a diamond costs one read per file). `extends` itself is not kept.
 */
export function composeConfig(under: PartialConfig, over: PartialConfig): PartialConfig {
  const out: PartialConfig = {};
  if (under.rules || over.rules) {
    const rules: Record<string, RuleSetting> = { ...(under.rules ?? {}) };
    for (const [id, s] of Object.entries(over.rules ?? {})) {
      const prev = ruleSetting(rules, id);
      rules[id] = { severity: s.severity ?? prev?.severity, options: { ...(prev?.options ?? {}), ...s.options } };
    }
    out.rules = rules;
  }
  for (const key of ['statuses', 'priorities', 'planStatuses', 'include', 'exclude', 'ignores'] as const) {
    const v = over[key] ?? under[key];
    if (v) out[key] = v;
  }
  const order = over.milestoneOrder ?? under.milestoneOrder;
  if (order) out.milestoneOrder = order;
  const tables = [...(over.tables ?? []), ...(under.tables ?? [])];
  if (tables.length) out.tables = tables;
  const dateFormat = over.dateFormat ?? under.dateFormat;
  if (dateFormat !== undefined) out.dateFormat = dateFormat;
  return out;
}
