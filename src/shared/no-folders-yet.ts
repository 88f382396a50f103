// What a watch says while the library has no folder yet. `shoebox watch` points to the command
// that adds one; `shoebox serve` runs the same watcher, but its user adds folders in the page,
// so serve says its own line in place of the watch's (src/cli/commands/serve.ts).

/** The watcher's line (core/library/library-watch.ts emits it as a log event). */
export const WATCH_NO_FOLDERS_YET = 'watch: no folders yet: shoebox index DIR adds one; watch follows it';

/** The same moment under `shoebox serve`. */
export const SERVE_NO_FOLDERS_YET = 'serve: no folders yet: add one in the page (Add folder) or with shoebox index DIR';
