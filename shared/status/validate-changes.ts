/**
 * Structural check of what changed on a page (`PageChanges`) and of a feature's history, received over
 * a boundary (the webview checks what the extension posts): every field the renderer reads.
 */
import { STATUS_COLOURS } from './model';
import type { FeatureHistory, PageChanges } from './changes';

type Check = (v: unknown) => boolean;
type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr: Check = (x) => typeof x === 'string';
const isInt: Check = (x) => typeof x === 'number' && Number.isInteger(x);
const isLine: Check = (x) => isInt(x) && (x as number) >= 0;
const isBool: Check = (x) => typeof x === 'boolean';
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const fields =
  (spec: Record<string, Check>): Check =>
  (x) =>
    isObj(x) && Object.entries(spec).every(([key, check]) => check(x[key]));
const isColour: Check = (x) => (STATUS_COLOURS as readonly unknown[]).includes(x);
const isDate = fields({ text: isStr, iso: orNull((x) => isStr(x) && /^\d{4}-\d{2}-\d{2}$/.test(x as string)) });
const change = (check: Check): Check => fields({ from: check, to: check });

const isFeatureChange = fields({
  name: isStr,
  oldName: orNull(isStr),
  line: isLine,
  oldLine: isLine,
  team: orNull(isStr),
  match: (x) => x === 'link' || x === 'name' || x === 'similar',
  status: orNull((x) => change(isColour)(x) && fields({ fromLabel: isStr, toLabel: isStr, direction: isStr })(x)),
  priority: orNull(change(orNull(isStr))),
  target: orNull((x) => change(orNull(isDate))(x) && fields({ days: orNull(isInt) })(x)),
  owner: orNull(change(orNull(isStr))),
});
const isFeatureRef = fields({
  name: isStr,
  line: isLine,
  team: orNull(isStr),
  colour: isColour,
  statusLabel: isStr,
  priority: orNull(isStr),
  target: orNull(isDate),
});
const isMilestoneChange = fields({
  label: isStr,
  oldLabel: orNull(isStr),
  kind: isStr,
  release: orNull(isStr),
  line: isLine,
  oldLine: isLine,
  date: change(orNull(isDate)),
  days: orNull(isInt),
  cancelled: orNull(change(isBool)),
});
const isMilestoneRef = fields({ label: isStr, kind: isStr, release: orNull(isStr), line: isLine, date: orNull(isDate) });
const isCriterionRef = fields({ line: isLine, keyword: isStr, text: isStr });
const isSide = fields({ label: isStr, commit: orNull(isStr), date: orNull(isStr) });

const isChanges = fields({
  base: isSide,
  head: isSide,
  summary: isStr,
  counts: isObj,
  ga: orNull((x) => change(orNull(isDate))(x) && fields({ days: orNull(isInt) })(x)),
  features: listOf(isFeatureChange),
  added: listOf(isFeatureRef),
  removed: listOf(isFeatureRef),
  milestones: listOf(isMilestoneChange),
  milestonesAdded: listOf(isMilestoneRef),
  milestonesRemoved: listOf(isMilestoneRef),
  criteriaAdded: listOf(isCriterionRef),
  criteriaRemoved: listOf(isCriterionRef),
});

export function isPageChanges(x: unknown): x is PageChanges {
  return isObj(x) && x.schema === 1 && isChanges(x);
}

const isPoint = fields({ commit: isStr, date: orNull(isStr), colour: isColour, statusLabel: isStr, target: orNull(isStr), absent: isBool });

export function isFeatureHistory(x: unknown): x is FeatureHistory {
  return fields({ name: isStr, points: listOf(isPoint) })(x);
}
