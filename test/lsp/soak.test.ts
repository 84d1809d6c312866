// The standing adversarial soak (test/helpers/soak.ts), short: SOAK_OPERATIONS operations (default 300;
// `npm run fuzz` runs 5,000) on a 2,000-row page, seeded by SOAK_SEED. No error response, no error log,
// nothing on the server's stderr, memory flat, and the final diagnostics equal a fresh server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalised, runSoak } from '../helpers/soak';

const OPERATIONS = Math.max(10, Number(process.env.SOAK_OPERATIONS ?? 300) || 300);
const SEED = Number(process.env.SOAK_SEED ?? 14) | 0;

/**
 * RSS allowed at the end over the RSS after the warm-up. The server keeps one page (2,000 rows, about
 * 200 KB) with its model, slices and caches: a few tens of MB. V8 grows its heap lazily and collects
 * when it likes, so the end may sit some tens of MB above the baseline without any leak; a leak of one
 * page version per edit (2,700 edits in the long run, each several MB) would exceed the bound many
 * times over. Both the absolute and the relative margin must be exceeded to fail.
 */
const RSS_MARGIN_MB = 60;
const RSS_RATIO = 1.5;

test(
  `soak: ${OPERATIONS} mixed edits and requests on a 2,000-row page (seed ${SEED})`,
  { timeout: Math.max(600_000, OPERATIONS * 1000) },
  async () => {
    const r = await runSoak({
      operations: OPERATIONS,
      seed: SEED,
      rows: 2000,
      warmup: Math.min(500, Math.floor(OPERATIONS / 5)),
      log: console.log,
    });
    console.log(
      `soak: seed ${SEED}, ${OPERATIONS} operations in ${r.seconds.toFixed(1)} s, final version ${r.finalVersion}; RSS after warm-up ${r.rssAfterWarmupMb.toFixed(0)} MB, end ${r.rssEndMb.toFixed(0)} MB, peak ${r.rssPeakMb.toFixed(0)} MB; ${r.finalDiagnostics.length} diagnostics`,
    );
    console.log(
      `soak: ${Object.entries(r.counts)
        .sort()
        .map(([k, n]) => `${k} ${n}${r.waited[k] === undefined ? '' : ` (${r.waited[k].toFixed(0)} ms)`}`)
        .join(', ')}`,
    );
    assert.deepEqual(r.errors, [], `seed ${SEED}: errors`);
    const grown = r.rssEndMb - r.rssAfterWarmupMb;
    assert.ok(
      grown <= RSS_MARGIN_MB || r.rssEndMb <= r.rssAfterWarmupMb * RSS_RATIO,
      `seed ${SEED}: RSS grew from ${r.rssAfterWarmupMb.toFixed(0)} to ${r.rssEndMb.toFixed(0)} MB`,
    );
    assert.ok(
      r.finalDiagnostics.length > 0 && r.finalDiagnostics.length < 1000,
      `${r.finalDiagnostics.length} diagnostics: all of them published, so all compared`,
    );
    assert.deepEqual(
      normalised(r.finalDiagnostics),
      normalised(r.freshDiagnostics),
      `seed ${SEED}: final diagnostics differ from a fresh server's`,
    );
  },
);
