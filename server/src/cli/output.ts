/** Output formats of `release-pages check`: stylish, json, github here; sarif (sarif.ts), junit (junit.ts). */
import { relative } from 'node:path';
import { type Finding } from '../core';
import { junit } from './junit';
import { sarif } from './sarif';
import { jsonText, terminalText } from './terminal';

export interface FileResult {
  file: string;
  findings: Finding[];
}

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
  fixable: boolean;
}

/** A page's name in reports: relative to the current folder (`<stdin>` stays as it is). */
export function displayName(file: string, cwd: string): string {
  return relative(cwd, file) || file;
}

export function toJson(results: readonly FileResult[], cwd: string): JsonFinding[] {
  return results.flatMap((r) =>
    r.findings.map((f) => ({
      file: displayName(r.file, cwd),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      fixable: f.fixes.length > 0,
    })),
  );
}

function stylish(results: readonly FileResult[], cwd: string, color: boolean): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev: Record<Finding['severity'], string> = {
    error: paint('31', 'error'),
    warning: paint('33', 'warning'),
    information: paint('36', 'info'),
    hint: paint('2', 'hint'),
  };
  let out = '';
  const counts = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out += `\n${paint('4', terminalText(displayName(r.file, cwd)))}\n`;
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.fixes.length) counts.fixable++;
      out += `  ${`${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8)} ${sev[f.severity].padEnd(color ? 16 : 7)}  ${terminalText(f.message)}  ${paint('2', terminalText(f.rule))}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) return `${results.length} page${results.length === 1 ? '' : 's'} checked, no problems.\n`;
  out += `\n${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} info) in ${results.length} page${results.length === 1 ? '' : 's'}`;
  if (counts.fixable) out += `; ${counts.fixable} fixable with --fix`;
  return `${out}\n`;
}

/**
 * Workflow commands (`::error file=…,line=…::message`), one a line: in the message `%`, CR and LF are
 * escaped as the format requires, in properties also `:` and `,`; the log shows the rest of the
 * line as it is, so other control and bidi characters become visible escapes as in `stylish`.
 */
function github(results: readonly FileResult[], cwd: string): string {
  const esc = (s: string): string => terminalText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const prop = (s: string): string => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
  return toJson(results, cwd)
    .map(
      (f) =>
        `::${level[f.severity]} file=${prop(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(f.rule)}::${esc(f.message)}\n`,
    )
    .join('');
}

export function render(format: Format, results: readonly FileResult[], cwd: string, opts: { color: boolean; version: string }): string {
  switch (format) {
    case 'json':
      return `${jsonText(toJson(results, cwd))}\n`;
    case 'sarif':
      return sarif(results, cwd, opts.version);
    case 'github':
      return github(results, cwd);
    case 'junit':
      return junit(results, cwd);
    default:
      return stylish(results, cwd, opts.color);
  }
}
