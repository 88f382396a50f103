// Entry point of the `shoebox` bin.
import { runCli } from './program';

process.exitCode = await runCli(process.argv);
