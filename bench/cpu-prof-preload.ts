/**
 * Preloaded with `NODE_OPTIONS=--require out/bench/cpu-prof-preload.js` (Node 20 refuses --cpu-prof in
 * NODE_OPTIONS, and test/helpers/lsp-client.ts spawns the server itself): profiles the whole process
 * with the inspector and writes $BENCH_CPU_PROF_DIR/server-<pid>.cpuprofile when it exits.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  // Same-thread inspector sessions answer synchronously, so this works in an exit handler.
  process.on('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
