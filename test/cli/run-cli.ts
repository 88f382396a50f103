// Runs `shoebox` as a user would, capturing stdout, stderr and the exit code, two ways:
//
// - `shoebox(args)`: in this test process, through the CLI's own runCli() (src/cli/program.ts),
//   so ONNX Runtime, sharp and LanceDB load once per test file instead of once per command.
//   The arguments, the environment, the working folder and the output streams are the
//   process's, so runs are queued one at a time; each sees exactly the env and cwd it asks
//   for, and leaves the process as it found it (env, cwd, exit code, signal listeners).
// - `runShoebox(args)` / `startShoebox(args)`: the real bin in a child process, for what only a
//   process shows: the exit code through bin/shoebox.js, pipes, signals, stdin, a killed run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/models/paths';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  /** The working folder the command runs in (relative paths resolve against it). */
  cwd?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs the CLI in this process, after any run still going; env values of undefined unset a variable. */
export function shoebox(args: string[], env: NodeJS.ProcessEnv = {}, options: InProcessOptions = {}): Promise<CliResult> {
  const run = queue.then(() => runInProcess(args, env, options));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

/** A stream's write() that appends to `sink` instead (callbacks still called, as Node does). */
function capture(sink: { text: string }): Write {
  return ((chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
    sink.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (done) queueMicrotask(() => done());
    return true;
  }) as Write;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

async function runInProcess(args: string[], env: NodeJS.ProcessEnv, options: InProcessOptions): Promise<CliResult> {
  const { runCli } = await import('../../src/cli/program');
  const savedEnv = new Map(Object.keys(env).map((k) => [k, process.env[k]] as const));
  const savedCwd = process.cwd();
  const savedListeners = new Map(SIGNALS.map((s) => [s, process.listeners(s)] as const));
  const out = { text: '' };
  const err = { text: '' };
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (options.cwd) process.chdir(options.cwd);
  process.exitCode = undefined;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let code: number;
  try {
    code = await runCli([process.execPath, path.join(REPO_ROOT, 'bin/shoebox.js'), ...args]);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = undefined;
    process.chdir(savedCwd);
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    // A command that failed before removing its Ctrl-C handler must not keep it for the next.
    for (const s of SIGNALS) {
      for (const l of process.listeners(s)) if (!savedListeners.get(s)!.includes(l)) process.off(s, l);
    }
  }
  return { code, stdout: out.text, stderr: err.text };
}

/** Starts the bin and hands back the child, for long-running commands (watch) and kill tests. */
export function startShoebox(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), ...args], { env: { ...process.env, ...env } });
}

/** Runs the real bin in a child process. */
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
