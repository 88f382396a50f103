// A LibraryApi host in a process of its own, as the app's engine runs it: a test can freeze it
// (SIGSTOP: a laptop asleep) and wake it. Arguments: HOME LIBRARY MODEL_DIR. Each line on
// stdin is {"method", "args"}; each answer one line on stdout, {"result"} or {"error"}.
// A fourth argument, JSON, adds to its LibraryApiOptions: {"watch": true} has it follow its
// folders between calls, as the app does.
// HOST_EVENTS=1 prints its events on stderr (for debugging a test).
import readline from 'node:readline';
import { register } from 'tsx/esm/api';

register();
const { createLibraryApi } = await import(new URL('../../src/core/api/library-api.ts', import.meta.url).href);
const [home, library, modelDir, options] = process.argv.slice(2);
const host = await createLibraryApi({ home, library, modelDir, provider: 'cpu', watch: false, ...JSON.parse(options ?? '{}') });
if (process.env.HOST_EVENTS) host.subscribe((e) => process.stderr.write(`event ${JSON.stringify(e)}\n`));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of readline.createInterface({ input: process.stdin })) {
  const { method, args } = JSON.parse(line);
  try {
    process.stdout.write(`${JSON.stringify({ result: (await host[method](...args)) ?? null })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
  }
}
await host.close();
