/**
 * Our engine as benchmark subjects: cold full check, incremental re-check, formatting, status model.
 * The core is loaded from a bundle the parent builds at run time (out/bench/core.js), so the optional
 * parts (formatter, status model) are found only if they exist now, and all parts share one module graph.
 */
import { createRequire } from 'node:module';
import { type CheckResult, type Engine } from '../server/src/core';
import { cellSpan, editCell, prng, statusEdit, STATUS_COLUMN } from './generate';
import { collectGarbage, measurePages, pageFor, runChild, sample, Samples, schedule, type ChildPlan, type Measurement } from './harness';

type EngineClass = new () => Engine;
type FormatText = (text: string, options: unknown, engine?: Engine) => { edits: unknown[] };
type BuildStatus = (result: CheckResult, options: { today: { year: number; month: number; day: number } }) => unknown;

interface Core {
  Engine: EngineClass;
  format?: Record<string, unknown>;
  status?: Record<string, unknown>;
  /** Why an optional part is missing (set by the parent when it could not bundle it). */
  missing?: Record<string, string>;
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function loadCore(plan: ChildPlan): Core {
  if (!plan.core) throw new Error('no core bundle in the plan');
  const m: unknown = createRequire(__filename)(plan.core);
  if (!isRecord(m) || typeof m.Engine !== 'function') throw new Error(`${plan.core} exports no Engine`);
  return {
    Engine: m.Engine as EngineClass,
    format: isRecord(m.format) ? m.format : undefined,
    status: isRecord(m.status) ? m.status : undefined,
  };
}

/** Findings per rule of the seed-1 page: shows the page is checked as a release page and what it finds. */
function describe(result: CheckResult): Record<string, string | number | boolean> {
  const byRule: Record<string, number> = {};
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return { isReleasePage: result.isReleasePage, findings: result.findings.length, byRule: JSON.stringify(byRule) };
}

function check(plan: ChildPlan): Measurement {
  const { Engine } = loadCore(plan);
  const m = measurePages(
    plan,
    (p) => p.text,
    (text) => new Engine().check(text),
  );
  return { ...m, info: describe(new Engine().check(pageFor(plan.rows, 0, false).text)) };
}

/** One Engine; the previous text is checked first; each run edits the middle row's Status cell anew. */
function incremental(plan: ChildPlan): Measurement {
  const { Engine } = loadCore(plan);
  const page = pageFor(plan.rows, 0, false);
  const engine = new Engine();
  let text = page.text;
  const cold = sample(() => engine.check(text));
  const samples = new Samples();
  let findings = -1;
  let windowStartUs = 0;
  let k = 0;
  for (const { warm } of schedule(plan, samples)) {
    text = editCell(text, page.middleLine, STATUS_COLUMN, statusEdit(k++)).text;
    collectGarbage();
    if (!warm && windowStartUs === 0) windowStartUs = nowUs();
    samples.add(
      sample(() => (findings = engine.check(text).findings.length)),
      !warm,
    );
  }
  // The window of the measured edits, for CPU profiles (`npm run bench -- --profile`); it includes the collections between edits.
  return {
    ...samples.result(),
    info: { coldCheckMs: Math.round(cold.wall), findingsAfterEdits: findings, windowStartUs, windowEndUs: nowUs() },
  };
}

function formatter(core: Core): { fn: FormatText; options: unknown } | string {
  const fn = core.format?.formatText;
  if (typeof fn !== 'function') return 'n/a (formatter not built)';
  return { fn: fn as FormatText, options: core.format?.DEFAULT_FORMAT_OPTIONS ?? { style: 'aligned', maxColumnWidth: 0 } };
}

/** Formatting the whole page with the Engine that has just checked it (as the editor would). */
function format(plan: ChildPlan): Measurement {
  const core = loadCore(plan);
  const f = formatter(core);
  if (typeof f === 'string') return { times: [], na: f };
  let edits = 0;
  const m = measurePages(
    plan,
    (p) => {
      const engine = new core.Engine();
      engine.check(p.text);
      return engine;
    },
    (engine, p) => (edits = f.fn(p.text, f.options, engine).edits.length),
  );
  return { ...m, info: { edits } };
}

/** Formatting with a fresh Engine (CLI `format` on a file). */
function formatCold(plan: ChildPlan): Measurement {
  const core = loadCore(plan);
  const f = formatter(core);
  if (typeof f === 'string') return { times: [], na: f };
  return measurePages(
    plan,
    (p) => p.text,
    (text) => f.fn(text, f.options, new core.Engine()),
  );
}

/** The status model of a checked page (the check itself is not timed). */
function status(plan: ChildPlan): Measurement {
  const core = loadCore(plan);
  const fn = core.status?.buildStatus;
  if (typeof fn !== 'function') return { times: [], na: 'n/a (status model not built)' };
  const build = fn as BuildStatus;
  let features = 0;
  const m = measurePages(
    plan,
    (p) => new core.Engine().check(p.text),
    (result) => {
      const s = build(result, { today: { year: 2013, month: 8, day: 1 } });
      if (isRecord(s) && Array.isArray(s.features)) features = s.features.length;
      return s;
    },
  );
  return { ...m, info: { features } };
}

type FeatureHistoryFn = (
  versions: Iterable<{ commit: string; date: string | null; text: string }>,
  feature: { name: string },
  options: { today: { year: number; month: number; day: number } },
) => { points: unknown[] };

/** Revisions of the 1,000-row page, newest first: each changes one row's Status cell (the middle row's every tenth time). */
function revisions(count: number): { texts: string[]; name: string } {
  const page = pageFor(1000, 0, false);
  const rnd = prng(21);
  const first = page.headerLine + 2;
  let text = page.text;
  const texts = [text];
  for (let k = 1; k < count; k++) {
    const line = k % 10 === 0 ? page.middleLine : first + Math.floor(rnd() * page.rows);
    try {
      text = editCell(text, line, STATUS_COLUMN, statusEdit(k)).text;
    } catch {
      text = editCell(text, page.middleLine, STATUS_COLUMN, statusEdit(k)).text; // a broken row: edit the clean one
    }
    texts.push(text);
  }
  const middle = page.text.split('\n')[page.middleLine];
  const span = cellSpan(middle, 1);
  const cell = middle.slice(span.start, span.end);
  return { texts: texts.reverse(), name: /^\[([^\]]*)\]/.exec(cell)?.[1] ?? cell }; // a link's text is the name
}

/** One feature's status over 500 revisions of a 1,000-row page (the preview's history strip), one Engine throughout. */
function history(plan: ChildPlan): Measurement {
  if (plan.rows !== 1000) return { times: [], na: 'measured at 1,000 rows only' };
  const fn = loadCore(plan).status?.featureHistory;
  if (typeof fn !== 'function') return { times: [], na: 'n/a (feature history not built)' };
  const featureHistory = fn as FeatureHistoryFn;
  const { texts, name } = revisions(500);
  const versions = texts.map((text, i) => ({ commit: `r${i}`, date: null, text }));
  let points = 0;
  let found = 0;
  const samples = new Samples();
  for (const { warm } of schedule({ ...plan, warmup: Math.min(plan.warmup, 1), runs: Math.min(plan.runs, 5) }, samples)) {
    collectGarbage();
    samples.add(
      sample(() => {
        const h = featureHistory(versions, { name }, { today: { year: 2013, month: 8, day: 1 } });
        points = h.points.length;
        found = h.points.filter((p) => isRecord(p) && p.absent === false).length;
      }),
      !warm,
    );
  }
  return { ...samples.result(), info: { revisions: points, found, feature: name } };
}

runChild({ check, incremental, format, 'format-cold': formatCold, status, history });
