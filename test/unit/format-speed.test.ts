// Speed of the table formatter on a 10,000-row feature table (printed; asserted only against gross regressions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core/engine';
import { formatTables, type FormatOptions } from '../../server/src/core/format';

const STATUS = ['Green', 'Orange - in progress', 'Red - blocked', 'green'];

function bigPage(rows: number): string {
  const lines = ['---', 'category: release', '---', '# 9.9 Release Management', '', '## Features Status Table', '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |', '|---|---|:-:|---|---|--:|---|'];
  for (let i = 0; i < rows; i++) {
    const remark = i % 7 === 0 ? 'needs 日本語 review 🎉' : i % 11 === 0 ? 'see `a\\|b`' : 'on track';
    lines.push(`| Team ${i % 12} | [Feature ${i}](Features/F${i}) | ${['Must', 'Should', 'Optional'][i % 3]} | owner${i % 37} | ${STATUS[i % 4]} | 2024-0${1 + (i % 9)}-1${i % 10} | ${remark} |`);
  }
  return `${lines.join('\n')}\n`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

test('speed: formatting a 10,000-row table (printed)', () => {
  const text = bigPage(10_000);
  const options: FormatOptions = { style: 'aligned', maxColumnWidth: 0 };
  const model: number[] = [];
  const format: number[] = [];
  const formatCpu: number[] = [];
  let edits = 0;
  const cpu = (since: NodeJS.CpuUsage): number => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
  for (let run = 0; run < 9; run++) {
    const engine = new Engine();
    const t0 = performance.now();
    const page = engine.model(text);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    edits = formatTables(page, options).length;
    formatCpu.push(cpu(c1));
    const t2 = performance.now();
    model.push(t1 - t0);
    format.push(t2 - t1);
  }
  assert.equal(edits, 10_002);
  const line = `speed: 10,000-row table (${(text.length / 1e6).toFixed(2)} MB): format ${format[0].toFixed(1)} ms first, median ${median(format).toFixed(1)} ms `
    + `(CPU ${median(formatCpu).toFixed(1)} ms); `
    + `page model (parse) ${model[0].toFixed(1)} ms first, median ${median(model).toFixed(1)} ms; model + format median ${median(model.map((m, i) => m + format[i])).toFixed(1)} ms`;
  console.log(line);
  // Not a benchmark assertion (shared CI machines vary): only catches an accidental quadratic.
  assert.ok(median(format) < 1000, line);
});
