// A command that waits on a promise nothing will ever settle (a bug: a pipeline stalled) ends
// when the event loop runs dry, and Node then exits 0, printing nothing: a partial index
// would look like a finished one. The guard turns that into a failure the user sees.
import { EXIT_FAILURE } from './output';

/** Fails the process if the event loop runs dry before `finished` says the command returned. */
export function guardUnsettledCommand(finished: () => boolean): void {
  process.once('beforeExit', () => {
    if (finished()) return;
    process.stderr.write('shoebox: internal error: the command stopped with nothing left to wait on (a bug); what it had committed is kept, run it again\n');
    process.exit(EXIT_FAILURE);
  });
}
