// Memory and CPU of a service under measurement: the benches start `next start` in its own process
// group and sample the whole group (Next forks workers), read from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of every process in the group (next start and the workers it forks), in MB. */
export function groupRssMB(pgid: number): number {
  let kib = 0;
  for (const { pid } of groupProcesses(pgid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return (kib * 1024) / 1e6;
}

/** CPU time (user + system) used so far by every process in the group, in seconds. */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  // Fields 14 and 15 of /proc/pid/stat (11 and 12 after the command name): utime, stime.
  for (const { stat } of groupProcesses(pgid)) ticks += Number(stat[11]) + Number(stat[12]);
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux build Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Samples the group's resident memory every `everyMs` until stopped; stop() gives the peak in MB. */
export function peakRss(pgid: number, everyMs = 50): { stop: () => number } {
  let peak = groupRssMB(pgid);
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRssMB(pgid));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, groupRssMB(pgid));
    },
  };
}

/** The processes of a group, with the fields of /proc/pid/stat after the command name. */
function groupProcesses(pgid: number): { pid: string; stat: string[] }[] {
  const found: { pid: string; stat: string[] }[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      const stat = text.slice(text.lastIndexOf(")") + 2).split(" ");
      if (Number(stat[2]) === pgid) found.push({ pid, stat }); // field 5: the process group
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
