import type { Finding } from './types';

export interface CheckOptions {
  /** Check the page even when it does not look like a release page (the user's config includes it). */
  force?: boolean;
}

export interface CheckResult {
  isReleasePage: boolean;
  kind: string;
  title: string | null;
  findings: Finding[];
}

/** Interim engine (replaced by the page engine): release pages by front matter, `\1` placeholders in bold. */
export class Engine {
  check(text: string, _options: CheckOptions = {}): CheckResult {
    const isReleasePage = /^category:\s*release\s*$/m.test(text);
    const findings: Finding[] = [];
    if (isReleasePage) {
      text.split(/\r\n|\n|\r/).forEach((line, i) => {
        for (const m of line.matchAll(/\*\*(\\1)\*\*/g)) {
          const start = (m.index ?? 0) + 2;
          findings.push({
            rule: 'date-placeholder', severity: 'warning', message: 'Template leftover `\\1` where a date belongs.',
            range: { start: { line: i, character: start }, end: { line: i, character: start + 2 } }, fixes: [],
          });
        }
      });
    }
    return { isReleasePage, kind: isReleasePage ? 'release-management' : 'other', title: null, findings };
  }
}
