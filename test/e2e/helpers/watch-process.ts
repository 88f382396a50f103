// `shoebox watch` as a user runs it on another device (or beside the page on this one), set to
// keep the writer lock while quiet (SHOEBOX_HAND_BACK_MS: an hour): the library's writer until
// stopped, however slow the machine (the lock given back while quiet is
// test/integration/writer-hand-back.test.ts's).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../../fixtures/models/paths';

export interface WatchProcess {
  child: ChildProcess;
  /** Ctrl-C, and its exit code. */
  stop(): Promise<number | null>;
}

/** The watch of `home` (of `library` when given), once it holds the library. */
export async function startWatch(home: string, library?: string): Promise<WatchProcess> {
  const args = ['--home', home, ...(library ? ['--library', library] : []), '--provider', 'cpu', 'watch', '--model-dir', fixtureModelDir(TINY_IMMICH)];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), ...args], { cwd: REPO_ROOT, env: { ...process.env, SHOEBOX_HAND_BACK_MS: '3600000' } });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // Its first line ("watching 1 folder; Ctrl-C stops") comes once it holds the library.
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`shoebox watch exited (${code}):\n${stderr}`)));
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}
