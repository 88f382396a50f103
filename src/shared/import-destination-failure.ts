// An import destination's failures are worded by the one disk-failure module
// (disk-failure-text.ts), which the CLI's last word on a command a disk stopped shares: kept
// here under their first names for the modules that import them from this file.
export { destinationCause, importDestinationFailure, isDestinationFailure } from './disk-failure-text';
