/** Peer: markdownlint, synchronous API, default configuration (every rule on). */
import { lint } from 'markdownlint/sync';
import { measurePages, runChild } from './harness';

runChild({
  lint: (plan) => {
    let problems = 0;
    const m = measurePages(
      plan,
      (p) => p.text,
      (text) => {
        const results = lint({ strings: { page: text } });
        problems = results.page.length; // one entry per string linted
        return results;
      },
    );
    return { ...m, info: { problems } };
  },
});
