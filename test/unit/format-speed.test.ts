// Speed of the table formatter on a 10,000-row feature table (printed; asserted only against gross regressions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type FormatOptions, formatTables } from '../../server/src/core';

const STATUS = ['Green', 'Orange - in progress', 'Red - blocked', 'green'];

function bigPage(rows: number): string {
  const lines = [
    '---',
    'category: release',
    '---',
    '# 9.9 Release Management',
    '',
    '## Features Status Table',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |',
    '|---|---|:-:|---|---|--:|---|',
  ];
  for (let i = 0; i < rows; i++) {
    const remark = i % 7 === 0 ? 'needs 日本語 review 🎉' : i % 11 === 0 ? 'see `a\\|b`' : 'on track';
    lines.push(
      `| Team ${i % 12} | [Feature ${i}](Features/F${i}) | ${['Must', 'Should', 'Optional'][i % 3]} | owner${i % 37} | ${STATUS[i % 4]} | 2024-0${1 + (i % 9)}-1${i % 10} | ${remark} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

test('speed: formatting a 10,000-row table (printed)', () => {
  const text = bigPage(10_000);
  const options: FormatOptions = { style: 'aligned', maxColumnWidth: 0 };
  const cpu = (since: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  // Parsing: a fresh engine each time (no region cache), as for a page just opened.
  const model: number[] = [];
  let page = new Engine().model(text);
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    page = new Engine().model(text);
    model.push(performance.now() - t0);
  }
  // Formatting the parsed page, as the language server does with the page model it keeps per version.
  const format: number[] = [];
  const formatCpu: number[] = [];
  let edits = 0;
  for (let run = 0; run < 15; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    edits = formatTables(page, options).length;
    format.push(performance.now() - t0);
    formatCpu.push(cpu(c0));
  }
  assert.equal(edits, 10_002);
  const warm = (xs: number[]): number => median(xs.slice(5));
  const line =
    `speed: 10,000-row table (${(text.length / 1e6).toFixed(2)} MB, 10,002 lines changed): format ${format[0].toFixed(1)} ms first, ` +
    `warm median ${warm(format).toFixed(1)} ms (CPU ${warm(formatCpu).toFixed(1)} ms); parsing the page (not the formatter) median ${median(model).toFixed(1)} ms`;
  console.log(line);
  // Not a benchmark assertion (shared CI machines vary): only catches an accidental quadratic.
  assert.ok(warm(format) < 1000, line);
});
