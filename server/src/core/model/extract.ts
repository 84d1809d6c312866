/** Criteria, the page's legend and milestone plans: line-level extraction. */
import type { SourceLine } from '../lines';
import type { Criterion, Heading, Legend, PlanMilestone } from './page-model';

const BOLD_KEYWORD = /^(\*\*|__)([A-Za-z]{2,12})(\*\*|__)\s*:|^(\*\*|__)([A-Za-z]{2,12}):(\*\*|__)/;
const PLAIN_KEYWORD = /^(MUST|SHOULD|MAY)\s*:|^\((MUST|SHOULD|MAY)\)/;

/** A criteria item: a list item that opens with a keyword (`**MUST**:`, `MUST:`, `(MUST)`). */
export function criterionFromItem(content: string, line: number, column: number): Criterion | null {
  const bold = BOLD_KEYWORD.exec(content);
  if (bold) {
    // Each keyword shape has its own groups: those of the other shape are undefined at run time.
    const word = (bold[2] as string | undefined) ?? bold[5];
    if (word !== word.toUpperCase()) return null;
    const start = column + ((bold[1] as string | undefined) ?? bold[4]).length;
    return {
      keyword: word,
      keywordRange: { start: { line, character: start }, end: { line, character: start + word.length } },
      text: content.slice(bold[0].length).trim(),
      line,
    };
  }
  const plain = PLAIN_KEYWORD.exec(content);
  if (plain) {
    const word = (plain[1] as string | undefined) ?? plain[2];
    const start = column + content.indexOf(word);
    return {
      keyword: word,
      keywordRange: { start: { line, character: start }, end: { line, character: start + word.length } },
      text: content.slice(plain[0].length).trim(),
      line,
    };
  }
  return null;
}

const LEGEND_SECTION = /feature table mapping|legend|status (mapping|legend)/i;

/** The page's own vocabulary: the "Feature Table Mapping" section's priority and status lists. */
export function findLegend(lines: readonly SourceLine[], headings: readonly Heading[]): Legend | null {
  const idx = headings.findIndex((h) => LEGEND_SECTION.test(h.text));
  if (idx < 0) return null;
  const top = headings[idx];
  let end = lines.length;
  for (let j = idx + 1; j < headings.length; j++) {
    if (headings[j].level <= top.level) {
      end = headings[j].line;
      break;
    }
  }
  const legend: Legend = { statuses: [], priorities: [], line: top.line };
  let target: string[] | null = LEGEND_SECTION.test(top.text) && /status/i.test(top.text) ? legend.statuses : null;
  for (let l = top.line + 1; l < end; l++) {
    const text = lines[l].text;
    const h = headings.find((x) => x.line === l);
    if (h) {
      target = /priorit/i.test(h.text) ? legend.priorities : /status/i.test(h.text) ? legend.statuses : null;
      continue;
    }
    const item = /^\s*[*+-]\s+([A-Za-z][A-Za-z ]*?)(?:\s+[-–]|\s*:)\s/.exec(text);
    if (target && item) target.push(item[1].trim());
  }
  return legend.statuses.length || legend.priorities.length ? legend : null;
}

const PLAN_HEAD = /^\s*Milestone\s+(\d+)\s*\(([^)]*)\)\s*:?\s*$/i;

/** Milestone plans (`Milestone 3 (December 21, 2007)` / `Goal: …` / `Status: Complete`). */
export function findPlan(lines: readonly SourceLine[], literal: ReadonlySet<number>): PlanMilestone[] {
  const plan: PlanMilestone[] = [];
  let current: PlanMilestone | null = null;
  for (let l = 0; l < lines.length; l++) {
    if (literal.has(l)) continue;
    const text = lines[l].text;
    const head = PLAN_HEAD.exec(text);
    if (head) {
      current = { title: `Milestone ${head[1]}`, when: head[2].trim(), line: l, status: null, goal: null };
      plan.push(current);
      continue;
    }
    if (!current) continue;
    const goal = /^\s*Goal:\s*(.*)$/.exec(text);
    if (goal && current.goal === null) current.goal = goal[1].trim();
    const status = /^(\s*Status:\s*)(.*?)\s*$/.exec(text);
    if (status && current.status === null) {
      const start = status[1].length;
      const value = status[2];
      current.status = {
        text: value,
        range: { start: { line: l, character: start }, end: { line: l, character: start + value.length } },
        posAt: (o) => ({ line: l, character: start + o }),
      };
    }
  }
  return plan;
}
