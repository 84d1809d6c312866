/**
 * The YAML parser the core reads front matter and configuration files with, given to it by whoever runs
 * the core (the CLI, the language servers, the tests) rather than imported: the `yaml` package is a
 * quarter of the CLI's code, and a page without front matter in a folder without a configuration file
 * never needs it. The Node entries load it from its own bundle on first use (server/src/node/libs.ts),
 * the web server and the test bundles give the package itself.
 */
import type { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** What the core uses of the `yaml` package. */
export interface YamlParser {
  parseDocument: typeof parseDocument;
  Document: typeof Document;
  LineCounter: typeof LineCounter;
  isAlias: typeof isAlias;
  isMap: typeof isMap;
  isPair: typeof isPair;
  isScalar: typeof isScalar;
  isSeq: typeof isSeq;
}

let load: (() => YamlParser) | null = null;
let loaded: YamlParser | null = null;

/** Gives the core its YAML parser: `get` is called once, when a page or a configuration first needs it. */
export function provideYaml(get: () => YamlParser): void {
  load = get;
  loaded = null;
}

/** The YAML parser (loaded on first use). */
export function yaml(): YamlParser {
  if (loaded) return loaded;
  if (!load) throw new Error('No YAML parser was given to the core (provideYaml): front matter and configuration files cannot be read.');
  loaded = load();
  return loaded;
}
