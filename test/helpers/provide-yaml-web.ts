/**
 * Injected into the browser bundle of the web integration suites (scripts/build.mjs, esbuild `inject`):
 * those suites run the core themselves (to compute what the panel must show), and the core is given its
 * YAML parser by whoever runs it. In a browser the package itself is given, as the web server does.
 */
import * as YAML from 'yaml';
import { provideYaml } from '../../server/src/core/yaml';

provideYaml(() => YAML);
