/** Code lens above each features table: how many features per status, and the Must features not Green. */
import type { ResolvedConfig } from '../config/types';
import type { PageModel } from '../model/types';
import { readValue } from '../rules/values';
import type { Finding } from '../types';
import type { StatusCount, TableSummary } from './types';
import { priorityValues, statusValues } from './vocabulary';

const DONE = 'green';
const BLOCKING = 'must';

function titleOf(s: Omit<TableSummary, 'title'>): string {
  const parts = s.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.value}`);
  if (s.unset) parts.push(`${s.unset} not set`);
  if (s.unknown) parts.push(`${s.unknown} unknown`);
  const head = `${s.features} feature${s.features === 1 ? '' : 's'}`;
  const statuses = parts.length ? `: ${parts.join(' · ')}` : '';
  return `${head}${statuses} — ${s.mustNotGreen} Must not Green`;
}

/** One summary per feature table that has a Status column. */
export function tableSummaries(page: PageModel, config: ResolvedConfig, findings: readonly Finding[] = []): TableSummary[] {
  const statuses = statusValues(page, config).map((v) => v.value);
  const priorities = priorityValues(page, config).map((v) => v.value);
  const out: TableSummary[] = [];
  page.tables.forEach((table, index) => {
    const sc = table.columns.status;
    if (!table.isFeatureTable || sc === undefined) return;
    const pc = table.columns.priority;
    const counts: StatusCount[] = statuses.map((value) => ({ value, count: 0 }));
    let unset = 0;
    let unknown = 0;
    let features = 0;
    let mustNotGreen = 0;
    let firstMust: number | null = null;
    for (const row of table.rows) {
      if (row.malformed) continue;
      const cell = row.cells[sc];
      if (!cell) continue;
      features++;
      const v = readValue(cell, statuses);
      let green = false;
      if (v.state === 'unset') unset++;
      else if (v.state === 'unknown') unknown++;
      else {
        const c = counts.find((x) => x.value === v.match);
        if (c) c.count++;
        green = v.match.toLowerCase() === DONE;
      }
      const pcell = pc !== undefined ? row.cells[pc] : undefined;
      const p = pcell ? readValue(pcell, priorities) : null;
      if (p && (p.state === 'ok' || p.state === 'case') && p.match.toLowerCase() === BLOCKING && !green) {
        mustNotGreen++;
        firstMust ??= row.lines[0];
      }
    }
    const startLine = table.parsed.startLine;
    const endLine = table.parsed.endLine;
    const line = table.parsed.header?.line ?? startLine;
    const firstFinding = findings.find((f) => f.range.start.line >= startLine && f.range.start.line <= endLine);
    const base = {
      table: index, heading: table.heading, line, startLine, endLine, features, counts, unset, unknown, mustNotGreen,
      revealLine: firstFinding?.range.start.line ?? firstMust ?? line,
    };
    out.push({ ...base, title: titleOf(base) });
  });
  return out;
}
