// Settings → Library on this device: which library the app opens (library-choice.json in the
// home, no secret in it) and the S3 keys for it (its endpoint and bucket only), kept only
// encrypted by Electron's safeStorage (the OS keychain / DPAPI / libsecret) in
// library-keys.bin, never in plain text, never logged. The engine gets them as its
// createLibraryApi options (engine-protocol.ts).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../base/atomic-write';
import { readSavedLibraryChoice } from '../core/index';
import {
  checkLibraryChoiceInput,
  LIBRARY_CHOICE_FILE,
  libraryChoiceUri,
  sameS3Place,
  type LibraryChoice,
  type LibraryChoiceView,
  type S3Keys,
} from '../shared/library-choice';

/** What of Electron's safeStorage this needs (the unit tests hand in a fake). */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  /** Linux only: which password store safeStorage uses ('basic_text' is none at all). */
  getSelectedStorageBackend(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What the engine is started with: the library URI and, when stored, the S3 keys and endpoint. */
export interface EngineLibraryOptions {
  library?: string;
  s3?: { endpoint?: string; region?: string; credentials?: S3Keys };
}

const CHOICE_FILE = LIBRARY_CHOICE_FILE;
const KEYS_FILE = 'library-keys.bin';

/** What library-keys.bin holds, encrypted: the keys and the place they were typed for. */
interface StoredKeys extends S3Keys {
  bucket: string;
  /** '' for AWS. */
  endpoint: string;
}

/** The setting's files as they were, to put back when the engine cannot open a new choice. */
export interface LibrarySettingSnapshot {
  choice: Buffer | null;
  keys: Buffer | null;
}

export class LibrarySetting {
  constructor(
    private readonly home: string,
    private readonly box: SecretBox,
    /** Where SHOEBOX_LIBRARY is read: set, it wins over the choice (main/index.ts), and the page says so. */
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Whether keys saved now would really be encrypted. On Linux without a secret service
   *  (i3, sway, --password-store=basic) safeStorage still says it can encrypt, but with a
   *  password built into Electron ('basic_text'): as good as plain text. 'unknown' is
   *  before the app is ready, when nothing is known yet. */
  private canStoreKeys(): boolean {
    if (!this.box.isEncryptionAvailable()) return false;
    if (this.platform !== 'linux') return true;
    const backend = this.box.getSelectedStorageBackend();
    return backend !== 'basic_text' && backend !== 'unknown';
  }

  /** The saved choice; the default library when none was saved or the file is unusable (the core's reader, the CLI's too). */
  choice(): LibraryChoice {
    return readSavedLibraryChoice(this.home);
  }

  view(): LibraryChoiceView {
    const choice = this.choice();
    return {
      choice,
      uri: libraryChoiceUri(choice),
      hasKeys: this.storedKeysFor(choice) !== null,
      canStoreKeys: this.canStoreKeys(),
      ...(this.env['SHOEBOX_LIBRARY'] ? { overriddenBy: 'SHOEBOX_LIBRARY' as const } : {}),
    };
  }

  /** The engine's options `input` would give once saved (checked as save checks it), saving nothing. */
  optionsFor(input: unknown): EngineLibraryOptions {
    const { choice, keys } = checkLibraryChoiceInput(input);
    const uri = libraryChoiceUri(choice);
    if (choice.kind !== 's3') return uri ? { library: uri } : {};
    const credentials = keys === undefined ? this.storedKeysFor(choice) : keys;
    const s3 = { ...(choice.endpoint ? { endpoint: choice.endpoint } : {}), ...(choice.region ? { region: choice.region } : {}), ...(credentials ? { credentials } : {}) };
    return { library: uri!, ...(Object.keys(s3).length ? { s3 } : {}) };
  }

  snapshot(): LibrarySettingSnapshot {
    const read = (name: string) => (fs.existsSync(path.join(this.home, name)) ? fs.readFileSync(path.join(this.home, name)) : null);
    return { choice: read(CHOICE_FILE), keys: read(KEYS_FILE) };
  }

  restore(snapshot: LibrarySettingSnapshot): void {
    for (const [name, bytes] of [[CHOICE_FILE, snapshot.choice], [KEYS_FILE, snapshot.keys]] as const) {
      if (bytes) writeFileAtomicSync(path.join(this.home, name), bytes, name === KEYS_FILE ? { mode: 0o600 } : {});
      else fs.rmSync(path.join(this.home, name), { force: true });
    }
  }

  /** Throws what save() would (a bad setting, keys this system cannot keep), saving nothing. */
  checkSave(input: unknown): void {
    const { keys } = checkLibraryChoiceInput(input);
    if (keys && !this.canStoreKeys()) throw new Error('this system cannot keep the keys encrypted: put them in ~/.aws/credentials or the AWS_* variables instead');
  }

  /** Saves what the page sent (checked here: it comes from the renderer); returns the new view. */
  save(input: unknown): LibraryChoiceView {
    this.checkSave(input);
    const { choice, keys } = checkLibraryChoiceInput(input);
    if (keys && choice.kind === 's3') {
      // The place goes inside the encrypted blob: the keys are sent there only (storedKeysFor),
      // whatever library-choice.json says after a crash between the two writes.
      const stored: StoredKeys = { ...keys, bucket: choice.bucket, endpoint: choice.endpoint ?? '' };
      writeFileAtomicSync(path.join(this.home, KEYS_FILE), this.box.encryptString(JSON.stringify(stored)), { mode: 0o600 });
    } else if (keys === null || !sameS3Place(this.choice(), choice)) {
      // Leaving S3, or another endpoint or bucket without keys typed: the stored ones were
      // for the old place only, and must not be sent to the new one (storedKeysFor).
      fs.rmSync(path.join(this.home, KEYS_FILE), { force: true });
    }
    writeFileAtomicSync(path.join(this.home, CHOICE_FILE), JSON.stringify(choice, null, 1));
    return this.view();
  }

  /** The engine's options for the saved choice (keys decrypted only here, in memory). */
  engineOptions(): EngineLibraryOptions {
    return this.optionsFor({ choice: this.choice() });
  }

  /**
   * The stored keys when `choice` is the place they were saved for (the same endpoint and
   * bucket, as kept with them; another prefix or region is still that place); else none, and
   * the AWS variables and files answer. Reused for another endpoint or bucket, they would
   * send bucket A's key id, and requests signed with its secret, to B's host: a NAS typed in
   * Settings, or another bucket "copied and opened" without typing its keys. Keys stored
   * without their place (before it was kept with them) are not used: they may be another
   * bucket's (an older version kept them through a "copy and open"); typing them again fixes it.
   */
  private storedKeysFor(choice: LibraryChoice): S3Keys | null {
    const stored = this.keys();
    if (!stored || typeof stored.bucket !== 'string' || typeof stored.endpoint !== 'string') return null;
    const place: LibraryChoice = { kind: 's3', bucket: stored.bucket, prefix: '', ...(stored.endpoint ? { endpoint: stored.endpoint } : {}) };
    return sameS3Place(place, choice) ? { accessKeyId: stored.accessKeyId, secretAccessKey: stored.secretAccessKey } : null;
  }

  private keys(): Partial<StoredKeys> & S3Keys | null {
    let encrypted: Buffer;
    try {
      encrypted = fs.readFileSync(path.join(this.home, KEYS_FILE));
    } catch {
      return null;
    }
    try {
      const keys = JSON.parse(this.box.decryptString(encrypted)) as Partial<StoredKeys>;
      return typeof keys.accessKeyId === 'string' && typeof keys.secretAccessKey === 'string' ? { ...keys, accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey } : null;
    } catch {
      return null; // another user's or machine's keychain: as if none were stored
    }
  }
}
