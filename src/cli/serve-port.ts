// Which port `shoebox serve` listens on. Without --port: where it did last time for this data
// folder, since the browser keeps the page's own settings (theme, slideshow) per origin,
// 127.0.0.1:PORT, and a new port at every start lost them; taken meanwhile by something else,
// any free port. Whatever port it listens on, --port's too, is the one "used last" next time.
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

const inUse = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * Listens (`listen`) on `asked` (--port; 0: any free port), else on the port used last for
 * `home`, else on any free one, and remembers the port it got. A port asked for that is taken
 * is one line saying what to do; the one remembered, taken meanwhile, quietly gives way.
 */
export async function listenOnServePort<T extends { port: number }>(home: string, asked: number | null, listen: (port: number) => Promise<T>): Promise<T> {
  const server = asked !== null ? await listen(asked).catch((error: unknown) => Promise.reject(inUse(error) ? new Error(`port ${asked} is in use (another shoebox serve?): stop it or pass another --port`) : error)) : await listenWhereLast(home, listen);
  rememberServePort(home, server.port);
  return server;
}

/** The port used last for `home`, else (none, or taken meanwhile) any free port. */
async function listenWhereLast<T>(home: string, listen: (port: number) => Promise<T>): Promise<T> {
  const last = lastServePort(home);
  if (last === null) return listen(0);
  return listen(last).catch((error: unknown) => (inUse(error) ? listen(0) : Promise.reject(error)));
}
