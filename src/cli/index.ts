// Entry point of the `shoebox` bin.
import { runCli } from './program';

// `shoebox list | head -1`: the reader left, which is not a failure of ours. Stop quietly,
// as Unix tools do, instead of an EPIPE stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv);
