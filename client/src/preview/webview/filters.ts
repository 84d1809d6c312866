/** The preview's filter bar: team, status, priority, attention and free text. Built with DOM calls only. */
import {
  type CountGroup,
  EMPTY_FILTER,
  type FilterState,
  hasStatusValues,
  isFilterActive,
  isolate,
  NO_PRIORITY,
  NO_TEAM,
  type PageStatus,
  type QuickFilter,
  STATUS_COLOURS,
  type StatusColour,
} from '../../../../shared/status';

const COLOUR_LABELS: Record<StatusColour, string> = { green: 'Green', orange: 'Orange', red: 'Red', other: 'Other', unset: 'Not set' };

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

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = element('label');
  label.append(document.createTextNode(text), control);
  return label;
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
  private readonly valueLabel = labelled('Status value', this.value);
  private readonly priority = element('select');
  private readonly only = element('select');
  private readonly text = element('input', { type: 'search', placeholder: 'Filter features…', 'aria-label': 'Filter features by text' });
  private readonly clear = element('button', { type: 'button', class: 'rp-button' }, 'Clear filters');
  private readonly shown = element('span', { class: 'rp-shown', 'aria-live': 'polite' });
  private teams: CountGroup[] = [];
  private priorities: CountGroup[] = [];
  private statuses: CountGroup[] = [];
  private optionsKey = '';

  constructor(
    root: HTMLElement,
    private readonly onChange: (filter: FilterState) => void,
  ) {
    setOptions(this.only, [
      ['', 'All features'],
      ['must', 'Must, not Green'],
      ['overdue', 'Overdue'],
    ]);
    root.replaceChildren(
      labelled('Team', this.team),
      labelled('Status', this.colour),
      this.valueLabel,
      labelled('Priority', this.priority),
      labelled('Show', this.only),
      this.text,
      this.clear,
      this.shown,
    );
    for (const control of [this.team, this.colour, this.value, this.priority, this.only])
      control.addEventListener('change', () => this.onChange(this.read()));
    this.text.addEventListener('input', () => this.onChange(this.read()));
    this.clear.addEventListener('click', () => {
      this.set(EMPTY_FILTER);
      this.onChange(this.read());
      this.text.focus();
    });
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
      this.optionsKey = key;
      this.teams = status.byTeam;
      this.priorities = status.byPriority;
      setOptions(this.team, groupOptions('All teams', this.teams, 'No team'));
      setOptions(this.priority, groupOptions('All priorities', this.priorities, 'No priority'));
      this.statuses = status.byStatus.filter((g) => g.name !== null);
      setOptions(this.value, groupOptions('All values', this.statuses, ''));
      this.valueLabel.hidden = !hasStatusValues(status);
      const colours = STATUS_COLOURS.filter((c) => c !== 'other' || status.counts.other > 0);
      setOptions(this.colour, [
        ['', 'All statuses'],
        ...colours.map((c): [string, string] => [c, `${COLOUR_LABELS[c]} (${status.counts[c]})`]),
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
    this.shown.textContent = shown === total ? `${total} features` : `${shown} of ${total} features`;
  }

  private index(groups: readonly CountGroup[], name: string, none: string): number {
    return groups.findIndex((g) => (g.name ?? none) === name);
  }
}
