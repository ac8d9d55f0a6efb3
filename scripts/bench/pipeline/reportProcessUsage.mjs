// Loaded with `node --import`: at exit, writes this process's own wall time, CPU time and peak resident memory
// (process.resourceUsage, so no /usr/bin/time is needed) as JSON to the file named by $BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const usageFile = process.env.BENCH_USAGE_FILE;
if (usageFile) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report = {
      processMilliseconds: performance.now(),
      userCpuMilliseconds: usage.userCPUTime / 1000,
      systemCpuMilliseconds: usage.systemCPUTime / 1000,
      maxRssKilobytes: usage.maxRSS,
    };
    writeFileSync(usageFile, JSON.stringify(report));
  });
}
