// `shoebox watch` as a user runs it on another device (or beside the page on this one), set to
// keep the writer lock while quiet (SHOEBOX_HAND_BACK_MS: an hour): the library's writer until
// stopped, however slow the machine (the lock given back while quiet is
// test/integration/writer-hand-back.test.ts's).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
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
  child.stdout!.resume(); // its lines are not read; a full pipe must not stop it
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`shoebox watch exited (${code}):\n${stderr}`))));
  exited.catch(() => {}); // a watch that exits once it held the library is its stop()'s to tell
  // The writer lock is taken at its first sync; while another process of this home still
  // writes, the watch waits for it (saying so once on stderr). It holds the library once the
  // home's lock names it.
  await Promise.race([exited, holdsHomeLock(home, child)]);
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

/** Until `<home>/library.lock` names `child` (pid-lock.ts writes it as JSON), or it exits. */
async function holdsHomeLock(home: string, child: ChildProcess): Promise<void> {
  const file = path.join(home, 'library.lock');
  for (;;) {
    if (child.exitCode !== null) throw new Error(`shoebox watch exited (${child.exitCode})`);
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number }).pid === child.pid) return;
    } catch {
      // no lock, or one being written: look again
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
