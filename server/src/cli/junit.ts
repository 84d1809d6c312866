/**
 * The JUnit XML report of `check --format junit`, for CI systems that show test results: one
 * `<testsuite>` per page, one `<testcase>` per finding (a `<failure>` whose type is its severity), or one
 * passing `<testcase>` for a page without findings. Every piece of text is escaped; characters XML 1.0
 * cannot hold (control characters, lone surrogates) are written as visible `\x1b`-style escapes.
 */
import type { Finding } from '../core';
import { displayName, toJson, type FileResult } from './output';

const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Whether XML 1.0 cannot hold this UTF-16 code unit at `i` (controls but tab/LF/CR, U+FFFE/F, C1, lone surrogates). */
function forbidden(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if ((c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) return true;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = s.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

/** Text for an XML attribute or element: markup escaped, tab/LF/CR as character references, what XML forbids made visible. */
export function xmlText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (forbidden(s, i)) out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code === 0x09 || code === 0x0a || code === 0x0d) out += `&#${code};`;
    else out += MARKUP[ch] ?? ch;
  }
  return out;
}

export function junit(results: readonly FileResult[], cwd: string): string {
  const findings = toJson(results, cwd);
  const byFile = new Map<string, typeof findings>();
  for (const r of results) byFile.set(displayName(r.file, cwd), []);
  for (const f of findings) byFile.get(f.file)?.push(f);
  let failures = 0;
  let tests = 0;
  const suites: string[] = [];
  for (const [file, list] of byFile) {
    const cases = list.map((f) => {
      const where = `${f.file}:${f.line}:${f.column}`;
      return `    <testcase classname="${xmlText(f.file)}" name="${xmlText(`${where} ${f.rule}`)}" time="0">\n      <failure type="${severity(f.severity)}" message="${xmlText(f.message)}">${xmlText(`${severity(f.severity)} ${where} ${f.rule}: ${f.message}`)}</failure>\n    </testcase>\n`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${xmlText(file)}" name="${xmlText(file)}" time="0"/>\n`);
    failures += list.length;
    tests += cases.length;
    suites.push(
      `  <testsuite name="${xmlText(file)}" tests="${cases.length}" failures="${list.length}" errors="0" skipped="0" time="0">\n${cases.join('')}  </testsuite>\n`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="release-pages" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('')}</testsuites>\n`;
}

function severity(s: Finding['severity']): string {
  return s === 'information' ? 'info' : s;
}
