// Errors from model management: always one line that names the model, file or URL at fault,
// with a code so callers (the CLI's exit status, the UI's wording) can tell them apart.
export type ModelErrorCode =
  /** The id is not in the catalog (install) or not installed (use, remove). */
  | 'unknown-model'
  /** The id cannot be a folder name. */
  | 'invalid-id'
  | 'not-installed'
  | 'already-exists'
  /** Another install of the same id is under way. */
  | 'busy'
  /** A live process has the model loaded (remove without --force). */
  | 'in-use'
  /** The model's folder holds another build than the one this process chose its tables by
   *  (replaced on disk after it started: library/pinned-model-build.ts). */
  | 'replaced'
  /** The hub (or mirror) could not be reached or answered with an error. */
  | 'hub'
  /** The hub's URL (--endpoint, SHOEBOX_HF_ENDPOINT, HF_ENDPOINT) cannot name one. */
  | 'bad-endpoint'
  /** A downloaded file does not match what the hub published. */
  | 'verify'
  /** The files do not make a model folder the engine can read. */
  | 'invalid-model'
  /** The download would not fit on the disk. */
  | 'no-space'
  | 'cancelled';

export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A model id is a folder name: letters, digits, dot, dash, underscore; no leading dot. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isValidModelId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function assertValidModelId(id: string): void {
  if (!isValidModelId(id)) {
    throw new ModelError(
      'invalid-id',
      `"${id}" is not a valid model id: use up to 100 letters, digits, ".", "-" or "_", starting with a letter or digit`,
    );
  }
}
