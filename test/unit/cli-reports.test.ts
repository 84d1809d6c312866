// The junit report read back by a strict XML reader (and by Python's expat when python3 is there), and
// the SARIF log's rule documentation: helpUri, fullDescription, help from docs/rules/<id>.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, readFixture } from '../helpers/paths';
import { runCli, tempFolder } from '../helpers/cli-run';
import { parseXml, type XmlElement } from '../helpers/xml';
import { xmlText } from '../../server/src/cli/junit';

const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md'); // six warnings
const SEED2 = readFixture('seeds', '002_b2c45803c922cfb7.md'); // no findings
// A file name with every character XML escapes, and an escape sequence.
const HOSTILE = `a&b<"c'>\u001b[2K.md`;

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  severity: string;
}

test('junit: one testsuite per page, one testcase per finding with its failure, escaped; it parses back', (t) => {
  const dir = tempFolder({ [HOSTILE]: SEED1, 'clean.md': SEED2 });
  const r = runCli(['check', '--format', 'junit', '.'], dir);
  assert.equal(r.code, 0, r.stderr);
  const root = parseXml(r.stdout);
  assert.equal(root.name, 'testsuites');
  const findings = JSON.parse(runCli(['check', '--format', 'json', '.'], dir).stdout) as JsonFinding[];
  const suites = root.children;
  assert.deepEqual(
    suites.map((s) => s.attrs.name),
    [HOSTILE.replace('\u001b', '\\x1b'), 'clean.md'],
    'names escaped, the control character made visible',
  );
  const [hostile, clean] = suites;
  assert.equal(hostile.children.length, findings.length);
  assert.equal(hostile.attrs.tests, String(findings.length));
  assert.equal(hostile.attrs.failures, String(findings.length));
  hostile.children.forEach((c: XmlElement, i) => {
    const f = findings[i];
    assert.equal(c.name, 'testcase');
    assert.equal(c.attrs.name, `${f.file.replace('\u001b', '\\x1b')}:${f.line}:${f.column} ${f.rule}`);
    const failure = c.children[0];
    assert.equal(failure.name, 'failure');
    assert.equal(failure.attrs.message, f.message);
    assert.equal(failure.attrs.type, f.severity);
    assert.match(failure.text, new RegExp(`${f.rule}: `));
  });
  assert.equal(clean.attrs.tests, '1');
  assert.equal(clean.attrs.failures, '0');
  assert.deepEqual(
    clean.children.map((c) => [c.name, c.children.length]),
    [['testcase', 0]],
    'a clean page is one passing testcase',
  );
  assert.equal(root.attrs.tests, String(findings.length + 1));
  assert.equal(root.attrs.failures, String(findings.length));
  // A second, independent reader where there is one.
  if (spawnSync('python3', ['--version']).status !== 0) {
    t.diagnostic('python3 not found: expat cross-check skipped');
    return;
  }
  const expat = spawnSync(
    'python3',
    ['-c', 'import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.buffer.read()); print(len(d.getElementsByTagName("testcase")))'],
    {
      input: r.stdout,
      encoding: 'utf8',
    },
  );
  assert.equal(expat.status, 0, expat.stderr);
  assert.equal(expat.stdout.trim(), String(findings.length + 1));
});

test('xmlText: markup, tab/LF/CR as references, characters XML forbids made visible; round trip through the reader', () => {
  const nasty = 'a<b>&"q\'\t\n\r\u0000\u001b\u007f\u0085\ufffe\ud800x\udc00 ok \ud83d\ude00';
  const escaped = xmlText(nasty);
  assert.equal(
    parseXml(`<r a="${escaped}">${escaped}</r>`).attrs.a,
    'a<b>&"q\'\t\n\r\\x00\\x1b\\x7f\\x85\\ufffe\\ud800x\\udc00 ok \ud83d\ude00',
  );
  assert.throws(() => parseXml('<r>\u0001</r>'), /not allowed/, 'the reader itself refuses what XML forbids');
  assert.throws(() => parseXml('<r a="<"/>'), /raw </);
  assert.throws(() => parseXml('<r><s></r></s>'), /mismatched/);
});

test('SARIF: each rule has helpUri (its doc), fullDescription and help from docs/rules/<id>.md; results point at their rule', () => {
  const dir = tempFolder({ 'b.md': SEED1 });
  const log = JSON.parse(runCli(['check', 'b.md', '--format', 'sarif'], dir).stdout) as {
    runs: Array<{
      tool: {
        driver: {
          rules: Array<{
            id: string;
            helpUri: string;
            shortDescription: { text: string };
            fullDescription: { text: string; markdown: string };
            help: { text: string; markdown: string };
          }>;
        };
      };
      results: Array<{ ruleId: string; ruleIndex: number }>;
    }>;
  };
  const { rules } = log.runs[0].tool.driver;
  assert.ok(rules.length >= 21);
  for (const rule of rules) {
    const doc = readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    const uri = new URL(rule.helpUri); // absolute, as SARIF requires
    // package.json names no repository yet: the doc shipped with the package.
    assert.equal(uri.protocol, 'file:', rule.helpUri);
    assert.equal(fileURLToPath(uri), join(ROOT, 'docs', 'rules', `${rule.id}.md`));
    assert.ok(existsSync(fileURLToPath(uri)));
    assert.equal(rule.help.markdown, doc);
    assert.match(rule.help.text, /^Default severity: \w+ · Fixable: \w+$/m, `${rule.id}: plain help text`);
    assert.ok(doc.includes(rule.fullDescription.markdown), `${rule.id}: fullDescription is the doc's "What it checks"`);
    assert.notEqual(rule.fullDescription.text, rule.shortDescription.text);
    assert.ok(!/`/.test(rule.fullDescription.text), `${rule.id}: plain fullDescription`);
  }
  const { results } = log.runs[0];
  assert.equal(results.length, 6);
  for (const r of results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
});
