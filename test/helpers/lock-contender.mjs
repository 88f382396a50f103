// A separate process contending for writer locks (writer-lock-race.test.ts): for each home
// given, it waits at a barrier until every contender is ready, then tries to take the lock at
// the same moment as the others, and records a win. Wins are held until the process exits, so
// two winners of one trial would both hold the lock at once.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { acquireWriterLock } = await import(new URL('../../src/core/library/writer-lock.ts', import.meta.url).href);
const [contenders, ...homes] = process.argv.slice(2);
const sleep = new Int32Array(new SharedArrayBuffer(4));
for (const home of homes) {
  fs.writeFileSync(path.join(home, `ready-${process.pid}`), '');
  while (fs.readdirSync(home).filter((f) => f.startsWith('ready-')).length < Number(contenders)) Atomics.wait(sleep, 0, 0, 1);
  try {
    acquireWriterLock(home, 'contender');
    fs.writeFileSync(path.join(home, `won-${process.pid}`), '');
  } catch (error) {
    if (error?.name !== 'LibraryBusyError') throw error;
  }
}
