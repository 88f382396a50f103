// The refusal to embed once the model's folder holds another build than the one this process
// pinned (pinned-model-build.ts). It lasts until the process restarts (or opens another model),
// so what meets it stops rather than tries again: the watch ends with it, and the app keeps why.
import { ModelError } from '../models/model-error';

export function isModelReplaced(error: unknown): error is ModelError {
  return error instanceof ModelError && error.code === 'replaced';
}
