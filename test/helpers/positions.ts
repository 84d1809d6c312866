/** Positions in a text by search: the line holding a marker and the column of a needle on it (for editor tests). */
export interface Pos {
  line: number;
  character: number;
}

/** The position of `needle` (plus `offset` characters) on the first line that contains `lineMarker` (default: the needle). */
export function positionOf(text: string, needle: string, options: { lineMarker?: string; offset?: number; occurrence?: number } = {}): Pos {
  const lines = text.split(/\r?\n/);
  const marker = options.lineMarker ?? needle;
  const matches = lines.map((l, i) => [l, i] as const).filter(([l]) => l.includes(marker));
  const hit = matches[options.occurrence ?? 0] as (typeof matches)[number] | undefined; // fewer matches than asked
  if (!hit) throw new Error(`no line contains ${JSON.stringify(marker)}`);
  const [line, index] = hit;
  const column = line.indexOf(needle);
  if (column < 0) throw new Error(`line ${index + 1} does not contain ${JSON.stringify(needle)}`);
  return { line: index, character: column + (options.offset ?? 0) };
}
