import { loadConfig } from './src/lib/config/load.ts';
import { discover } from './src/lib/discover/discover.ts';
import { sourcesOf } from './src/lib/discover/sources.ts';
import { listJsonFiles } from './src/lib/discover/walk.ts';
const config = await loadConfig('/tmp/seahelm-bench-GkANbH/bench.config.yaml', {});
const sources = sourcesOf(config);
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  const d = await discover(config, sources);
  const td = performance.now() - t;
  t = performance.now();
  const w = listJsonFiles(sources[0]!.config.path);
  const tw = performance.now() - t;
  console.log('discover', td.toFixed(1), 'walk', tw.toFixed(1), d.files.length, w.files.length);
}
