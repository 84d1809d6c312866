/**
 * The page model's objects as object literals of fixed shape, whoever makes them (the build, a patch, the
 * views of slices): the rules then meet one hidden class per kind of object, and that class lives as long
 * as this code does (see shapes.ts: spread copies get hidden classes that die with the page, and the
 * optimized code that read them with it).
 */
import type { Complete } from '../findings';
import type { PageModel, TableModel } from '../model/page-model';

export function tableModel(t: TableModel): Complete<TableModel> {
  return {
    parsed: t.parsed,
    header: t.header,
    headerInferred: t.headerInferred,
    columns: t.columns,
    isFeatureTable: t.isFeatureTable,
    isDateTable: t.isDateTable,
    rows: t.rows,
    heading: t.heading,
    schema: t.schema,
  };
}

export function pageModel(p: PageModel): Complete<PageModel> {
  return {
    lines: p.lines,
    kind: p.kind,
    isReleasePage: p.isReleasePage,
    detection: p.detection,
    title: p.title,
    release: p.release,
    frontMatter: p.frontMatter,
    headings: p.headings,
    timelines: p.timelines,
    criteria: p.criteria,
    tables: p.tables,
    orphanRows: p.orphanRows,
    legend: p.legend,
    learned: p.learned,
    plan: p.plan,
    dates: p.dates,
    literalLines: p.literalLines,
    directives: p.directives,
    slashOrder: p.slashOrder,
    releaseYear: p.releaseYear,
    pageYears: p.pageYears,
    degraded: p.degraded,
    gaDate: p.gaDate,
  };
}
