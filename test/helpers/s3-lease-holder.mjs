// Takes a library's writer lease, says so on stdout, and waits to be killed (a crashed
// device, s3-writer-lease.test.ts). S3 credentials from the AWS_* variables.
import { register } from 'tsx/esm/api';

register();
const { tryAcquireWriterLease } = await import(new URL('../../src/core/store/writer-lease.ts', import.meta.url).href);
const { resolveLibraryLocation } = await import(new URL('../../src/core/location/library-location.ts', import.meta.url).href);
const [uri] = process.argv.slice(2);
const attempt = await tryAcquireWriterLease(await resolveLibraryLocation(uri, { defaultDir: uri }), { command: 'lease holder' });
process.stdout.write(attempt.acquired ? 'held\n' : `busy ${JSON.stringify(attempt.holder)}\n`);
setInterval(() => {}, 1000);
