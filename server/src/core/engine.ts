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

/** Placeholder until the page engine lands: recognises nothing. Replaced by the real engine. */
export class Engine {
  check(text: string, _options: CheckOptions = {}): CheckResult {
    const isReleasePage = /^category:\s*release\s*$/m.test(text);
    return { isReleasePage, kind: isReleasePage ? 'release-management' : 'other', title: null, findings: [] };
  }
}
