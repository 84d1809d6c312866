/** Editor settings (`releasePages.*`) → configuration the core understands. */
import {
  DEFAULT_FORMAT_OPTIONS,
  type FormatOptions,
  type PartialConfig,
  RULES_BY_ID,
  type RuleSetting,
  type SeveritySetting,
  tablesFromSettings,
} from './core';

export interface EditorSettings {
  enable: boolean;
  include: string[];
  /** `releasePages.exclude`: globs of pages never checked, whatever their evidence (`include` wins). */
  exclude: string[];
  debounceMs: number;
  config: PartialConfig;
  /** `releasePages.config.allowExtends`: files or folders outside the workspace that `extends` may name. */
  allowExtends: string[];
  /** `releasePages.format.*`: whether the server is a Markdown formatter (tables only), and how it lays tables out. */
  format: FormatOptions & { enable: boolean };
  /** What in these settings could not be read and was left out (`releasePages.tables` entries), one message each. */
  problems: string[];
}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

/** A settings section as an object of unknown values; anything else (missing, a string) reads as empty. */
function section(v: unknown): Record<string, unknown> {
  return (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
}

/** `releasePages.rules`: known rule ids with a known severity; anything else is ignored. */
function ruleSeverities(v: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, sev] of Object.entries(section(v))) {
    if (RULES_BY_ID.has(id) && typeof sev === 'string' && SEVERITIES.has(sev))
      rules[id] = { severity: sev as SeveritySetting, options: {} };
  }
  return rules;
}

export function readSettings(raw: unknown): EditorSettings {
  const s = section(raw);
  const rules = ruleSeverities(s.rules);
  const validate = section(s.validate);
  const debounce = typeof validate.debounceMs === 'number' && validate.debounceMs >= 0 ? validate.debounceMs : 150;
  const format = section(s.format);
  const configSection = section(s.config);
  const tables = tablesFromSettings(s.tables);
  return {
    enable: s.enable !== false,
    include: strings(s.include) ?? [],
    exclude: strings(s.exclude) ?? [],
    debounceMs: debounce,
    // `releasePages.tables`: declarations that do not read are left out, and said in `problems`.
    config: { rules, statuses: strings(s.statuses), priorities: strings(s.priorities), tables: tables.tables },
    allowExtends: (strings(configSection.allowExtends) ?? []).filter((a) => a.trim() !== ''),
    format: {
      enable: format.enable !== false,
      style: format.style === 'compact' ? 'compact' : DEFAULT_FORMAT_OPTIONS.style,
      maxColumnWidth:
        typeof format.maxColumnWidth === 'number' && format.maxColumnWidth >= 0
          ? Math.floor(format.maxColumnWidth)
          : DEFAULT_FORMAT_OPTIONS.maxColumnWidth,
    },
    problems: tables.problems,
  };
}
