// A library location URI, parsed without touching the network or credentials: a local folder
// (a path, or a file:// URL) or `s3://bucket/prefix`. What is wrong with a URI is said in one
// line that never repeats a secret pasted into it (`s3://KEY:SECRET@bucket`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibraryLocationError } from './location-error';

export type ParsedLibraryUri = { kind: 'local'; dir: string } | { kind: 's3'; bucket: string; prefix: string };

/** S3's bucket naming rules, loose enough for S3-compatible servers (dots, upper case on some). */
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9.\-_]{1,61}[A-Za-z0-9]$/;

export function parseLibraryUri(uri: string, cwd = process.cwd()): ParsedLibraryUri {
  const text = uri.trim();
  if (!text) throw new LibraryLocationError('library location is empty: give a folder or s3://bucket/prefix');
  // "s3:/bucket" (a slash short) is a typo, not a folder named "s3:" to create a library in.
  if (/^s3:(?!\/\/)/i.test(text)) throw new LibraryLocationError('bad library location s3:/…: write it s3://bucket/prefix (a local folder named so: ./s3:…)');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (!scheme || /^[a-z]$/i.test(scheme)) return { kind: 'local', dir: path.resolve(cwd, text) }; // C:\ is a drive, not a scheme
  if (scheme === 'file') {
    try {
      return { kind: 'local', dir: fileURLToPath(text) };
    } catch (error) {
      // Not the URL itself: a file:// URL's query could carry anything.
      throw new LibraryLocationError(`bad library location file://…: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (scheme !== 's3') throw new LibraryLocationError(`unsupported library location ${scheme}://…: give a folder or s3://bucket/prefix`);
  return parseS3(text.slice('s3://'.length));
}

function parseS3(rest: string): ParsedLibraryUri {
  // What a message may repeat: the bucket, never the rest (a "?" or "#" may carry a pasted
  // key: s3://bucket/lib?aws_secret_access_key=...).
  const bucketPart = rest.split(/[/?#]/, 1)[0]!;
  const shown = `s3://${bucketPart.includes('@') || bucketPart.includes(':') ? '…' : bucketPart}/…`;
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  // Keys belong in the AWS variables or files; never echo what was pasted before the "@"
  // (a secret key may itself hold "/", so look past the first one).
  if (authority.includes('@') || /^[^@]*:[^@]*@/.test(rest)) throw new LibraryLocationError('bad library location s3://…@…: credentials do not go in the URI; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or use an AWS profile');
  if (/[?#]/.test(rest)) throw new LibraryLocationError(`bad library location ${shown}: no "?" or "#" (keys go in the AWS variables or files, the endpoint in AWS_ENDPOINT_URL)`);
  const bucket = authority;
  if (!bucket) throw new LibraryLocationError('bad library location s3://: name a bucket, s3://bucket/prefix');
  if (!BUCKET.test(bucket) || bucket.includes('..')) throw new LibraryLocationError(`bad library location ${shown}: not a valid bucket name`);
  const parts = (slash < 0 ? '' : rest.slice(slash + 1)).split('/').filter(Boolean);
  if (parts.some((p) => p === '.' || p === '..')) throw new LibraryLocationError(`bad library location ${shown}: "." and ".." are not allowed in the prefix`);
  return { kind: 's3', bucket, prefix: parts.join('/') };
}
