import { readFileSync } from "node:fs";

/**
 * utime + stime of a process in ms, from /proc/<pid>/stat (fields 14 and 15, in Linux clock ticks of
 * 10 ms); 0 when it cannot be read (the process is gone, or not Linux). The benches' load-robust
 * figure: CPU spent by this process, its workers or its PostgreSQL backends, whatever else runs.
 */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
