/**
 * The "Changes" section: what changed on the page since a base revision (`PageChanges`), as HTML for
 * the preview and the report (`report --since`, `changes --format html`), and one feature's history
 * strip. Every piece of page text goes through `bdi`/`esc`; numbers through `num`.
 */
import { bdi, chip, esc, lineAttr, num, plural } from './html';
import type { FeatureChange, FeatureHistory, FeatureRef, MilestoneChange, PageChanges } from './changes';
import type { StatusDate } from './model';

export interface ChangesRenderOptions {
  /** The preview: items reveal their line on click. */
  interactive: boolean;
}

function dateText(d: StatusDate | null): string {
  return d ? bdi(d.iso ?? d.text) : '<span class="rp-muted">not set</span>';
}

/** `+14 days` (a slip) or `−3 days` (pulled in). */
export function daysText(days: number): string {
  return days > 0 ? `+${plural(days, 'day')}` : `\u2212${plural(-days, 'day')}`;
}

/** An old date struck through, an arrow, the new date, and the days between. */
function moved(from: StatusDate | null, to: StatusDate | null, days: number | null): string {
  const by = days ? ` <span class="rp-ch-days rp-ch-${days > 0 ? 'late' : 'early'}">${esc(daysText(days))}</span>` : '';
  return `<del>${dateText(from)}</del> <span aria-label="moved to">\u2192</span> ${dateText(to)}${by}`;
}

function item(inner: string, line: number, o: ChangesRenderOptions): string {
  return o.interactive ? `<li${lineAttr(line)} tabindex="0" class="rp-ch-item">${inner}</li>` : `<li class="rp-ch-item">${inner}</li>`;
}

function featureName(f: FeatureChange): string {
  const was = f.oldName ? ` <span class="rp-muted">(was ${bdi(f.oldName)})</span>` : '';
  return `<span class="rp-ch-name">${bdi(f.name)}</span>${was}`;
}

function featureLine(f: FeatureChange): string {
  const parts: string[] = [];
  if (f.status) parts.push(`${chip(f.status.from, f.status.fromLabel)} \u2192 ${chip(f.status.to, f.status.toLabel)}`);
  if (f.target) parts.push(`target ${moved(f.target.from, f.target.to, f.target.days)}`);
  if (f.priority) parts.push(`priority ${bdi(f.priority.from ?? 'not set')} \u2192 ${bdi(f.priority.to ?? 'not set')}`);
  if (f.owner) parts.push(`owner ${bdi(f.owner.from ?? 'not set')} \u2192 ${bdi(f.owner.to ?? 'not set')}`);
  if (!parts.length) parts.push('renamed');
  return `${featureName(f)}: ${parts.join('; ')}`;
}

function refLine(f: FeatureRef): string {
  const target = f.target ? `, target ${dateText(f.target)}` : '';
  return `<span class="rp-ch-name">${bdi(f.name)}</span> ${chip(f.colour, f.statusLabel)}${target}`;
}

function milestoneLine(m: MilestoneChange): string {
  const was = m.oldLabel ? ` <span class="rp-muted">(was ${bdi(m.oldLabel)})</span>` : '';
  const cancelled = m.cancelled ? (m.cancelled.to ? ' <span class="rp-badge rp-b-warn">cancelled</span>' : ' (no longer cancelled)') : '';
  const release = m.release ? `${bdi(m.release)} ` : '';
  return `${release}<span class="rp-ch-name">${bdi(m.label)}</span>${was}: ${moved(m.date.from, m.date.to, m.days)}${cancelled}`;
}

function group(title: string, cls: string, items: string[]): string {
  if (!items.length) return '';
  return `<div class="rp-ch-group rp-ch-${cls}"><h3>${esc(title)} <span class="rp-count">${num(items.length)}</span></h3><ul>${items.join('')}</ul></div>`;
}

function sideText(c: PageChanges): string {
  const b = c.base;
  const commit = b.commit ? ` <code>${esc(b.commit.slice(0, 12))}</code>` : '';
  const date = b.date ? ` of ${esc(b.date)}` : '';
  return `${bdi(b.label)}${commit}${date}`;
}

/** The changes' lists, without the section heading (the preview puts its base picker above them). */
export function renderChangesBody(c: PageChanges, o: ChangesRenderOptions): string {
  const by = (d: string): FeatureChange[] => c.features.filter((f) => f.status?.direction === d);
  const rest = c.features.filter((f) => !f.status || f.status.direction === 'changed');
  const li = (inner: string, line: number): string => item(inner, line, o);
  return (
    `<p class="rp-ch-summary">${esc(c.summary)}</p>` +
    group(
      'Worse',
      'worse',
      by('worse').map((f) => li(featureLine(f), f.line)),
    ) +
    group(
      'Better',
      'better',
      by('better').map((f) => li(featureLine(f), f.line)),
    ) +
    group(
      'Other changes',
      'other',
      rest.map((f) => li(featureLine(f), f.line)),
    ) +
    group(
      'New features',
      'added',
      c.added.map((f) => li(refLine(f), f.line)),
    ) +
    group(
      'Removed features',
      'removed',
      c.removed.map((f) => `<li class="rp-ch-item">${refLine(f)}</li>`),
    ) +
    group(
      'Milestones moved',
      'milestones',
      c.milestones.map((m) => li(milestoneLine(m), m.line)),
    ) +
    group(
      'New milestones',
      'ms-added',
      c.milestonesAdded.map((m) => li(`${bdi(m.label)}: ${dateText(m.date)}`, m.line)),
    ) +
    group(
      'Removed milestones',
      'ms-removed',
      c.milestonesRemoved.map((m) => `<li class="rp-ch-item">${bdi(m.label)}: ${dateText(m.date)}</li>`),
    ) +
    group(
      'New criteria',
      'crit-added',
      c.criteriaAdded.map((x) => li(`${esc(x.keyword)}: ${bdi(x.text)}`, x.line)),
    ) +
    group(
      'Removed criteria',
      'crit-removed',
      c.criteriaRemoved.map((x) => `<li class="rp-ch-item">${esc(x.keyword)}: ${bdi(x.text)}</li>`),
    )
  );
}

/** The whole section, as the report shows it. */
export function renderChanges(c: PageChanges, o: ChangesRenderOptions = { interactive: false }): string {
  return (
    `<section class="rp-section rp-changes" aria-labelledby="rp-h-changes"><h2 id="rp-h-changes">Changes since ${sideText(c)}</h2>` +
    `${renderChangesBody(c, o)}</section>`
  );
}

/** A feature's status over the page's revisions: one chip per revision, oldest first, with its date. */
export function renderFeatureHistory(h: FeatureHistory): string {
  const chips = h.points.map((p) => {
    const title = `${p.date ?? ''} ${p.commit.slice(0, 12)}${p.target ? ` · target ${p.target}` : ''}`;
    const inner = p.absent ? '<span class="rp-muted">not on the page</span>' : chip(p.colour, p.statusLabel);
    return `<li class="rp-hs-point" title="${esc(title)}">${inner}<span class="rp-hs-date">${esc(p.date ?? '')}</span></li>`;
  });
  return `<div class="rp-history-strip" aria-label="${esc(`History of ${h.name}`)}"><h3>${bdi(h.name)} <span class="rp-muted">over ${esc(plural(h.points.length, 'revision'))}</span></h3><ol>${chips.join('')}</ol></div>`;
}
