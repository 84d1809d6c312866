/**
 * The SARIF 2.1.0 log of `check --format sarif`: every rule with its descriptions, the link to its page
 * (`helpUri`) and that page itself (`help`), and one result per finding pointing at its rule.
 */
import { RULES, type Finding } from '../core';
import { toJson, type FileResult } from './output';
import { plainText, ruleDoc, ruleHelpUri } from './rule-docs';
import { jsonText } from './terminal';

const LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function ruleDescriptor(meta: (typeof RULES)[number]['meta'], version: string): Record<string, unknown> {
  const doc = ruleDoc(meta.id);
  const full = doc?.checks ?? meta.description;
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: plainText(full), markdown: full },
    helpUri: ruleHelpUri(meta.id, version),
    help: doc ? { text: plainText(doc.markdown), markdown: doc.markdown } : { text: meta.description },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { fixable: meta.fixable },
  };
}

export function sarif(results: readonly FileResult[], cwd: string, version: string): string {
  const index = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'release-pages', version, rules: RULES.map((r) => ruleDescriptor(r.meta, version)) } },
        results: toJson(results, cwd).map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${jsonText(log)}\n`;
}
