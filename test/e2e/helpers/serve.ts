// Starts `shoebox serve` as a user would (a child process of the CLI, through tsx) and
// hands back the URL it prints as its first line.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT } from '../../fixtures/models/paths';

export interface ServeProcess {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  token: string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Calls a LibraryApi method over HTTP as the page does; rejects unless it answers 200. */
  call(method: string, ...params: unknown[]): Promise<unknown>;
  stop(): Promise<number | null>;
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const entry = path.join(REPO_ROOT, 'bin/shoebox.js');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`shoebox serve exited (${code}) before printing its URL:\n${stderr}`)));
  });
  const url = new URL(firstLine);
  return {
    url: firstLine,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    stderr: () => stderr,
    async call(method, ...params) {
      const response = await fetch(`${url.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${url.searchParams.get('token') ?? ''}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(params),
      });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${method}: HTTP ${response.status}: ${body}`);
      return (JSON.parse(body) as { result?: unknown }).result;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        child.kill('SIGINT');
      }),
  };
}
