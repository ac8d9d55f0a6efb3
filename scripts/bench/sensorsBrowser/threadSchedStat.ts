// The kernel's own account of every thread's time (Linux /proc/<pid>/task/<tid>/schedstat): nanoseconds on the
// CPU and nanoseconds runnable but waiting for a CPU. Read before and after the recording window, the difference
// for the page's main thread says how long the OS kept it off the CPU while it had work.
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadTimes {
  onCpuMs: number;
  waitingMs: number;
}

/** Every thread's schedstat, keyed `pid/tid`; empty where /proc has none (not Linux). */
export function readAllThreadTimes(): Map<string, ThreadTimes> {
  const times = new Map<string, ThreadTimes>();
  let processes: string[];
  try {
    processes = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return times;
  }
  for (const pid of processes) {
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // The process ended meanwhile, or is not ours to read.
    }
    for (const tid of threads) {
      try {
        const [onCpu, waiting] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8')
          .split(' ')
          .map(Number);
        if (onCpu !== undefined && waiting !== undefined) {
          times.set(`${pid}/${tid}`, { onCpuMs: onCpu / 1e6, waitingMs: waiting / 1e6 });
        }
      } catch {
        // As above.
      }
    }
  }
  return times;
}

/** One thread's times between two readings, or undefined when either misses it. */
export function threadTimesBetween(
  before: ReadonlyMap<string, ThreadTimes>,
  after: ReadonlyMap<string, ThreadTimes>,
  pid: number,
  tid: number,
): ThreadTimes | undefined {
  const from = before.get(`${pid}/${tid}`);
  const to = after.get(`${pid}/${tid}`);
  return from && to
    ? { onCpuMs: to.onCpuMs - from.onCpuMs, waitingMs: to.waitingMs - from.waitingMs }
    : undefined;
}
