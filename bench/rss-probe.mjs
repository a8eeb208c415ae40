// Preloaded into a CLI process by the benchmark (node --import): when the process exits, writes its
// peak resident set size (all threads, KiB) and the CPU time it used (user + system, all threads, ms) to
// the file named by GANGYAO_BENCH_RSS, as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GANGYAO_BENCH_RSS;
if (isMainThread && out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRSS: ownPeak() ?? u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}

/**
 * The process's own peak (Linux: VmHWM, KiB). getrusage's maxRSS is kept across exec, so a process
 * started from the benchmark reported the benchmark's size when that was larger; null elsewhere.
 */
function ownPeak() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/mu.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
