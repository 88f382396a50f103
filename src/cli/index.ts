// Entry point of the `shoebox` bin.
import { runCli } from './main';

process.exitCode = await runCli(process.argv);
