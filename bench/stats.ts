// Small statistics and reporting helpers for the benchmarks.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** CPU seconds (all threads of this process) and wall seconds spent in `fn`. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes and covers every thread, the inference worker included.
  return process.resourceUsage().maxRSS / 1024;
}

export type Row = [label: string, value: string, note?: string];

export function printTable(title: string, rows: Row[]): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${title}`);
  console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}`);
  for (const [label, value, note] of rows) console.log(`${label.padEnd(w0)}  ${value.padStart(w1)}${note ? `  ${note}` : ''}`);
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
