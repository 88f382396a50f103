// `shoebox serve` without --port listens where it did last time for this data folder: the
// browser keeps the page's own settings (theme, slideshow) per origin, 127.0.0.1:PORT, and a
// new port at every start lost them. Taken meanwhile by something else: any free port, which
// is then remembered instead.
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'serve-port.json';

/** The port `serve` last listened on for `home`, or null (never, or the file unreadable). */
export function lastServePort(home: string): number | null {
  try {
    const port = (JSON.parse(fs.readFileSync(path.join(home, FILE), 'utf8')) as { port?: unknown }).port;
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

/** Remembers the port for the next start; a home that cannot be written just forgets it. */
export function rememberServePort(home: string, port: number): void {
  try {
    fs.mkdirSync(home, { recursive: true });
    fs.writeFileSync(path.join(home, FILE), `${JSON.stringify({ port })}\n`);
  } catch {
    // Read-only home: the next start picks any free port, as before.
  }
}
