// A size in decimal units as a person reads it, the same in the app and in a terminal: "610 MB",
// "1.5 GB", "2 GB", "999 bytes". One decimal only under 10 of a unit, where it tells sizes
// apart; a whole number above, since "610.0 MB" reads as precision the catalog's estimates
// (and a file's size on another disk) do not have. Scripts read bytes from --json.

const SIZE_UNITS = ['KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} bytes`;
  let value = bytes / 1000;
  let unit = 0;
  // Rounded first, so 999,999,999 bytes is "1 GB", not "1000 MB".
  const shown = (v: number) => (v < 10 ? Math.round(v * 10) / 10 : Math.round(v));
  while (shown(value) >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${shown(value).toLocaleString('en-US')} ${SIZE_UNITS[unit]}`;
}
