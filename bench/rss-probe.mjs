// Preloaded into a CLI process by the benchmark (node --import): when the process exits, writes its
// peak resident set size (all threads, KiB) to the file named by GANGYAO_BENCH_RSS.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GANGYAO_BENCH_RSS;
if (isMainThread && out) {
  process.on('exit', () => {
    writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
