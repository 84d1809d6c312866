/**
 * Injected into every test and bench bundle (scripts/build.mjs, esbuild `inject`): the core is given its
 * YAML parser (core/yaml.ts) by whoever runs it, and these programs run the core directly. In these
 * bundles node/libs.ts requires the bundled `yaml` package on first use.
 */
import { provideYaml } from '../../server/src/core/yaml';
import { loadYaml } from '../../server/src/node/libs';

provideYaml(loadYaml);
