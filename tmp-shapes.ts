import { loadConfig } from './src/lib/config/load.ts';
import { discover } from './src/lib/discover/discover.ts';
import { sourcesOf } from './src/lib/discover/sources.ts';
import { modelJobs, runModelJob, scoreContext } from './src/lib/work/model-job.ts';
for (const cfg of ['/tmp/seahelm-bench-GkANbH/bench.config.yaml', '/work/main/leaderboard.config.yaml']) {
  const config = await loadConfig(cfg, {});
  const sources = sourcesOf(config);
  const d = await discover(config, sources);
  const ctx = scoreContext({ extraMetrics: config.seahelmTaskMetrics, seaLanguages: config.seaLanguages });
  const bySource = new Map<number, Set<string>>();
  for (const job of modelJobs(d.files)) {
    const r = runModelJob(job, ctx);
    if (!r.model) continue;
    const s = r.model.facts.model.source;
    if (!bySource.has(s)) bySource.set(s, new Set());
    bySource.get(s)!.add(r.model.facts.shape.key);
  }
  console.log(cfg, [...bySource].map(([s, set]) => `${sources[s]!.config.key}:${set.size}`).join(' '));
}
