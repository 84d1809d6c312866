/** The entry of dist/lib/yaml.js: what the core uses of the `yaml` package (core/yaml.ts), in a bundle of its own. */
export { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
