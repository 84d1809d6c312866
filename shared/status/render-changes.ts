/**
 * The "Changes" section: what changed on the page since a base revision (`PageChanges`), as HTML for
 * the preview and the report (`report --since`, `changes --format html`), and one feature's history
 * strip. Every piece of page text goes through `bdi`/`esc`; numbers through `num`.
 */
import { ENGLISH, english, type Language, type Translate } from '../l10n';
import { bdi, chip, dayCount, esc, hole, holes, lineAttr, num } from './html';
import type { FeatureChange, FeatureHistory, FeatureRef, MilestoneChange, PageChanges } from './changes';
import { changesSummary } from './changes-summary';
import type { StatusDate } from './model';

export interface ChangesRenderOptions {
  /** The preview: items reveal their line on click. */
  interactive: boolean;
  /** The section's own words in the user's language (English when absent); page text stays as written. */
  language?: Language;
}

function dateText(d: StatusDate | null, t: Translate): string {
  return d ? bdi(d.iso ?? d.text) : `<span class="rp-muted">${esc(t('not set'))}</span>`;
}

/** `+14 days` (a slip) or `−3 days` (pulled in). */
export function daysText(days: number, t: Translate = english): string {
  return days > 0 ? `+${dayCount(days, t)}` : `\u2212${dayCount(-days, t)}`;
}

/** An old date struck through, an arrow, the new date, and the days between. */
function moved(from: StatusDate | null, to: StatusDate | null, days: number | null, t: Translate): string {
  const by = days ? ` <span class="rp-ch-days rp-ch-${days > 0 ? 'late' : 'early'}">${esc(daysText(days, t))}</span>` : '';
  return `<del>${dateText(from, t)}</del> <span aria-label="${esc(t('moved to'))}">\u2192</span> ${dateText(to, t)}${by}`;
}

function item(inner: string, line: number, o: ChangesRenderOptions): string {
  return o.interactive ? `<li${lineAttr(line)} tabindex="0" class="rp-ch-item">${inner}</li>` : `<li class="rp-ch-item">${inner}</li>`;
}

function was(name: string | null, t: Translate): string {
  return name ? ` <span class="rp-muted">(${holes(t('was {0}', hole(0)), bdi(name))})</span>` : '';
}

function featureName(f: FeatureChange, t: Translate): string {
  return `<span class="rp-ch-name">${bdi(f.name)}</span>${was(f.oldName, t)}`;
}

/** `from → to` of a priority or owner, `not set` for a side without one. */
function valueChange(from: string | null, to: string | null, t: Translate): string {
  const side = (v: string | null): string => (v === null ? esc(t('not set')) : bdi(v));
  return `${side(from)} \u2192 ${side(to)}`;
}

function featureLine(f: FeatureChange, t: Translate): string {
  const parts: string[] = [];
  if (f.status) parts.push(`${chip(f.status.from, t, f.status.fromLabel)} \u2192 ${chip(f.status.to, t, f.status.toLabel)}`);
  if (f.target) parts.push(holes(t('target {0}', hole(0)), moved(f.target.from, f.target.to, f.target.days, t)));
  if (f.priority) parts.push(holes(t('priority {0}', hole(0)), valueChange(f.priority.from, f.priority.to, t)));
  if (f.owner) parts.push(holes(t('owner {0}', hole(0)), valueChange(f.owner.from, f.owner.to, t)));
  if (!parts.length) parts.push(esc(t('renamed')));
  return `${featureName(f, t)}: ${parts.join('; ')}`;
}

function refLine(f: FeatureRef, t: Translate): string {
  const target = f.target ? `, ${holes(t('target {0}', hole(0)), dateText(f.target, t))}` : '';
  return `<span class="rp-ch-name">${bdi(f.name)}</span> ${chip(f.colour, t, f.statusLabel)}${target}`;
}

function milestoneLine(m: MilestoneChange, t: Translate): string {
  const cancelled = m.cancelled
    ? m.cancelled.to
      ? ` <span class="rp-badge rp-b-warn">${esc(t('cancelled'))}</span>`
      : ` (${esc(t('no longer cancelled'))})`
    : '';
  const release = m.release ? `${bdi(m.release)} ` : '';
  return `${release}<span class="rp-ch-name">${bdi(m.label)}</span>${was(m.oldLabel, t)}: ${moved(m.date.from, m.date.to, m.days, t)}${cancelled}`;
}

function group(title: string, cls: string, items: string[]): string {
  if (!items.length) return '';
  return `<div class="rp-ch-group rp-ch-${cls}"><h3>${esc(title)} <span class="rp-count">${num(items.length)}</span></h3><ul>${items.join('')}</ul></div>`;
}

function sideText(c: PageChanges, t: Translate): string {
  const b = c.base;
  const commit = b.commit ? ` <code>${esc(b.commit.slice(0, 12))}</code>` : '';
  const date = b.date ? ` ${esc(t('of {0}', b.date))}` : '';
  return `${bdi(b.label)}${commit}${date}`;
}

/** The changes' lists, without the section heading (the preview puts its base picker above them). */
export function renderChangesBody(c: PageChanges, o: ChangesRenderOptions): string {
  const t = (o.language ?? ENGLISH).t;
  const by = (d: string): FeatureChange[] => c.features.filter((f) => f.status?.direction === d);
  const rest = c.features.filter((f) => !f.status || f.status.direction === 'changed');
  const li = (inner: string, line: number): string => item(inner, line, o);
  // The summary in the user's language, from the same data as the core's English `c.summary`.
  const summary = o.language ? changesSummary(c, t) : c.summary;
  return (
    `<p class="rp-ch-summary">${esc(summary)}</p>` +
    group(
      t('Worse'),
      'worse',
      by('worse').map((f) => li(featureLine(f, t), f.line)),
    ) +
    group(
      t('Better'),
      'better',
      by('better').map((f) => li(featureLine(f, t), f.line)),
    ) +
    group(
      t('Other changes'),
      'other',
      rest.map((f) => li(featureLine(f, t), f.line)),
    ) +
    group(
      t('New features'),
      'added',
      c.added.map((f) => li(refLine(f, t), f.line)),
    ) +
    group(
      t('Removed features'),
      'removed',
      c.removed.map((f) => `<li class="rp-ch-item">${refLine(f, t)}</li>`),
    ) +
    group(
      t('Milestones moved'),
      'milestones',
      c.milestones.map((m) => li(milestoneLine(m, t), m.line)),
    ) +
    group(
      t('New milestones'),
      'ms-added',
      c.milestonesAdded.map((m) => li(`${bdi(m.label)}: ${dateText(m.date, t)}`, m.line)),
    ) +
    group(
      t('Removed milestones'),
      'ms-removed',
      c.milestonesRemoved.map((m) => `<li class="rp-ch-item">${bdi(m.label)}: ${dateText(m.date, t)}</li>`),
    ) +
    group(
      t('New criteria'),
      'crit-added',
      c.criteriaAdded.map((x) => li(`${esc(x.keyword)}: ${bdi(x.text)}`, x.line)),
    ) +
    group(
      t('Removed criteria'),
      'crit-removed',
      c.criteriaRemoved.map((x) => `<li class="rp-ch-item">${esc(x.keyword)}: ${bdi(x.text)}</li>`),
    )
  );
}

/** The whole section, as the report shows it. */
export function renderChanges(c: PageChanges, o: ChangesRenderOptions = { interactive: false }): string {
  const t = (o.language ?? ENGLISH).t;
  return (
    `<section class="rp-section rp-changes" aria-labelledby="rp-h-changes"><h2 id="rp-h-changes">${holes(t('Changes since {0}', hole(0)), sideText(c, t))}</h2>` +
    `${renderChangesBody(c, o)}</section>`
  );
}

/** A feature's status over the page's revisions: one chip per revision, oldest first, with its date. */
export function renderFeatureHistory(h: FeatureHistory, language: Language = ENGLISH): string {
  const t = language.t;
  const chips = h.points.map((p) => {
    const title = `${p.date ?? ''} ${p.commit.slice(0, 12)}${p.target ? ` · ${t('target {0}', p.target)}` : ''}`;
    const inner = p.absent ? `<span class="rp-muted">${esc(t('not on the page'))}</span>` : chip(p.colour, t, p.statusLabel);
    return `<li class="rp-hs-point" title="${esc(title)}">${inner}<span class="rp-hs-date">${esc(p.date ?? '')}</span></li>`;
  });
  const over = h.points.length === 1 ? t('over {0} revision', h.points.length) : t('over {0} revisions', h.points.length);
  return `<div class="rp-history-strip" aria-label="${esc(t('History of {0}', h.name))}"><h3>${bdi(h.name)} <span class="rp-muted">${esc(over)}</span></h3><ol>${chips.join('')}</ol></div>`;
}
