// What an import of captions from files did, as the app's job line and the CLI say it.
import type { DescriptionImport } from './api';

/** "imported the captions of 5 of 6 photos without a description, 1 could not be read here". */
export function importSummary(r: DescriptionImport): string {
  const unreadable = r.unreadable.length ? `, ${r.unreadable.length.toLocaleString()} could not be read here` : '';
  return `imported the captions of ${r.imported.toLocaleString()} of ${r.read.toLocaleString()} ${r.read === 1 ? 'photo' : 'photos'} without a description${unreadable}`;
}
