// A separate process taking a pid lock (test/unit/base/pid-lock.test.ts): it tries once, writes
// what it got to `<marker>` ({ acquired, holder }) and, if it won, holds the lock until killed.
import fs from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { tryAcquirePidLock } = await import(new URL('../../src/base/pid-lock.ts', import.meta.url).href);
const [lockFile, marker] = process.argv.slice(2);
const attempt = tryAcquirePidLock(lockFile, { command: 'lock-holder' });
fs.writeFileSync(`${marker}.tmp`, JSON.stringify({ acquired: attempt.acquired, holder: attempt.acquired ? null : attempt.holder }));
fs.renameSync(`${marker}.tmp`, marker);
if (attempt.acquired) setInterval(() => {}, 60_000);
