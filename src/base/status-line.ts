// One line of progress on a terminal, rewritten in place ("\r"), for a person watching: drawn
// only when the stream is a TTY (never into a pipe or a log file), at most every
// `minIntervalMs` unless forced, cut to the terminal's width so it never wraps, and padded
// to clear what a longer earlier line left. end() moves past it so the next output starts on
// a line of its own.
export interface StatusLine {
  /** `force`: draw now even within the interval (the last update, 100%). */
  show(text: string, force?: boolean): void;
  end(): void;
}

export interface StatusLineOptions {
  stream?: NodeJS.WriteStream;
  /** False draws nothing (a --json run, --quiet). Default true. */
  enabled?: boolean;
  /** Default 100 ms: ten redraws a second are enough for an eye and cheap for a terminal. */
  minIntervalMs?: number;
}

export function statusLine(options: StatusLineOptions = {}): StatusLine {
  const stream = options.stream ?? process.stderr;
  const tty = (options.enabled ?? true) && stream.isTTY === true;
  const minIntervalMs = options.minIntervalMs ?? 100;
  let last = -Infinity;
  let drawnWidth = 0;
  let drawn = false;
  return {
    show(text, force = false) {
      if (!tty) return;
      const now = Date.now();
      if (!force && now - last < minIntervalMs) return;
      last = now;
      // A pseudo-terminal may report 0 columns (`script`, some CI shells): treat it as unknown.
      const width = Math.max(10, (stream.columns || 100) - 1);
      const line = text.length > width ? text.slice(0, width) : text;
      stream.write(`\r${line.padEnd(drawnWidth)}`);
      drawnWidth = line.length;
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
      drawnWidth = 0;
      last = -Infinity;
    },
  };
}
