// The terminal's clock is this machine's: the timeline reads a photo's file time (a photo
// without a date taken) on it, as `search --after/--before` and an album's dates made here read
// one, so one command and another put a photo on the same day. Named on every call, not left to
// the core's default (the engine machine's clock, core/store/photo-date.ts): the same clock
// today, but the command says which one it means.

/** This machine's offset from UTC now, in whole minutes east: the timeline's `utcOffset`. */
export function machineUtcOffset(): number {
  return -new Date().getTimezoneOffset();
}
