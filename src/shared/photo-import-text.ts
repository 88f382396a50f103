// What an import from a card or folder did, as the app's job line and the CLI say it.
import type { PhotoImportResult } from './api';

/** "copied 12 photos into /Photos/Import, 3 photos already in the library, 1 failed; 12 indexed". */
export function photoImportSummary(r: PhotoImportResult): string {
  const count = (n: number, noun: string) => `${n.toLocaleString()} ${n === 1 ? noun : `${noun}s`}`;
  const already = r.already ? `, ${count(r.already, 'photo')} already in the library` : '';
  const failed = r.failed.length ? `, ${r.failed.length.toLocaleString()} failed` : '';
  const end = r.stopped ? '; stopped before the end: what was copied stays, and the next import or index run takes it' : r.indexed || r.copied.length ? `; ${r.indexed.toLocaleString()} indexed` : '';
  return `copied ${count(r.copied.length, 'photo')} into ${r.to}${already}${failed}${end}`;
}
