// Over 300 lines: one grammar of generated release pages: its pieces refer to each other.
/**
 * fast-check generators of release-page-shaped text for the fuzz tests: front matter (good and broken
 * YAML), timelines with real, impossible and placeholder dates, release criteria, feature tables with
 * random statuses, priorities and dates, stray pipes, broken and interrupted rows, code spans, HTML,
 * disable comments, CJK and emoji, block quotes and lists around tables, and random Markdown noise.
 * Line endings are LF, CRLF, CR or mixed, sometimes with a BOM.
 */
import * as fc from 'fast-check';

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** Short random text, mostly tame, sometimes anything at all (control characters, astral planes). */
const noiseText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: pick('x', 'oVirt', 'Live snapshots', 'Hot plug', 'engine', 'vdsm', 'TBD', '?', 'N/A', '', ' ', 'done', 'see bug 123'),
  },
  { weight: 2, arbitrary: pick('田中', '你好世界', 'Zoë', 'e\u0301', '👩‍💻', '🇫🇷', '1️⃣', '\u200b', '\u00a0', 'Ａ', '\u202eevil', '\t') },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const isoDate = fc
  .tuple(fc.integer({ min: 1999, max: 2040 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const MONTHS = ['January', 'February', 'June', 'April', 'Sept', 'Dec', 'Juni'];

/** Dates as people write them on these pages: valid, impossible, ambiguous, without a year, placeholders. */
export const date: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: isoDate },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1999, max: 2040 }))
      .map(([a, b, y]) => `${a}/${b}/${y}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick(...MONTHS), fc.integer({ min: 0, max: 32 }), fc.option(fc.integer({ min: 1999, max: 2040 })))
      .map(([m, d, y]) => (y === null ? `${m} ${d}th` : `${m} ${d}, ${y}`)),
  },
  {
    // The forms of other projects' schedules: weekday first, ordinals right and wrong, ranges, zoned pairs, months, quarters.
    weight: 1,
    arbitrary: fc
      .tuple(
        pick('Monday', 'Tue', 'Thursday,', 'fri'),
        fc.integer({ min: 0, max: 32 }),
        pick('st', 'nd', 'rd', 'th', ''),
        pick(...MONTHS),
        fc.integer({ min: 1999, max: 2040 }),
        pick('', ' - Friday 22nd', '–8', ' to 2024-03-04'),
        pick('', '02:00 UTC ', '18:00 PDT ', '09:00 +05:30 '),
      )
      .map(([w, d, o, m, y, range, time]) => `${time}${w} ${d}${o}${range} ${m} ${y}`),
  },
  {
    weight: 1,
    arbitrary: pick(
      '2019/09/30',
      '2021-8-17',
      'March 2024',
      'Q3 2024',
      '2024 Q4',
      'Mon 7',
      'March 4–8',
      '2024-03-08 to 2024-03-04',
      '02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024',
    ),
  },
  {
    weight: 1,
    arbitrary: pick(
      '\\1',
      '$1',
      '2019-xx-xx',
      'YYYY-MM-DD',
      '{{ga_date}}',
      'TBD',
      '?',
      '',
      'Q3 2014',
      '2014-02',
      '2014-02-30 (Mon)',
      '2021-03-09 (Mon)',
      '~~2014-01-01~~ 2014-02-01',
      '<s>2014-01-01</s> 2014-02-01',
    ),
  },
  { weight: 1, arbitrary: fc.tuple(isoDate, pick('(Mon)', '(Tue)', '(Sunday)', '(Fri)')).map(([d, w]) => `${d} ${w}`) },
);

export const status: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: pick(
      'Green',
      'Orange',
      'Red',
      'green',
      'RED',
      'Orange - in progress',
      'red - blocked',
      '<s>orange</s> Green',
      '~~Red~~ Green',
      '?',
      '',
      'TBD',
      'Done',
      'Complete',
      'In progress',
      '🟢 Green',
      'Gren',
    ),
  },
  { weight: 1, arbitrary: fc.tuple(pick('Green', 'orange', 'Red'), noiseText).map(([s, n]) => `${s} - ${n}`) },
  { weight: 1, arbitrary: noiseText },
);

export const priority: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: pick('Must', 'Should', 'Optional', 'must', 'SHOULD', 'optional', '?', '', 'Critical', 'Nice to have', 'Must (blocker)'),
  },
  { weight: 1, arbitrary: noiseText },
);

/** Inline Markdown a cell or a line may hold, pipes included. */
const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: noiseText },
  { weight: 1, arbitrary: pick('`a|b`', '`a \\| b`', 'a \\| b', '``x|`y``', '`unclosed|', '|', '||', '\\', '\\\\|') },
  {
    weight: 1,
    arbitrary: pick(
      '[Feature](Features/RAM Snapshots)',
      '[x](Features/Hot_plug "title")',
      '<https://example.invalid/a|b>',
      '[[Wiki link|x]]',
      '![img](a b.png)',
      '[x](javascript:alert(1))',
    ),
  },
  {
    weight: 1,
    arbitrary: pick(
      '<br>',
      '<br/>',
      '<span style="color:red">Red</span>',
      '<script>alert(1)</script>',
      '<!-- c -->',
      '<!-- release-pages-disable-line -->',
      '<!-- release-pages-disable-line status-case -->',
      '<s>x</s>',
      '&amp;',
      '&#124;',
      '**bold**',
      '*',
      '_x_',
      '~~x~~',
    ),
  },
  { weight: 1, arbitrary: date },
);

const COLUMNS = [
  'Functional team',
  'Feature',
  'Release priority',
  'Priority',
  'Owner',
  'Status',
  'Target date',
  'Test page',
  'Remarks',
  'Milestone',
  'Date',
  'Notes',
  'Bug',
  '',
];

/** A feature table: random header, delimiter variants, rows with random values and defects. */
export const table: fc.Arbitrary<string> = fc
  .record({
    columns: fc.uniqueArray(pick(...COLUMNS), { minLength: 1, maxLength: 8 }),
    align: fc.array(
      fc.oneof(
        { weight: 15, arbitrary: pick('---', ':--', ':-:', '--:', '-', ' :---: ') },
        { weight: 1, arbitrary: pick(':', '- -', '===', '') },
      ),
      { maxLength: 8 },
    ),
    delimiter: pick('normal', 'normal', 'normal', 'missing', 'first', 'short'),
    outerPipes: pick('both', 'both', 'both', 'left', 'right', 'none'),
    indent: pick('', '', '', '  ', '    ', '> ', '*   ', '> > ', '\t'),
    rows: fc.array(
      fc.record({
        seed: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        defect: pick('none', 'none', 'none', 'none', 'stray', 'short', 'broken', 'blank', 'wrapped', 'comment', 'heading'),
      }),
      { maxLength: 8 },
    ),
    values: fc.array(fc.tuple(status, priority, date, inline, inline), { minLength: 1, maxLength: 6 }),
  })
  .map(({ columns, align, delimiter, outerPipes, indent, rows, values }) => {
    const line = (cells: string[]): string => {
      const inner = cells.map((c) => ` ${c} `).join('|');
      return (
        indent + (outerPipes === 'both' ? `|${inner}|` : outerPipes === 'left' ? `|${inner}` : outerPipes === 'right' ? `${inner}|` : inner)
      );
    };
    const head = line(columns);
    const delim = line(
      columns.map((_, i) => align[i] ?? '---').slice(0, delimiter === 'short' ? Math.max(1, columns.length - 1) : columns.length),
    );
    const body: string[] = [];
    for (const r of rows) {
      const v = values[r.seed[0] % values.length];
      const cells = columns.map((c, i) =>
        /status/i.test(c) ? v[0] : /priority/i.test(c) ? v[1] : /date/i.test(c) ? v[2] : v[3 + ((r.seed[i % 10] ?? 0) % 2)],
      );
      if (r.defect === 'stray') cells.splice(r.seed[1] % (cells.length + 1), 0, 'stray');
      if (r.defect === 'short' && cells.length > 1) cells.pop();
      const text = line(cells);
      if (r.defect === 'broken') {
        const cut = r.seed[2] % (text.length + 1);
        body.push(text.slice(0, cut), text.slice(cut));
      } else if (r.defect === 'blank') body.push('', text);
      else if (r.defect === 'wrapped') body.push(text, `${indent}    continued ${v[3]}`);
      else if (r.defect === 'comment') body.push('<!-- release-pages-disable-next-line -->', text);
      else if (r.defect === 'heading') body.push(`${indent}### ${v[3]}`, text);
      else body.push(text);
    }
    const lines = delimiter === 'missing' ? [head, ...body] : delimiter === 'first' ? [delim, head, ...body] : [head, delim, ...body];
    return lines.join('\n');
  });

const MILESTONES = [
  'General availability',
  'GA',
  'Beta release',
  'Feature freeze',
  'Alpha release',
  'Test Day',
  'RC Build',
  'Release candidate',
  'Milestone 2',
  'Milestone 1',
  'Branching',
  'Code freeze',
  'Final release',
];

/** A timeline: nested milestone lists with dates, bold or not, superseded dates, placeholders. */
export const timeline: fc.Arbitrary<string> = fc
  .record({
    heading: pick('## Timeline', '## Release timeline', '### Timeline', 'Timeline', '## Schedule', '## Release Management'),
    items: fc.array(
      fc.tuple(
        pick(...MILESTONES),
        date,
        pick('*   ', '    -   ', '- ', '1. ', '        *   ', ''),
        pick('**', '', '*', '`'),
        fc.option(date),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    note: fc.option(
      pick("*' These are tentative planning dates and may change*'", '*(all dates are tentative)*', 'Dates slipped: see below.'),
    ),
  })
  .map(({ heading, items, note }) =>
    [
      heading,
      '',
      ...(note === null ? [] : [note, '']),
      ...items.map(
        ([label, d, bullet, mark, old, colon]) =>
          `${bullet}${label}${colon ? ':' : ' -'} ${old === null ? '' : `~~${old}~~ `}${mark}${d}${mark}`,
      ),
    ].join('\n'),
  );

/** Release criteria: bold keywords, misspelt ones, sub-bullets. */
export const criteria: fc.Arbitrary<string> = fc
  .record({
    heading: pick('## Release Criteria', '### MUST', '### SHOULD', '## Release criteria (draft)', 'Release Criteria'),
    items: fc.array(
      fc.tuple(
        pick('**MUST**', '**SHOULD**', '**MAY**', '**MUTS**', '**must**', '**SHOLD**', 'MUST', '**MUST'),
        inline,
        pick(':', '', ' -', '**:'),
      ),
      { maxLength: 8 },
    ),
  })
  .map(({ heading, items }) => [heading, '', ...items.map(([k, t, sep]) => `*   ${k}${sep} ${t}`)].join('\n'));

/** Front matter: usual fields, wrong shapes, broken YAML, tags and aliases. */
export const frontMatter: fc.Arbitrary<string> = fc
  .record({
    title: fc.oneof(
      pick('oVirt 3.3 Release Management', 'OVirt 4.2 release-management', '', '"unterminated', '[a, b', '田中 Release 🚀'),
      noiseText,
    ),
    category: pick('category: release', 'category: releases', '', 'category: [release]', 'category: !!js/function "function(){}"'),
    authors: pick('authors: a, b, c', 'authors:\n  - a\n  - b', 'authors: 12', '', 'authors: *x', 'authors: &x [a]'),
    extra: fc.array(
      pick(
        'wiki_revision_count: 220',
        'wiki_revision_count: lots',
        'wiki_last_updated: 2013-08-27',
        'wiki_last_updated: 2013-02-30',
        'feature_name: x',
        'key: value: broken',
        '  bad indent',
        'dup: 1\ndup: 2',
        '? complex\n: key',
        '- list at top',
        '"\\u0000": nul',
        '\n',
        '| a | b |',
        '#',
        'x: |\n  block\n\n  more',
        '%YAML 1.2',
      ),
      { maxLength: 4 },
    ),
    close: pick('---', '---', '---', '...', '', '--- '),
  })
  .map(({ title, category, authors, extra, close }) =>
    ['---', `title: ${title}`, category, authors, ...extra, close].filter((l) => l !== '').join('\n'),
  );

/** The page's own legend of statuses and priorities. */
export const legend: fc.Arbitrary<string> = fc
  .array(fc.tuple(pick('Must', 'Should', 'Optional', 'Green', 'Orange', 'Red', 'Critical', 'Done'), noiseText), { maxLength: 5 })
  .map((items) => ['### Feature Table Mapping', '', '#### Release priority:', '', ...items.map(([k, t]) => `*   ${k} - ${t}`)].join('\n'));

/** A milestone plan: `Milestone 3 (December 21, 2007)` headings with a goal and a status. */
export const plan: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.nat({ max: 12 }), date, inline, status), { minLength: 1, maxLength: 4 })
  .map((ms) => ms.map(([n, d, goal, st]) => `Milestone ${n} (${d})\n\nGoal: ${goal}\n\nStatus: ${st}`).join('\n\n'));

/** Markdown noise: headings, paragraphs, fences (some unclosed), HTML blocks, comments, quotes, lists, rules. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      pick('# ', '## ', '### ', '###### ', '#', ''),
      inline,
      pick('', ' #', ' Release Management', ' release-management', ' Features Status Table', ' Milestone plan'),
    )
    .map((p) => p.join('')),
  fc.array(inline, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
  fc
    .tuple(pick('```', '~~~', '````', '```yaml'), fc.array(inline, { maxLength: 3 }), pick('```', '~~~', ''))
    .map(([o, body, c]) => [o, ...body, c].join('\n')),
  pick(
    '<div>',
    '</div>',
    '<table><tr><td>Red</td></tr></table>',
    '<!--',
    '-->',
    '<!-- release-pages-disable -->',
    '<!-- release-pages-enable -->',
    '<!-- release-pages-disable status-case, date-format -->',
    '<!-- release-pages-disable-next-line no-such-rule -->',
    '<details><summary>x</summary>',
    '<script>alert(1)</script>',
    '<style>body{}</style>',
  ),
  fc.tuple(pick('> ', '>> ', '> > ', '    ', '- ', '* ', '1) ', '+ '), inline).map((p) => p.join('')),
  pick('---', '***', '', '', '\\', '|', '| |', '|---|', '[ref]: <a b>', '- [ ] task', '***MUST***:'),
);

export type Eol = '\n' | '\r\n' | '\r' | 'mixed';

/** Joins lines with the given line ending (`mixed` picks one per line from `salt`). */
export function withEol(text: string, eol: Eol, salt: readonly number[]): string {
  if (eol === '\n') return text;
  if (eol !== 'mixed') return text.replace(/\n/g, eol);
  let i = 0;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][(salt[i++ % salt.length] ?? 0) % 3]);
}

/** A whole page: optional front matter, a title, then a random sequence of sections. */
export const page: fc.Arbitrary<string> = fc
  .record({
    fm: fc.option(frontMatter, { freq: 3 }),
    title: pick(
      '# oVirt 3.3 Release Management',
      '# OVirt 4.1 release-management',
      '# Release announcement',
      '# Milestone plan',
      '# Notes',
      '',
    ),
    sections: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: table },
        { weight: 3, arbitrary: timeline },
        { weight: 2, arbitrary: criteria },
        { weight: 1, arbitrary: legend },
        { weight: 1, arbitrary: plan },
        { weight: 3, arbitrary: noise },
        { weight: 1, arbitrary: pick('## Features Status Table', '## Features', '## Milestone plan') },
      ),
      { maxLength: 5 },
    ),
    sep: pick('\n\n', '\n\n', '\n'),
    eol: pick<Eol>('\n', '\n', '\n', '\r\n', '\r', 'mixed'),
    bom: fc.nat({ max: 9 }).map((n) => n === 0),
    salt: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    final: pick('\n', '', '\n\n'),
  })
  .map(({ fm, title, sections, sep, eol, bom, salt, final }) => {
    const text = [...(fm === null ? [] : [fm]), title, ...sections].join(sep) + final;
    return (bom ? '\uFEFF' : '') + withEol(text, eol, salt);
  });
