// Why a library copy is refused before anything is written (the source is on S3 already, the
// target is not empty or lies inside the library): the user's mistake, a usage error to the CLI.
// A module of its own so the front door can export it without loading the copy's dependencies.
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}
