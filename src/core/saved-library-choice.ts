// The desktop app's saved library choice (Settings → Library, library-choice.json in the
// home), read once here for every front end: the app (src/main/library-setting.ts) and the
// CLI, which opens that library too under SHOEBOX_LIBRARY and --library. A missing or
// unusable file (unreadable, not JSON, a relative folder, a bad bucket) is the default
// library (shared/library-choice.ts says what is usable). The S3 keys the app keeps
// (library-keys.bin) are encrypted with its keychain and are not read here.
import fs from 'node:fs';
import path from 'node:path';
import { LIBRARY_CHOICE_FILE, savedLibraryChoice, type LibraryChoice } from '../shared/library-choice';

export function readSavedLibraryChoice(home: string): LibraryChoice {
  let text: string | null;
  try {
    text = fs.readFileSync(path.join(home, LIBRARY_CHOICE_FILE), 'utf8');
  } catch {
    text = null;
  }
  return savedLibraryChoice(text);
}
