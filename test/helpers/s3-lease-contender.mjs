// A separate process contending for libraries' writer leases (s3-writer-lease.test.ts): for
// each library URI given, it waits at a barrier until every contender is ready, then tries to
// take the lease at the same moment as the others, and records a win. Leases won are held
// until the process exits, so two winners of one trial would both hold one lease at once.
// The S3 credentials come from the AWS_* variables, as for the shoebox command.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { tryAcquireWriterLease } = await import(new URL('../../src/core/store/writer-lease.ts', import.meta.url).href);
const { resolveLibraryLocation } = await import(new URL('../../src/core/location/library-location.ts', import.meta.url).href);
const [barrierRoot, contenders, ...uris] = process.argv.slice(2);
const sleep = new Int32Array(new SharedArrayBuffer(4));
const held = [];
for (const [trial, uri] of uris.entries()) {
  const location = await resolveLibraryLocation(uri, { defaultDir: uri });
  const dir = path.join(barrierRoot, String(trial));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `ready-${process.pid}`), '');
  while (fs.readdirSync(dir).filter((f) => f.startsWith('ready-')).length < Number(contenders)) Atomics.wait(sleep, 0, 0, 1);
  const attempt = await tryAcquireWriterLease(location, { command: `contender ${process.pid}` });
  if (attempt.acquired) {
    held.push(attempt.lease);
    fs.writeFileSync(path.join(dir, `won-${process.pid}`), '');
  }
}
// Hold every lease won until all contenders are done: a lease released early would be free
// for a slow contender of the same trial to take, rightly.
const done = path.join(barrierRoot, 'done');
fs.mkdirSync(done, { recursive: true });
fs.writeFileSync(path.join(done, String(process.pid)), '');
while (fs.readdirSync(done).length < Number(contenders)) Atomics.wait(sleep, 0, 0, 5);
for (const lease of held) await lease.release();
