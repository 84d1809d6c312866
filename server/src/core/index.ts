/**
 * The one way into the core from outside it (the language server, the CLI, the node-side helpers).
 * Everything here is pure: no I/O, no `vscode`, no LSP, no Node built-ins. Unit tests may reach inside
 * the core to test a piece on its own; production code outside `server/src/core/` imports only this
 * file (enforced by the `layers/allowed-imports` lint rule, see docs/ARCHITECTURE.md).
 */
import { RULES_BY_ID } from './rules';
import { parseConfigText as parseConfigTextFor, type ParsedConfig } from './config/parse';

// Text and positions
export type { Complete, Finding, Fix, Position, Range, Severity, SeveritySetting, TextEdit } from './findings';
export { SEVERITIES } from './findings';
export { lineStarts, listed, shownText, splitLines, type SourceLine } from './lines';
export { applyChanges, type TextChange } from './edits';
export { diffLines, type LineDiff } from './diff';
export { firstAtOrAfter } from './arrays';

// Checking
export { checkText, eachFinding, Engine, findingCount, type CheckOptions, type CheckResult, type EngineOptions } from './engine';
export type { RegionReadOptions } from './markdown/region-read';
export type { ParseMarkdown } from './markdown/remark-parser';
export type { FindingParts } from './incremental/finding-parts';
export { severest } from './incremental/shown-findings';
export { drain, type Steps } from './incremental/steps';
export { RULES, RULES_BY_ID, type Rule, type RuleMeta } from './rules';
export type { PageModel, TableModel } from './model/page-model';
export type { Detection, DetectionEvidence } from './model/page-model';
export { explainDetection, RELEASE_PAGE_THRESHOLD, type DetectionExplanation } from './model/detect';
export { mayBeReleasePage } from './model/detect-scan';

// Fixes and formatting
export { applyFixGroups, fixAllEdits, fixAllGroups, lineStartsOf, offsetAt, selectFixEdits } from './fix';
export { applyLineEdits, DEFAULT_FORMAT_OPTIONS, formatTables, formatText, tableAtLine, tablesInLines, type FormatOptions } from './format';

// What the core is given rather than imports
export { provideYaml, type YamlParser } from './yaml';

// Configuration
export { composeConfig, DEFAULT_CONFIG, mergeConfig, type PartialConfig, type ResolvedConfig, type RuleSetting } from './config/merge';
export type { ConfigPosition, ConfigProblem, FileConfigProblem, ParsedConfig } from './config/parse';
export { capProblemsPerFile } from './config/parse';
export { tablesFromSettings } from './config/tables';
export type { TableSchema, SchemaColumn, SchemaValue, ColumnType, TableDecl } from './model/schema';

/** Reads a configuration file's text as data, checking rule ids against the rules the core has. */
export function parseConfigText(text: string, file: string | null = null): ParsedConfig {
  return parseConfigTextFor(text, RULES_BY_ID, file);
}

// Dates
export { dayNumber, parseIsoDate, type YMD } from './dates';

// Status model
export { buildStatus, compareStatus, daysBetween, matchFeatures, ymdOf, type CompareSides, type StatusOptions } from './status';
export { featureHistory, type HistoryOptions, type PageVersion } from './status';

// Editor features
export { codeActions, disableEdit, kindMatches } from './editor/actions';
export { completionsAt } from './editor/completion';
export { distanceToGa, distanceToToday, hoverAt } from './editor/hover';
export { tableSummaries } from './editor/lens';
export { documentSymbols } from './editor/symbols';
export {
  convertToTable,
  detectTabular,
  reorderTableRows,
  TABLE_OPS,
  tableEdit,
  type SortType,
  type TableEditOptions,
  type TableEditResult,
  type TableOp,
  type TabularKind,
} from './editor/table-edit';
export { featureVocabulary } from './vocabulary';
export {
  FIX_ALL_KIND,
  type CompletionEntry,
  type CompletionKind,
  type EditorAction,
  type SymbolKindName,
  type SymbolNode,
  type TableSummary,
} from './editor/results';
