/** Generated release pages for bound and soak tests: a big features table, optionally with one huge cell. */

const STATUS = ['Green', 'Orange - in progress', 'Red - blocked', 'green', 'TBD'];
const PRIORITY = ['Must', 'Should', 'Optional', 'must'];

/** One features-table row, its cells short and varied (as on real pages). */
export function featureRow(i: number, remark = i % 7 === 0 ? 'needs 日本語 review 🎉' : 'on track'): string {
  return `| Team ${i % 12} | [Feature ${i}](Features/F${i}) | ${PRIORITY[i % 4]} | owner${i % 37} | ${STATUS[i % 5]} | 2024-0${1 + (i % 9)}-1${i % 10} | ${remark} |`;
}

/** The front matter and title every generated release page starts with. */
export const PAGE_HEAD: readonly string[] = [
  '---',
  'category: release',
  'title: oVirt 9.9 Release Management',
  '---',
  '# oVirt 9.9 Release Management',
  '',
];

/** A timeline with a beta and a GA date. */
export const TIMELINE: readonly string[] = [
  '## Timeline',
  '',
  '*   Beta release: **2024-01-10**',
  '*   General availability: **2024-09-30**',
  '',
];

/** The heading and the header rows of a seven-column features table (as `featureRow` fills it). */
export const FEATURES_TABLE_HEAD: readonly string[] = [
  '## Features Status Table',
  '',
  '| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |',
  '|---|---|:-:|---|---|--:|---|',
];

/**
 * A release page whose features table has `rows` rows; with `hugeCell`, row `hugeRow` has a Remarks
 * cell of that many characters (the tester's case: 2,000 rows, one 100,000-character cell).
 */
export function bigTablePage(rows: number, hugeCell = 0, hugeRow = rows >> 1): string {
  const lines = [...PAGE_HEAD, ...TIMELINE, ...FEATURES_TABLE_HEAD];
  for (let i = 0; i < rows; i++) lines.push(featureRow(i, hugeCell > 0 && i === hugeRow ? 'x'.repeat(hugeCell) : undefined));
  return `${lines.join('\n')}\n`;
}
