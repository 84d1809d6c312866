/** Reads a `.release-pages.yaml`/`.yml`/`.json` text as data (never code), reporting problems with positions. */
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { yaml } from '../yaml';
import type { MilestoneKind } from '../model/page-model';
import type { SeveritySetting } from '../findings';
import { shownText } from '../lines';
import { patternProblem } from '../dates/style';
import type { PartialConfig, RuleSetting } from './merge';
import { tablesOf } from './tables';

export interface ConfigProblem {
  message: string;
  /** 0-based */
  line: number;
  column: number;
}

/** A configuration problem in a named file: what the file-reading loaders (Node, web) report. */
export interface FileConfigProblem extends ConfigProblem {
  file: string;
}

/** At most `max` problems per file, then one that says how many more there are. */
export function capProblemsPerFile(problems: readonly FileConfigProblem[], max: number): FileConfigProblem[] {
  const count = new Map<string, number>();
  const out: FileConfigProblem[] = [];
  for (const p of problems) {
    const n = (count.get(p.file) ?? 0) + 1;
    count.set(p.file, n);
    if (n <= max) out.push(p);
  }
  for (const [file, n] of count)
    if (n > max) out.push({ file, line: 0, column: 0, message: `${n - max} more problems in this file are not shown.` });
  return out;
}

/** A 0-based position in the configuration text (where each `extends` entry is written). */
export interface ConfigPosition {
  line: number;
  column: number;
}

export interface ParsedConfig {
  config: PartialConfig;
  problems: ConfigProblem[];
  /** Where each entry of `config.extends` is written (same order), for problems about the file it names. */
  extendsAt: ConfigPosition[];
}

/** A message from the YAML parser: its first line, capped (it may quote the file). */
function yamlMessage(message: string): string {
  return shownText(message.split('\n')[0], 160);
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
const MILESTONE_KINDS: readonly MilestoneKind[] = ['alpha', 'freeze', 'beta', 'test-day', 'rc', 'ga'];
const LIST_KEYS = ['statuses', 'priorities', 'planStatuses', 'include', 'exclude', 'ignores'] as const;

/** Reports a problem at a node of the configuration (its start; the file's start when there is none). */
type ReportAt = (node: YamlNode | null | undefined, message: string) => void;

type YamlDocument = Document.Parsed;

/** The YAML parser's errors, and its warnings about tags (refused: the file is data). */
function yamlProblems(doc: YamlDocument, lc: LineCounter): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const e of doc.errors) {
    const pos = lc.linePos(e.pos[0]);
    problems.push({ message: yamlMessage(e.message), line: pos.line - 1, column: pos.col - 1 });
  }
  // The file is data: a tag such as `!!js/function` or `!custom` has no meaning here, so it is refused, not read as text.
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    const pos = lc.linePos(w.pos[0]);
    problems.push({
      message: `${yamlMessage(w.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''))}: YAML tags are not supported (the configuration is data only).`,
      line: pos.line - 1,
      column: pos.col - 1,
    });
  }
  return problems;
}

/** A list of strings (`extends` may also be one string), or null after reporting why not. */
function stringList(node: YamlNode | null, key: string, at: ReportAt): string[] | null {
  const { isScalar, isSeq } = yaml();
  if (isScalar(node) && typeof node.value === 'string' && key === 'extends') return [node.value];
  if (!isSeq(node) || !node.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
    at(node, `\`${key}\` must be a list of strings.`);
    return null;
  }
  return node.items.map((i) => String((i as { value: unknown }).value));
}

/** `milestoneOrder`: a list of known milestone kinds, or null after reporting the unknown ones. */
function milestoneOrder(value: YamlNode | null, at: ReportAt): MilestoneKind[] | null {
  const list = stringList(value, 'milestoneOrder', at);
  if (!list) return null;
  const bad = list.filter((k) => !(MILESTONE_KINDS as readonly string[]).includes(k));
  if (bad.length) {
    at(
      value,
      `Unknown milestone kind ${bad
        .slice(0, 5)
        .map((b) => `"${shownText(b)}"`)
        .join(', ')}${bad.length > 5 ? ` (and ${bad.length - 5} more)` : ''}: use ${MILESTONE_KINDS.join(', ')}.`,
    );
    return null;
  }
  return list as MilestoneKind[];
}

/** `dateFormat`: `iso`, `page` or a date pattern, or null after reporting what is wrong. */
function dateFormatOf(value: YamlNode | null, at: ReportAt): string | null {
  const { isScalar } = yaml();
  const format = isScalar(value) && typeof value.value === 'string' ? value.value : null;
  if (format === null) {
    at(value, '`dateFormat` must be `iso`, `page` or a pattern such as `dddd Do MMMM YYYY`.');
    return null;
  }
  const problem = format === 'iso' || format === 'page' ? null : patternProblem(format);
  if (problem) at(value, `\`dateFormat\`: ${problem} (e.g. \`dddd Do MMMM YYYY\`).`);
  return problem ? null : format;
}

/** One rule's value: a severity, or `{ severity, …options }`; null after reporting what is wrong. */
function ruleSettingOf(v: YamlNode | null, id: string, at: ReportAt): RuleSetting | null {
  const { isMap, isScalar } = yaml();
  if (isScalar(v) && typeof v.value === 'string') {
    if ((SEVERITY_SETTINGS as readonly string[]).includes(v.value)) return { severity: v.value as SeveritySetting, options: {} };
    at(v, `Severity of "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
    return null;
  }
  if (!isMap(v)) {
    at(v, `Rule "${id}" needs a severity (${SEVERITY_SETTINGS.join(', ')}) or { severity, …options }.`);
    return null;
  }
  let obj: Record<string, unknown>;
  try {
    obj = v.toJSON() as Record<string, unknown>;
  } catch (e) {
    at(v, `Options of "${id}" cannot be read: ${yamlMessage(e instanceof Error ? e.message : String(e))}`);
    return null;
  }
  const { severity, ...options } = obj;
  if (severity !== undefined && !(SEVERITY_SETTINGS as readonly unknown[]).includes(severity)) {
    at(v, `Severity of "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')}.`);
    return null;
  }
  return { severity: severity as SeveritySetting | undefined, options };
}

/** `rules`: a map of known rule ids to their settings, or null after reporting that it is no map. */
function ruleSettings(value: YamlNode | null, ruleIds: { has(id: string): boolean }, at: ReportAt): Record<string, RuleSetting> | null {
  const { isMap, isScalar } = yaml();
  if (!isMap(value)) {
    at(value, '`rules` must map rule ids to a severity or to { severity, …options }.');
    return null;
  }
  const rules: Record<string, RuleSetting> = {};
  for (const rp of value.items) {
    const idNode = rp.key as YamlNode | null;
    const id = isScalar(idNode) ? String(idNode.value) : '';
    if (!ruleIds.has(id)) {
      at(idNode, `Unknown rule "${shownText(id)}".`);
      continue;
    }
    const setting = ruleSettingOf(rp.value as YamlNode | null, id, at);
    if (setting) rules[id] = setting;
  }
  return rules;
}

/** The keys whose values have a shape of their own: `milestoneOrder`, `dateFormat`, `tables`. */
function readShaped(
  config: PartialConfig,
  key: 'milestoneOrder' | 'dateFormat' | 'tables',
  value: YamlNode | null,
  at: ReportAt,
  where: (node: YamlNode | null | undefined) => { file: string | null; line: number },
): void {
  if (key === 'milestoneOrder') {
    const order = milestoneOrder(value, at);
    if (order) config.milestoneOrder = order;
  } else if (key === 'dateFormat') {
    const format = dateFormatOf(value, at);
    if (format !== null) config.dateFormat = format;
  } else {
    const tables = tablesOf(value, where(value).file, (node) => where(node).line, at);
    if (tables) config.tables = tables;
  }
}

/**
 * Reads a configuration text; `ruleIds` are the rule ids it may name (the core's index passes the registry's);
 * `file` is the file's name as shown where a table declaration is described (hover), null when unknown.
 */
export function parseConfigText(text: string, ruleIds: { has(id: string): boolean }, file: string | null = null): ParsedConfig {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const extendsAt: ConfigPosition[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, strict: false });
  const problems = yamlProblems(doc, lc);
  const position = (node: YamlNode | null | undefined): ConfigPosition => {
    const pos = lc.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line - 1, column: pos.col - 1 };
  };
  const at: ReportAt = (node, message) => {
    problems.push({ message, ...position(node) });
  };
  const config: PartialConfig = {};
  if (problems.length || doc.contents === null) return { config, problems, extendsAt };
  if (!isMap(doc.contents)) {
    at(doc.contents, 'The configuration must be a mapping (key: value).');
    return { config, problems, extendsAt };
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'extends') {
      const list = stringList(value, key, at);
      if (list) {
        config.extends = list;
        if (isSeq(value)) for (const item of value.items) extendsAt.push(position(item as YamlNode));
        else extendsAt.push(position(value));
      }
    } else if ((LIST_KEYS as readonly string[]).includes(key)) {
      const list = stringList(value, key, at);
      if (list) config[key as (typeof LIST_KEYS)[number]] = list;
    } else if (key === 'milestoneOrder' || key === 'dateFormat' || key === 'tables') {
      readShaped(config, key, value, at, (node) => ({ file, line: position(node).line }));
    } else if (key === 'rules') {
      const rules = ruleSettings(value, ruleIds, at);
      if (rules) config.rules = rules;
    } else {
      // Only the key, capped and escaped: a foreign file (a password list) must not be echoed into logs.
      at(keyNode, `Unknown setting "${shownText(key)}".`);
    }
  }
  return { config, problems, extendsAt };
}
