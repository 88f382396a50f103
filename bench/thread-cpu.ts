// CPU time per thread, from /proc (Linux only): where an index run's CPU goes, and how busy
// the engine's one JavaScript thread is, which bounds a run on many cores.
import fs from 'node:fs';

const TICKS_PER_MS = 100 / 1000; // USER_HZ is 100 on every Linux Node supports

function taskCpuMs(tid: string): number {
  const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
}

/** CPU milliseconds of each live thread, by "tid name". */
export function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const name = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out.set(`${tid} ${name}`, taskCpuMs(tid));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** CPU milliseconds of the main (JavaScript) thread so far; null off Linux. */
export function mainThreadCpuMs(): number | null {
  if (process.platform !== 'linux') return null;
  return taskCpuMs(String(process.pid));
}
