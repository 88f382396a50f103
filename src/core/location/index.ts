// The library location (issue #13): where a library's database and files live, a local
// folder or an S3 prefix, parsed from a URI with credentials from the AWS variables and files.
export { LibraryLocation, resolveLibraryLocation, type LibraryLocationKind, type ResolveLocationOptions, type S3Place } from './library-location';
export { parseLibraryUri, type ParsedLibraryUri } from './library-uri';
export { resolveS3Settings, type S3CredentialProvider, type S3Credentials, type S3Overrides, type S3Settings } from './s3-settings';
export { errorWithoutSecrets, LibraryLocationError, withoutSecrets } from './location-error';
export { checkS3Reachable, s3ClientFor, s3LocationError } from './s3-client';
export { checkKey, libraryFile, type LibraryFile, type LibraryFiles, type Versioned } from './library-files';
export { asLibraryFile, FolderFiles } from './folder-files';
export { S3Files } from './s3-files';
export { libraryFilesFor } from './files-for';
export { checkLibraryLocation } from './check-location';
