// The terminal's clock is this machine's: the timeline reads a photo's file time (a photo
// without a date taken) on it, as `search --after/--before` reads one on the machine's clock
// (core/store/photo-date.ts), so one command and another put a photo on the same day. The
// timeline's own default is UTC, for a front end that names no clock.

/** This machine's offset from UTC now, in whole minutes east: the timeline's `utcOffset`. */
export function machineUtcOffset(): number {
  return -new Date().getTimezoneOffset();
}
