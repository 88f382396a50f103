// Entry point of the `shoebox` bin.
import { ortPlatformError } from '../core/index';

// ONNX Runtime loads its native binding on import and has none for some machines (Intel
// Macs): one clear line instead of a "Cannot find module" stack trace.
const unsupported = ortPlatformError();
if (unsupported) {
  process.stderr.write(`shoebox: ${unsupported}\n`);
  process.exit(1);
}
const { runCli } = await import('./program');
const { guardUnsettledCommand } = await import('./unsettled-guard');

// `shoebox list | head -1`: the reader left, which is not a failure of ours. Stop quietly,
// as Unix tools do, instead of an EPIPE stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/** How long a failed command's leftovers may run after its line before the process goes. */
const FAILED_EXIT_GRACE_MS = 2000;

let returned = false;
guardUnsettledCommand(() => returned);
process.exitCode = await runCli(process.argv);
returned = true;
// A failed command has said why; what it leaves running (a storage request retrying against an
// S3 server that stopped answering, for minutes) must not keep the shell waiting on it.
if (process.exitCode !== 0) setTimeout(() => process.exit(), FAILED_EXIT_GRACE_MS).unref();
