// Whether a library location can be used, before anything is saved that points at it (the
// app's Settings → Library): the URI parses, credentials are found, and an S3 bucket answers.
// Fails with the same one-line LibraryLocationError the CLI prints.
import { resolveLibraryLocation } from './library-location';
import type { S3Overrides } from './s3-settings';
import { checkS3Reachable } from './s3-client';

export async function checkLibraryLocation(uri: string | undefined, options: { defaultDir: string; s3?: S3Overrides; env?: NodeJS.ProcessEnv }): Promise<void> {
  await checkS3Reachable(await resolveLibraryLocation(uri, options));
}
