// Memory of a service under measurement: the benches start `next start` in its own process group and
// sample the whole group (Next forks workers), read from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of every process in the group (next start and the workers it forks), in MB. */
export function groupRssMB(pgid: number): number {
  let kib = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of /proc/pid/stat: the process group
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return (kib * 1024) / 1e6;
}
