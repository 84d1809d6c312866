/**
 * The preview's "Changes" section in the webview: the base picker, the changes since that base (drawn
 * by shared/status/render-changes.ts), marks on the features table and the timeline (old date struck,
 * an arrow to the new), and a feature's history strip, asked for with a row's "History" button.
 */
import {
  daysText,
  esc,
  bdi,
  renderChangesBody,
  renderFeatureHistory,
  type FeatureHistory,
  type PageChanges,
} from '../../../../shared/status';
import type { BaseChoice, WebviewMessage } from '../../../../shared/preview-messages';
import { ENGLISH, type Language, type Translate } from '../../../../shared/l10n';

/** A status change's direction as the features table's mark says it. */
function directionText(direction: string, t: Translate): string {
  switch (direction) {
    case 'worse':
      return t('worse');
    case 'better':
      return t('better');
    case 'changed':
      return t('changed');
    default:
      return '';
  }
}

export class ChangesView {
  private changes: PageChanges | null = null;
  private language: Language = ENGLISH;
  /** What `update` drew last, to draw it again in a new language. */
  private shown: Parameters<ChangesView['update']> | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly post: (message: WebviewMessage) => void,
  ) {
    el.addEventListener('change', (e) => {
      if (e.target instanceof HTMLSelectElement && e.target.id === 'rp-ch-base') this.post({ type: 'changesBase', base: e.target.value });
    });
  }

  /** Handles clicks on "History" buttons inside `root` before the row's own click (which reveals its line). */
  listen(root: HTMLElement): void {
    root.addEventListener('click', (e) => {
      const button = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-history-name]') : null;
      if (!button) return;
      e.stopPropagation();
      this.post({ type: 'featureHistory', name: button.dataset.historyName ?? '' });
    });
  }

  /** Words the section in `language` (drawn again when it is shown). */
  setLanguage(language: Language): void {
    this.language = language;
    if (this.shown) this.update(...this.shown);
  }

  update(bases: readonly BaseChoice[], selected: string, changes: PageChanges | null, note: string): void {
    const { t } = this.language;
    this.shown = [bases, selected, changes, note];
    this.changes = changes;
    const options = bases
      .map((b) => `<option value="${esc(b.id)}"${b.id === selected ? ' selected' : ''}>${esc(b.label)}</option>`)
      .join('');
    const picker = bases.length
      ? `<div class="rp-ch-picker"><label for="rp-ch-base">${esc(t('Compare with'))}</label><select id="rp-ch-base">${options}</select></div>`
      : '';
    const body = changes
      ? renderChangesBody(changes, { interactive: true, language: this.language })
      : `<p class="rp-muted">${esc(note)}</p>`;
    this.el.innerHTML =
      `<section class="rp-section rp-changes" aria-labelledby="rp-h-changes"><h2 id="rp-h-changes">${esc(t('Changes'))}</h2>${picker}` +
      `<div id="rp-ch-history" role="region" aria-label="${esc(t('Feature history'))}"></div>${body}</section>`;
    for (const item of this.el.querySelectorAll<HTMLElement>('.rp-ch-item[data-line]')) {
      const f = changes?.features.find((x) => String(x.line) === item.dataset.line);
      if (f) item.insertAdjacentHTML('beforeend', historyButton(f.name, t));
    }
    this.mark();
  }

  showHistory(history: FeatureHistory | null, note: string): void {
    const box = this.el.querySelector('#rp-ch-history');
    if (box) box.innerHTML = history ? renderFeatureHistory(history, this.language) : `<p class="rp-muted">${esc(note)}</p>`;
    box?.scrollIntoView({ block: 'nearest' });
  }

  /** Marks changed rows in the features table and moved milestones on the timeline (after each redraw of them). */
  mark(): void {
    const c = this.changes;
    const { t } = this.language;
    for (const old of document.querySelectorAll('.rp-ch-mark')) old.remove();
    if (!c) return;
    for (const f of c.features) {
      const row = document.querySelector(`#rp-table [data-line="${f.line}"]`);
      if (!row) continue;
      const parts: string[] = [];
      if (f.status) parts.push(`<span class="rp-ch-dir">${esc(directionText(f.status.direction, t))}</span>`);
      if (f.target?.days)
        parts.push(
          `${esc(t('target'))} <span class="rp-ch-days rp-ch-${f.target.days > 0 ? 'late' : 'early'}">${esc(daysText(f.target.days, t))}</span>`,
        );
      const cell = row.querySelector('td:nth-child(2)') ?? row;
      cell.insertAdjacentHTML(
        'beforeend',
        ` <span class="rp-ch-mark" title="${esc(t('Changed since the base'))}">${parts.join(' ')}${historyButton(f.name, t)}</span>`,
      );
    }
    for (const f of c.added)
      document
        .querySelector(`#rp-table [data-line="${f.line}"] td:nth-child(2)`)
        ?.insertAdjacentHTML('beforeend', ` <span class="rp-ch-mark rp-badge">${esc(t('new'))}</span>`);
    for (const m of c.milestones) {
      const item = document.querySelector(`#rp-timeline button[data-line="${m.line}"]`); // the list's entry (not the drawing's)
      const from = m.date.from ? bdi(m.date.from.iso ?? m.date.from.text) : esc(t('not set'));
      const to = m.date.to ? bdi(m.date.to.iso ?? m.date.to.text) : esc(t('not set'));
      item?.insertAdjacentHTML(
        'afterend',
        ` <span class="rp-ch-mark"><del>${from}</del> \u2192 ${to}${m.days ? ` (${esc(daysText(m.days, t))})` : ''}</span>`,
      );
    }
  }
}

function historyButton(name: string, t: Translate): string {
  return ` <button type="button" class="rp-button rp-ch-history" data-history-name="${esc(name)}" title="${esc(t('History of {0}', name))}">${esc(t('History'))}</button>`;
}
