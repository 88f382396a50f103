// Whether a library location can be used, before anything is saved that points at it (the
// app's Settings → Library): the URI parses, credentials are found, an S3 bucket answers, and,
// to be opened, it holds no unfinished copy (unfinished-copy.ts). Fails with the same one-line
// LibraryLocationError the CLI prints.
import { resolveLibraryLocation } from './library-location';
import type { S3Overrides } from './s3-settings';
import { checkS3Reachable } from './s3-client';
import { refuseUnfinishedCopy } from './unfinished-copy';

export async function checkLibraryLocation(uri: string | undefined, options: { defaultDir: string; s3?: S3Overrides; env?: NodeJS.ProcessEnv; toOpen?: boolean }): Promise<void> {
  const location = await resolveLibraryLocation(uri, options);
  if (options.toOpen !== false) await refuseUnfinishedCopy(location); // on S3 in the bucket check's own request
  else await checkS3Reachable(location);
}
