// Preloaded into a CLI process by the benchmark (node --import): when the process exits, writes its
// peak resident set size (all threads, KiB) and the CPU time it used (user + system, all threads, ms) to
// the file named by GANGYAO_BENCH_RSS, as JSON.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GANGYAO_BENCH_RSS;
if (isMainThread && out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRSS: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
