/** Which kind of page a page is, from its title, front matter, timelines and tables. */
import type { FrontMatter } from './frontmatter';
import type { PageKind, PageModel, TableModel, Timeline } from './page-model';

function fmString(fm: FrontMatter | null, key: string): string | null {
  const f = fm?.fields.get(key);
  return f && typeof f.value === 'string' ? f.value : null;
}

export function detectKind(p: {
  fm: FrontMatter | null;
  title: string | null;
  release: string | null;
  timelines: Timeline[];
  tables: TableModel[];
  plan: PageModel['plan'];
  text: () => string;
}): PageKind {
  const category = (fmString(p.fm, 'category') ?? '').toLowerCase();
  const title = p.title ?? '';
  const layout = (fmString(p.fm, 'layout') ?? '').toLowerCase();
  const dated = p.timelines.reduce(
    (n, t) => n + t.milestones.filter((m) => m.kind !== 'other' && (m.date || m.superseded.length)).length,
    0,
  );
  if (layout === 'post' && (p.release !== null || /\brelease/i.test(p.text()))) return 'announcement';
  if (/release[- ]management/i.test(title)) return p.release && /\.z$/i.test(p.release) ? 'z-stream' : 'release-management';
  if (/test[- ]?day|testing\b/i.test(title) && (category.startsWith('release') || p.tables.some((t) => t.isFeatureTable) || p.release))
    return 'test-day';
  if (p.plan.filter((m) => m.status).length >= 1) return 'milestone-plan';
  if (/\broadmap\b/i.test(title)) return 'roadmap';
  if (category === 'release' || category === 'release-management') return 'release-management';
  if (p.tables.some((t) => t.isFeatureTable) || dated >= 2) return 'release-management';
  return 'other';
}
