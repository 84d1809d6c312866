/**
 * A page model as plain data, for comparing a patched model with a built one: every position the model
 * keeps (rows, cells, dates, milestones, headings…), read through the same accessors the rules use.
 */
import type { PageModel } from '../../server/src/core';
import type { CellRef, PageDate } from '../../server/src/core/model/page-model';
import type { Range } from '../../server/src/core/findings';

const r = (x: Range): string => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
const cell = (c: CellRef): string => `${r(c.range)} ${c.text} @${JSON.stringify(c.posAt(1))}`;
const date = (d: PageDate | null): string | null =>
  d && `${r(d.range)} ${d.context} ${d.label} ${d.token.kind} ${d.token.text} @${JSON.stringify(d.posAt(1))}`;

export function modelShape(p: PageModel): unknown {
  return {
    lines: p.lines.length,
    kind: p.kind,
    isReleasePage: p.isReleasePage,
    detection: p.detection,
    title: p.title,
    release: p.release,
    headings: p.headings,
    timelines: p.timelines.map((t) => ({
      ...t,
      milestones: t.milestones.map((m) => ({
        ...m,
        labelRange: r(m.labelRange),
        valueRange: r(m.valueRange),
        date: date(m.date),
        actual: date(m.actual),
        superseded: m.superseded.map(date),
      })),
    })),
    criteria: p.criteria.map((c) => ({ ...c, keywordRange: r(c.keywordRange) })),
    tables: p.tables.map((t) => ({
      parsed: {
        ...t.parsed,
        header: t.parsed.header && { ...t.parsed.header, cells: t.parsed.header.cells.map(cell) },
        rows: t.parsed.rows.map((row) => ({
          line: row.line,
          leadingPipe: row.leadingPipe,
          trailingPipe: row.trailingPipe,
          cells: row.cells.map((c) => `${c.line} ${c.rawStart}-${c.rawEnd} ${cell(c)}`),
        })),
      },
      header: t.header,
      headerInferred: t.headerInferred,
      columns: t.columns,
      isFeatureTable: t.isFeatureTable,
      isDateTable: t.isDateTable,
      rows: t.rows.map((row) => ({
        lines: row.lines,
        continuationLines: row.continuationLines,
        malformed: row.malformed,
        cells: row.cells.map(cell),
      })),
      heading: t.heading,
    })),
    orphanRows: p.orphanRows,
    legend: p.legend,
    plan: p.plan.map((m) => ({ ...m, status: m.status && cell(m.status) })),
    learned: [p.learned.statuses, p.learned.priorities].map((vs) =>
      vs.map((v) => ({ value: v.value, count: v.count, at: v.at, firstIsThere: p.tables[v.at[0]]?.rows[v.at[1]] === v.first })),
    ),
    dates: p.dates.map(date),
    literalLines: [...p.literalLines].sort((a, b) => a - b),
    directives: p.directives,
    slashOrder: p.slashOrder,
    releaseYear: p.releaseYear,
    pageYears: p.pageYears,
    degraded: p.degraded,
    gaDate: date(p.gaDate),
    gaIsAMilestoneDate: p.gaDate === null || p.timelines.some((t) => t.milestones.some((m) => m.date === p.gaDate)),
  };
}
