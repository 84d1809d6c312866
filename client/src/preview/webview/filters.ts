/** The preview's filter bar: team, status, priority, attention and free text. Built with DOM calls only. */
import {
  type CountGroup,
  EMPTY_FILTER,
  type FilterState,
  hasStatusValues,
  isFilterActive,
  colourName,
  isolate,
  NO_PRIORITY,
  NO_TEAM,
  type PageStatus,
  type QuickFilter,
  STATUS_COLOURS,
  type StatusColour,
} from '../../../../shared/status';
import { ENGLISH, type Language } from '../../../../shared/l10n';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  if (text) el.textContent = text;
  return el;
}

/** A label around its control; its text node is returned too, to be worded again when the language arrives. */
function labelled(control: HTMLElement): [HTMLLabelElement, Text] {
  const label = element('label');
  const text = document.createTextNode('');
  label.append(text, control);
  return [label, text];
}

function setOptions(select: HTMLSelectElement, options: ReadonlyArray<readonly [string, string]>): void {
  select.replaceChildren(
    ...options.map(([value, text]) => {
      const o = element('option', {}, text);
      o.value = value;
      return o;
    }),
  );
}

/**
 * Option values are indices into the groups: names are page text and need no encoding that way. An
 * `<option>` holds plain text only, so a name's bidi controls are isolated with FSI … PDI.
 */
function groupOptions(all: string, groups: readonly CountGroup[], none: string): Array<[string, string]> {
  return [['', all], ...groups.map((g, i): [string, string] => [String(i), `${isolate(g.name ?? none)} (${g.counts.total})`])];
}

export class FilterBar {
  private readonly team = element('select');
  private readonly colour = element('select');
  /** The status values (`On track`, `Active LTS`), shown when they are not just the colours' names. */
  private readonly value = element('select');
  private readonly priority = element('select');
  private readonly only = element('select');
  private readonly text = element('input', { type: 'search' });
  private readonly clear = element('button', { type: 'button', class: 'rp-button' });
  private readonly shown = element('span', { class: 'rp-shown', 'aria-live': 'polite' });
  private readonly labels = [this.team, this.colour, this.value, this.priority, this.only].map(labelled);
  private teams: CountGroup[] = [];
  private priorities: CountGroup[] = [];
  private statuses: CountGroup[] = [];
  private optionsKey = '';
  private language: Language = ENGLISH;

  constructor(
    root: HTMLElement,
    private readonly onChange: (filter: FilterState) => void,
  ) {
    root.replaceChildren(...this.labels.map(([label]) => label), this.text, this.clear, this.shown);
    this.setLanguage(ENGLISH);
    for (const control of [this.team, this.colour, this.value, this.priority, this.only])
      control.addEventListener('change', () => this.onChange(this.read()));
    this.text.addEventListener('input', () => this.onChange(this.read()));
    this.clear.addEventListener('click', () => {
      this.set(EMPTY_FILTER);
      this.onChange(this.read());
      this.text.focus();
    });
  }

  /** Words the bar in `language`; the options that name counts are worded at the next `update`. */
  setLanguage(language: Language): void {
    const { t } = language;
    this.language = language;
    const [team, status, value, priority, show] = this.labels.map(([, text]) => text);
    team.data = t('Team');
    status.data = t('Status');
    value.data = t('Status value');
    priority.data = t('Priority');
    show.data = t('Show');
    const only = this.only.value;
    setOptions(this.only, [
      ['', t('All features')],
      ['must', t('Must, not Green')],
      ['overdue', t('Overdue')],
    ]);
    this.only.value = only;
    this.text.placeholder = t('Filter features…');
    this.text.setAttribute('aria-label', t('Filter features by text'));
    this.clear.textContent = t('Clear filters');
    this.optionsKey = '';
  }

  /** New options for a new model (kept when the teams and priorities did not change); returns the filter that still applies. */
  update(status: PageStatus, filter: FilterState): FilterState {
    const key = JSON.stringify([
      status.byTeam.map((g) => [g.name, g.counts.total]),
      status.byPriority.map((g) => [g.name, g.counts.total]),
      status.byStatus.map((g) => [g.name, g.counts.total]),
      status.counts,
    ]);
    if (key !== this.optionsKey) {
      const { t } = this.language;
      this.optionsKey = key;
      this.teams = status.byTeam;
      this.priorities = status.byPriority;
      setOptions(this.team, groupOptions(t('All teams'), this.teams, t('No team')));
      setOptions(this.priority, groupOptions(t('All priorities'), this.priorities, t('No priority')));
      this.statuses = status.byStatus.filter((g) => g.name !== null);
      setOptions(this.value, groupOptions(t('All values'), this.statuses, ''));
      this.labels[2][0].hidden = !hasStatusValues(status);
      // A team or priority select with nothing but "No team" filters nothing (a table without the column).
      this.labels[0][0].hidden = this.teams.every((g) => g.name === null);
      this.labels[3][0].hidden = this.priorities.every((g) => g.name === null);
      const colours = STATUS_COLOURS.filter((c) => c !== 'other' || status.counts.other > 0);
      setOptions(this.colour, [
        ['', t('All statuses')],
        ...colours.map((c): [string, string] => [c, `${colourName(c, t)} (${status.counts[c]})`]),
      ]);
    }
    const kept: FilterState = {
      ...filter,
      team: filter.team === '' || this.index(this.teams, filter.team, NO_TEAM) >= 0 ? filter.team : '',
      priority: filter.priority === '' || this.index(this.priorities, filter.priority, NO_PRIORITY) >= 0 ? filter.priority : '',
      status: filter.status === '' || this.index(this.statuses, filter.status, '') >= 0 ? filter.status : '',
    };
    this.set(kept);
    return kept;
  }

  set(filter: FilterState): void {
    this.team.value = filter.team === '' ? '' : String(this.index(this.teams, filter.team, NO_TEAM));
    this.priority.value = filter.priority === '' ? '' : String(this.index(this.priorities, filter.priority, NO_PRIORITY));
    this.colour.value = filter.colour;
    this.value.value = filter.status === '' ? '' : String(this.index(this.statuses, filter.status, ''));
    this.only.value = filter.only;
    if (this.text.value !== filter.text) this.text.value = filter.text;
    this.clear.disabled = !isFilterActive(filter);
  }

  read(): FilterState {
    const name = (groups: readonly CountGroup[], value: string, none: string): string => {
      if (value === '') return '';
      const g = groups[Number(value)] as CountGroup | undefined; // the select's value may be stale
      return g ? (g.name ?? none) : '';
    };
    const filter: FilterState = {
      team: name(this.teams, this.team.value, NO_TEAM),
      colour: this.colour.value as StatusColour | '',
      status: name(this.statuses, this.value.value, ''),
      priority: name(this.priorities, this.priority.value, NO_PRIORITY),
      text: this.text.value,
      only: this.only.value as QuickFilter,
    };
    this.clear.disabled = !isFilterActive(filter);
    return filter;
  }

  setShown(shown: number, total: number): void {
    const { t } = this.language;
    if (shown === total) this.shown.textContent = total === 1 ? t('{0} feature', total) : t('{0} features', total);
    else this.shown.textContent = total === 1 ? t('{0} of {1} feature', shown, total) : t('{0} of {1} features', shown, total);
  }

  private index(groups: readonly CountGroup[], name: string, none: string): number {
    return groups.findIndex((g) => (g.name ?? none) === name);
  }
}
