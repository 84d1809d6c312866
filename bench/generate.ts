// Over 300 lines: one generator of the benchmark's seeded pages: its value tables and its layout belong together.
/**
 * Deterministic generator of synthetic oVirt-shaped release pages (front matter, timeline, release
 * criteria, an 8-column *Features Status Table*, its legend), modelled on
 * test/fixtures/seeds/000_015c11820e0fe26e.md and test/fixtures/corpus/releases__3.3__release-management.md.
 * Same (rows, seed) → same text, byte for byte. The values are realistic, mistakes included: lower-case
 * statuses and priorities, `?`, several date formats (a few invalid), owners as wiki links, links with
 * spaces, a few stray pipes. The middle row is always clean so benchmarks can edit one of its cells.
 * `node out/bench/page.js ROWS [SEED]` prints one.
 */

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Weighted choice: `[weight, value]` pairs. */
function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [number, T]>): T {
  let total = 0;
  for (const [w] of table) total += w;
  let r = rng() * total;
  for (const [w, v] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][1];
}

const TEAMS = ['Virt', 'Infra', 'Networking', 'Storage', 'SLA', 'Gluster', 'Node', 'Integration', 'UX', 'Docs'];
const WORDS_A = [
  'Live',
  'Hot',
  'Online',
  'Async',
  'Native',
  'Shared',
  'Remote',
  'Read Only',
  'External',
  'Normalized',
  'Universal',
  'Multiple',
  'Trusted',
  'Self Hosted',
  'Instance',
];
const WORDS_B = [
  'Storage',
  'Network',
  'Disk',
  'VM',
  'Host',
  'Snapshot',
  'Console',
  'Scheduler',
  'Gateway',
  'Template',
  'Quota',
  'Cluster',
  'Watchdog',
  'Branding',
  'Tasks',
];
const WORDS_C = [
  'Migration',
  'Support',
  'Management',
  'Integration',
  'Resize',
  'Labels',
  'Alignment',
  'Properties',
  'API',
  'Plugin',
  'Hooks',
  'Redesign',
  'Pools',
  'Types',
  'Initialization',
];
const FIRST = [
  'Arik',
  'Frantisek',
  'Tomas',
  'Omer',
  'Martin',
  'Assaf',
  'Yair',
  'Eli',
  'Yaniv',
  'Moti',
  'Alona',
  'Michael',
  'Antoni',
  'Daniel',
  'Vered',
  'Alissa',
  'Liron',
  'Gilad',
  'Ofri',
  'Sahina',
  'Sandro',
  'Tal',
  'Federico',
  'Greg',
];
const LAST = [
  'Hadas',
  'Kobzik',
  'Jelinek',
  'Frenkel',
  'Perina',
  'Muller',
  'Zaslavsky',
  'Mesika',
  'Bronhaim',
  'Asayag',
  'Kaplan',
  'Kolesnik',
  'Puimedon',
  'Erez',
  'Volansky',
  'Bonas',
  'Aravot',
  'Chaplik',
  'Masad',
  'Bose',
  'Bonazzola',
  'Nisan',
  'Simoncelli',
  'Padgett',
];
const REMARKS = [
  'vdsm part was pushed, engine part is still on progress',
  'UI and Engine in progress, no rest api',
  'The patch is still under review upstream.',
  'Only backend side done, Missing API implementation and testing',
  'All implemented, waiting for final reviews',
  'TODO - wiki page.',
  'depends on [Features/oVirt_scheduler](Features/oVirt_scheduler)',
  'see <http://gerrit.ovirt.org/#/c/11051/>',
  'blocked by [Bug #916728](//bugzilla.redhat.com/show_bug.cgi?id=916728)',
  'merged in master, backport pending',
  'needs **UX** review',
];

const PRIORITIES: ReadonlyArray<readonly [number, string]> = [
  [35, 'Must'],
  [25, 'Should'],
  [14, 'Optional'],
  [5, 'must'],
  [3, 'should'],
  [4, 'Optional - see comment'],
  [11, '?'],
  [2, ''],
  [1, 'Nice to have'],
];
const STATUSES: ReadonlyArray<readonly [number, string]> = [
  [24, 'Green'],
  [9, 'Orange'],
  [9, 'Orange - In progress, not submitted'],
  [5, 'Orange - In progress, partially merged'],
  [4, 'Orange - In progress, , see comment'],
  [7, 'Red'],
  [4, 'Red - no code written'],
  [5, 'red - in progress'],
  [3, 'orange'],
  [2, 'green'],
  [11, '?'],
  [2, 'Done'],
  [2, '<s>Red</s> Green'],
  [3, ''],
  [1, 'Gren'],
];
const DATES: ReadonlyArray<readonly [number, (rng: Rng) => string]> = [
  [30, (r) => `2013-${pad2(5 + Math.floor(r() * 3))}-${pad2(1 + Math.floor(r() * 28))}`],
  [24, () => '?'],
  [10, () => ''],
  [3, () => 'Now'],
  [3, () => 'TBD'],
  [8, (r) => `${1 + Math.floor(r() * 28)}/${pad2(5 + Math.floor(r() * 3))}/2013`],
  [5, (r) => `${1 + Math.floor(r() * 12)}/7/2013`],
  [3, (r) => `June ${1 + Math.floor(r() * 28)}th`],
  [3, (r) => `July ${1 + Math.floor(r() * 28)}, 2013`],
  [3, (r) => `**2013-06-${pad2(1 + Math.floor(r() * 28))}**`],
  [2, () => '2013-07-15 (Mon)'],
  [1, () => '2013-06-31'],
  [1, () => '31/06/2013'],
  [1, () => 'April 31, 2013'],
  [1, () => '2013-xx-xx'],
];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Column widths of the padded (wiki-exported) rows, as in the seed page. */
const PADDED = [15, 40, 22, 40, 38, 11, 30, 0];
export const HEADER = ['Functional team', 'Feature', 'Release priority', 'Owner', 'Status', 'Target date', 'Test page', 'Remarks'];
/** Index of the Status column. */
export const STATUS_COLUMN = 4;

function person(rng: Rng): { name: string; nick: string } {
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  return { name: `${first} ${last}`, nick: (first[0] + last).toLowerCase() };
}

function owner(rng: Rng): string {
  const p = person(rng);
  return weighted<() => string>(rng, [
    [50, () => `[ ${p.name}](User:${p.nick})`],
    [14, () => `${p.name} (${p.nick})`],
    [13, () => `${p.nick}@redhat.com`],
    [
      5,
      () => {
        const q = person(rng);
        return `[ ${p.name}](User:${p.nick}) [ ${q.name}](User:${q.nick})`;
      },
    ],
    [10, () => '?'],
    [4, () => ''],
    [1, () => `|[ ${p.name}](User:${p.nick})`], // stray pipe: the row gets a ninth cell
  ])();
}

function featureName(rng: Rng, i: number): string {
  const base = `${pick(rng, WORDS_A)} ${pick(rng, WORDS_B)} ${pick(rng, WORDS_C)}`;
  return rng() < 0.6 ? `${base} ${i + 1}` : base;
}

function row(rng: Rng, team: string, i: number, clean: boolean): string[] {
  const name = featureName(rng, i);
  const slug = name.replace(/ /g, '_');
  const feature = weighted<() => string>(rng, [
    [45, () => `[${name}](Features/${name})`], // a link with spaces: not a link in CommonMark
    [40, () => `[${name}](Features/${slug})`],
    [10, () => name],
    [5, () => `[${name}](/develop/release-management/features/${team.toLowerCase()}/${slug.toLowerCase()}.html)`],
  ])();
  const status = clean ? 'Orange - In progress' : weighted(rng, STATUSES);
  const test = weighted<() => string>(rng, [
    [55, () => '?'],
    [15, () => `[Features/${slug}#Testing](Features/${slug}#Testing)`],
    [19, () => ''],
    [6, () => `<http://www.ovirt.org/Features/${slug}>`],
    [6, () => `[Test cases](Features/${name}#Test_cases)`],
  ])();
  const remark = weighted<() => string>(rng, [
    [42, () => pick(rng, REMARKS)],
    [43, () => ''],
    [10, () => '?'],
    [clean ? 0 : 3, () => 'UI | REST done'], // unescaped pipe in text: one cell too many
    [clean ? 0 : 2, () => 'UI \\| REST done'],
  ])();
  return [
    team,
    feature,
    weighted(rng, PRIORITIES),
    clean ? `[ Arik Hadas](User:ahadas)` : owner(rng),
    status,
    weighted(rng, DATES)(rng),
    test,
    remark,
  ];
}

function formatRow(cells: readonly string[], padded: boolean): string {
  if (!padded) return `| ${cells.join(' | ')} |`;
  return `| ${cells.map((c, i) => c.padEnd(PADDED[i] ?? 0)).join(' | ')} |`;
}

export interface GeneratedPage {
  text: string;
  rows: number;
  /** 0-based line of the table's header row. */
  headerLine: number;
  /** 0-based line of the clean middle row (its cells can be edited). */
  middleLine: number;
}

const PREAMBLE = (release: string, rng: Rng): string[] => {
  const authors = Array.from({ length: 24 }, () => person(rng).nick);
  return [
    '---',
    `title: oVirt ${release} release-management`,
    'category: release',
    `authors: ${authors.slice(0, 12).join(', ')},`,
    `  ${authors.slice(12).join(', ')}`,
    'wiki_category: Releases',
    `wiki_title: OVirt ${release} release-management`,
    `wiki_revision_count: ${100 + Math.floor(rng() * 200)}`,
    'wiki_last_updated: 2013-08-27',
    '---',
    '',
    `# oVirt ${release} release-management`,
    '',
    '## Timeline',
    '',
    "*' These are tentative planning dates and may change*'",
    '',
    '*   General availability: **2013-09-04**',
    '    -   Beta release: **2013-07-18**',
    '    -   Feature freeze: **2013-07-17**',
    `    -   oVirt ${release} Test Day: **2013-07-24**`,
    '    -   RC Build: **2013-08-14**',
    '',
    '## Tracker Bug',
    '',
    '*   [Tracker - 918494](https://bugzilla.redhat.com/show_bug.cgi?id=918494)',
    '',
    '## Release Criteria',
    '',
    'Tracker bug: <https://bugzilla.redhat.com/918494>',
    '',
    '### MUST',
    '',
    '*   **MUST**: No blockers on the lower level components - libvirt, lvm,device-mapper,qemu-kvm, Jboss, postgres, iscsi-initiator',
    '*   **MUST**: All image related operations work - copy, move, import, export, snapshot (vm and template)',
    '*   **MUST**: Upgrade from previous release',
    '    -   [Bug #916728: Upgrade from 3.1 to 3.2 fails](//bugzilla.redhat.com/show_bug.cgi?id=916728)',
    '*   **MUST**: ovirt-node full cycle (register, approve and running VM)',
    '    -   See [Node test procedure](Node test procedure)',
    '*   **MUTS**: No known data corruptors',
    '*   **MUST**: Have Release Notes with feature specific information',
    '',
    '### SHOULD',
    '',
    '*   **SHOULD**: Can run full cycle with gluster storage',
    '*   **SHOULD**: (scheduling API first) VM affinity',
    '',
    '## Features Status Table',
    '',
  ];
};

const LEGEND = [
  '',
  '### Feature Table Mapping',
  '',
  '#### Release priority:',
  '',
  '*   Must - feature absense will delay the release',
  "*   Should - feature absense won't delay the release",
  '',
  '#### Status mapping:',
  '',
  "    * Red  - Feature isn't in code base yet.",
  '',
  '    * Orange  -  Feature is in code base but not completed yet.',
  '',
  '    * Green  - Feature is in code base and ready for testing.',
  '',
  '#### Target Date',
  '',
  'date complete feature is merged in code base',
  '',
  '<Category:Releases> [Category:Release management](Category:Release management)',
  '',
];

/** A page with `rows` feature rows; `seed` picks the values (and the release number). */
export function generatePage(rows: number, seed = 1): GeneratedPage {
  const rng = prng(seed * 7919 + rows);
  const release = `${3 + (seed % 5)}.${seed % 10}`;
  const lines = PREAMBLE(release, rng);
  const headerLine = lines.length;
  lines.push(formatRow(HEADER, true), `|${PADDED.map((w) => '-'.repeat(Math.max(w, 7) + 2)).join('|')}|`);
  const middle = Math.floor(rows / 2);
  let team = pick(rng, TEAMS);
  for (let i = 0; i < rows; i++) {
    if (rng() < 0.08) team = pick(rng, TEAMS);
    const clean = i === middle;
    lines.push(formatRow(row(rng, team, i, clean), !clean && rng() < 0.1));
  }
  lines.push(...LEGEND);
  return { text: lines.join('\n'), rows, headerLine, middleLine: headerLine + 2 + middle };
}

/** Column span [start, end) of a cell's trimmed content in a row without escaped or stray pipes. */
export function cellSpan(line: string, cell: number): { start: number; end: number } {
  let pipe = -1;
  for (let k = 0; k <= cell; k++) pipe = line.indexOf('|', pipe + 1);
  const next = line.indexOf('|', pipe + 1);
  if (pipe < 0 || next < 0) throw new Error(`row has no cell ${cell}: ${line}`);
  let start = pipe + 1;
  let end = next;
  while (start < end && line[start] === ' ') start++;
  while (end > start && line[end - 1] === ' ') end--;
  return { start, end };
}

/** The k-th edit of the middle row's Status cell: a new value each time, as a person typing would leave it. */
export function statusEdit(k: number): string {
  return k % 2 === 0 ? `Orange - in review, rev ${k}` : `Green - merged, rev ${k}`;
}

/** Replaces the trimmed content of one cell; returns the new text and the replaced span. */
export function editCell(text: string, line: number, cell: number, value: string): { text: string; start: number; end: number } {
  let offset = 0;
  for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  const eol = text.indexOf('\n', offset);
  const lineText = text.slice(offset, eol < 0 ? text.length : eol);
  const span = cellSpan(lineText, cell);
  return { text: text.slice(0, offset + span.start) + value + text.slice(offset + span.end), start: span.start, end: span.end };
}
