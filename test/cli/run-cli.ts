// Runs the real `shoebox` bin as a user would, capturing stdout, stderr and the exit code.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/models/paths';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts the bin and hands back the child, for long-running commands (watch) and kill tests. */
export function startShoebox(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), ...args], { env: { ...process.env, ...env } });
}

export function runShoebox(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
