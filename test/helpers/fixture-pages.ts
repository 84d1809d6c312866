/**
 * The pieces of test/unit/fixture-pages.test.ts that read a fixture page: its inline `expect` markers,
 * the readable difference between markers and findings, and the lines a first fixing pass may change.
 * The markers are described in test/fixtures/README.md.
 */
import {
  applyFixGroups,
  type Finding,
  type Fix,
  fixAllGroups,
  lineStartsOf,
  offsetAt,
  selectFixEdits,
  type SourceLine,
  splitLines,
  type TextEdit,
} from '../../server/src/core';

// ---- markers ----

const MARKER = /<!--\s*expect(-next-line|-prev-line)?\s*:\s*([\s\S]*?)\s*-->/g;

/** Expected rule ids per 0-based line, from the markers. */
export function expectedFindings(lines: readonly SourceLine[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  lines.forEach((l, i) => {
    for (const m of l.text.matchAll(MARKER)) {
      const target = m[1] === '-next-line' ? i + 1 : m[1] === '-prev-line' ? i - 1 : i;
      const ids = m[2]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      out.set(target, [...(out.get(target) ?? []), ...ids]);
    }
  });
  return out;
}

export function foundByLine(findings: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) out.set(f.range.start.line, [...(out.get(f.range.start.line) ?? []), f]);
  return out;
}

export function where(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** A readable list of the lines whose expected and found rule ids differ (empty when they agree). */
export function markerDiff(lines: readonly SourceLine[], findings: readonly Finding[]): string[] {
  const expected = expectedFindings(lines);
  const found = foundByLine(findings);
  const all = [...new Set([...expected.keys(), ...found.keys()])].sort((a, b) => a - b);
  const out: string[] = [];
  for (const line of all) {
    const exp = [...(expected.get(line) ?? [])].sort();
    const got = (found.get(line) ?? []).map((f) => f.rule).sort();
    if (exp.join() === got.join()) continue;
    const text = lines[line]?.text ?? '(no such line)';
    out.push(
      `  line ${line + 1}: expected [${exp.join(', ')}] got [${got.join(', ')}]\n      | ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`,
    );
    for (const f of found.get(line) ?? []) out.push(`      ${f.rule} @${where(f)}: ${f.message}`);
  }
  return out;
}

// ---- fixing ----

/** The fix `fixAllGroups` applies for a finding (its preferred fix, or its only fix). */
export function autoFix(f: Finding): Fix | undefined {
  return f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
}

/**
 * Lines a finding's fix may change. A fix changes the lines of its finding, except:
 * - table-delimiter-first: moving the delimiter row below the header changes the header line after it;
 * - table-interrupted: the fix removes the blank (or joins the indented) lines between the table and
 *   the cut rows, and so touches the table's last line.
 */
export function allowedLines(f: Finding, lines: readonly SourceLine[]): [number, number] {
  const { start, end } = f.range;
  switch (f.rule) {
    case 'table-delimiter-first':
      return [start.line, start.line + 1];
    case 'table-interrupted': {
      let k = start.line - 1;
      while (k > 0 && (lines[k].text.trim() === '' || /^( {4,}|\t)/.test(lines[k].text))) k--;
      return [k, end.line];
    }
    default:
      return [start.line, end.line];
  }
}

/** Problems of the first fixing pass: edits outside their finding's lines, changed lines without a fixed finding. */
export function firstPassProblems(text: string, findings: readonly Finding[]): string[] {
  const lines = splitLines(text);
  const groups = fixAllGroups(findings);
  const applied = new Set<TextEdit>(selectFixEdits(text, groups));
  const out = applyFixGroups(text, groups).text;
  const problems: string[] = [];
  const allowed = new Set<number>();
  for (const f of findings) {
    const fix = autoFix(f);
    if (!fix || !fix.edits.every((e) => applied.has(e))) continue;
    const [a, b] = allowedLines(f, lines);
    for (let l = a; l <= b; l++) allowed.add(l);
    for (const e of fix.edits) {
      // An edit that starts at the very end of a line's text only removes that line's ending.
      const first =
        e.range.start.character >= (lines[e.range.start.line]?.text.length ?? 0) && e.range.end.line > e.range.start.line
          ? e.range.start.line + 1
          : e.range.start.line;
      if (first < a || e.range.end.line > b) {
        problems.push(
          `  ${f.rule} (finding at line ${f.range.start.line + 1}) edits lines ${first + 1}-${e.range.end.line + 1}, outside lines ${a + 1}-${b + 1}: ${JSON.stringify(e.newText)}`,
        );
      }
    }
  }
  // Every other line must be byte-identical (with its line ending) at its shifted position.
  const starts = lineStartsOf(text);
  const spans = [...applied].map((e) => ({
    from: offsetAt(starts, text, e.range.start),
    to: offsetAt(starts, text, e.range.end),
    len: e.newText.length,
  }));
  lines.forEach((l, i) => {
    if (allowed.has(i)) return;
    const ls = starts[i];
    const le = ls + l.text.length + l.eol.length;
    if (spans.some((s) => (s.from < le && s.to > ls) || (s.from === s.to && s.from > ls && s.from < le))) {
      problems.push(`  line ${i + 1} is changed by a fix but has no fixed finding: ${JSON.stringify(l.text)}`);
      return;
    }
    let mapped = ls;
    for (const s of spans) if (s.to <= ls) mapped += s.len - (s.to - s.from);
    const now = out.slice(mapped, mapped + (le - ls));
    if (now !== text.slice(ls, le))
      problems.push(`  line ${i + 1} changed: ${JSON.stringify(text.slice(ls, le))} → ${JSON.stringify(now)}`);
  });
  return problems;
}

export function eolKinds(text: string): Set<string> {
  return new Set(
    splitLines(text)
      .map((l) => l.eol)
      .filter((e) => e !== ''),
  );
}

/** The first lines where two texts differ, for a readable snapshot failure. */
export function textDiff(expected: string, actual: string): string {
  const a = splitLines(expected);
  const b = splitLines(actual);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    const x = a[i] ? JSON.stringify(a[i].text + a[i].eol) : '(none)';
    const y = b[i] ? JSON.stringify(b[i].text + b[i].eol) : '(none)';
    if (x !== y) out.push(`  line ${i + 1}:\n    snapshot: ${x}\n    fixed:    ${y}`);
  }
  return out.join('\n');
}

export function lineRuleMultiset(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line}:${f.rule}`).sort();
}
