// The desktop app's saved library choice (Settings → Library, library-choice.json in the
// home), read by the CLI as the app reads it (src/main/library-setting.ts): a missing or
// unusable file is the default library. The S3 keys the app keeps (library-keys.bin) are
// encrypted with its keychain and are not read here: the CLI signs with the AWS variables/files.
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
