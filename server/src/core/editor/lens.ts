/** Code lens above each features table: how many features per status, and (with a Priority column) the Must features not Green. */
import type { ResolvedConfig } from '../config/merge';
import type { PageModel } from '../model/page-model';
import { readFeatures, statusTables } from '../status/features';
import type { Finding } from '../findings';
import type { StatusCount, TableSummary } from './results';
import { featureVocabulary } from '../vocabulary';

function titleOf(s: Omit<TableSummary, 'title'>): string {
  const parts = s.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.value}`);
  if (s.unset) parts.push(`${s.unset} not set`);
  if (s.unknown) parts.push(`${s.unknown} unknown`);
  const head = `${s.features} feature${s.features === 1 ? '' : 's'}`;
  const statuses = parts.length ? `: ${parts.join(' · ')}` : '';
  return s.hasPriority ? `${head}${statuses} — ${s.mustNotGreen} Must not Green` : `${head}${statuses}`;
}

/**
 * One summary per feature table that has a Status column, counted from the rows' status items (the ones
 * the status preview shows, so both count the same features). `today` is a day number (see `dayNumber`).
 */
export function tableSummaries(page: PageModel, config: ResolvedConfig, today: number, findings: readonly Finding[] = []): TableSummary[] {
  const vocab = featureVocabulary(page, config);
  const statuses = vocab.statuses;
  const items = readFeatures(page, vocab, today);
  const out: TableSummary[] = [];
  statusTables(page).forEach((table, featureTable) => {
    if (table.columns.status === undefined) return;
    const counts: StatusCount[] = statuses.map((value) => ({ value, count: 0 }));
    // By value: a configuration may list thousands of statuses, a table thousands of rows.
    const byValue = new Map<string, StatusCount>();
    for (const c of counts) if (!byValue.has(c.value)) byValue.set(c.value, c);
    let unset = 0;
    let unknown = 0;
    let features = 0;
    let mustNotGreen = 0;
    let firstMust: number | null = null;
    for (const f of items) {
      if (f.table !== featureTable) continue;
      features++;
      const known = f.colour === 'unset' ? undefined : byValue.get(f.statusLabel);
      if (f.colour === 'unset') unset++;
      else if (known) known.count++;
      else if (f.colour === 'other') unknown++;
      else {
        // A value outside the vocabulary that still has a colour (an emoji, a colour word, a legend's
        // entry): counted under its own text, as the preview's status values show it, not as unknown.
        const c: StatusCount = { value: f.statusLabel, count: 1 };
        counts.push(c);
        byValue.set(c.value, c);
      }
      if (f.mustNotGreen) {
        mustNotGreen++;
        firstMust ??= f.line;
      }
    }
    const startLine = table.parsed.startLine;
    const endLine = table.parsed.endLine;
    const line = table.parsed.header?.line ?? startLine;
    const firstFinding = findings.find((f) => f.range.start.line >= startLine && f.range.start.line <= endLine);
    const base = {
      table: page.tables.indexOf(table),
      heading: table.heading,
      line,
      startLine,
      endLine,
      features,
      counts,
      unset,
      unknown,
      hasPriority: table.columns.priority !== undefined,
      mustNotGreen,
      revealLine: firstFinding?.range.start.line ?? firstMust ?? line,
    };
    out.push({ ...base, title: titleOf(base) });
  });
  return out;
}
