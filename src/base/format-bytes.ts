// Sizes in decimal units (1 MB = 1,000,000 bytes, as disks and downloads are labelled), with
// three significant digits: "999 B", "2.35 MB", "608.0 MB". The renderer has its own copy in
// src/renderer/lib/format.ts (it imports src/shared only; it writes "KB" and "bytes"), and
// test/unit/renderer/format.test.ts checks that the two give the same number.
const UNITS = ['kB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < UNITS.length - 1);
  return `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}
