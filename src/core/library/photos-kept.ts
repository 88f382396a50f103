// A run that ends because the library stopped answering (an S3 server gone mid-run) says how
// many of its photos are saved: "what was committed is kept" alone left the user unable to tell
// whether nothing or everything was (a failure just after the last commit printed no summary).
// The count is of photos committed, never of photos embedded: those are lost with the run.
import { COMMITTED_IS_KEPT } from '../location/s3-client';

/**
 * `error` with the count of photos this run committed in place of "what was committed": a copy
 * of the same class and fields (a lost connection, a lost lease with its flag), as the original
 * may be kept and thrown again later (the writer lease's), where this run's count means nothing.
 */
export function withPhotosKept(error: unknown, photos: number): unknown {
  if (!(error instanceof Error) || !error.message.endsWith(COMMITTED_IS_KEPT)) return error;
  const kept = `${photos === 1 ? '1 photo' : `${photos} photos`} indexed in this run ${photos === 1 ? 'is' : 'are'} kept; trying again resumes from there`;
  const said = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as Error;
  said.message = error.message.slice(0, -COMMITTED_IS_KEPT.length) + kept;
  if (said.stack) said.stack = said.stack.replace(error.message, said.message);
  return said;
}

/** `run`, whose failure says how many photos were committed by then (`photos()`, read when it fails). */
export async function sayingPhotosKept<T>(run: Promise<T>, photos: () => number): Promise<T> {
  try {
    return await run;
  } catch (error) {
    throw withPhotosKept(error, photos());
  }
}
