/** `node out/bench/page.js ROWS [SEED]`: prints the benchmark page with ROWS feature rows. */
import { generatePage } from './generate';

const rows = Number(process.argv[2] ?? 100);
const seed = Number(process.argv[3] ?? 1);
process.stdout.write(generatePage(rows, seed).text);
