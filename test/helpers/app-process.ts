// The app's engine in a child process of its own (api-host-process.mjs): another device's app,
// or a laptop that a test freezes (SIGSTOP) and wakes. Killed after each test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, expect } from 'vitest';
import type { LibraryApiOptions } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';

export interface AppProcess {
  child: ChildProcess;
  /** Calls a LibraryApi method in the child; its answer, or its error thrown here. */
  call(method: string, ...args: unknown[]): Promise<unknown>;
}

/** Registers the kill of every child it starts after each test; returns the starter. */
export function useAppProcesses(): (home: string, library: string, options?: Pick<LibraryApiOptions, 'watch' | 'handBackMs'>) => Promise<AppProcess> {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });
  return async (home, library, options = {}) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'api-host-process.mjs'), home, library, fixtureModelDir(TINY_IMMICH), JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
    stops.push(() => child.kill('SIGKILL'));
    const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => JSON.parse(((await lines.next()).value as string) ?? 'null') as { ready?: true; result?: unknown; error?: string };
    expect(await next()).toEqual({ ready: true });
    return {
      child,
      call: async (method, ...args) => {
        child.stdin.write(`${JSON.stringify({ method, args })}\n`);
        const answer = await next();
        if (answer.error !== undefined) throw new Error(answer.error);
        return answer.result;
      },
    };
  };
}
