// Which build of its model a process embeds with. The store picks a model's tables by the
// folder's weights fingerprint (store/model-tables.ts), but the model loads from the folder
// later and lazily (ClipModel.open reads configs, each ONNX session loads at its first use):
// a `serve` started with one build of id "mine", whose folder is then replaced by another
// (`models remove mine --force`, `models import DIR --id mine`), would embed with the new
// weights into the tables keyed by the old ones: refused by the store for another size, and
// for the same size written silently, each build's vectors searched as the other's for ever.
//
// So the first look at the folder pins its build for the process, and every inference checks
// that the folder still holds it (one small JSON file: weights-fingerprint.ts): otherwise it is
// refused, naming what to do, until the process is restarted with the new build. The check
// reads the manifest again only when its stat changed: reading and parsing it synchronously
// before every batch blocked the event loop on a network home; a stat is cheap.
import fs from 'node:fs';
import path from 'node:path';
import { ModelError } from '../models/model-error';
import { MANIFEST_FILE } from '../models/manifest';
import { modelWeightsFingerprint } from '../models/weights-fingerprint';

/** The manifest file as its stat shows it ('' when there is none): a replaced one shows another. */
function manifestStamp(dir: string): string {
  if (dir === '') return '';
  try {
    const st = fs.statSync(path.join(dir, MANIFEST_FILE));
    return `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
  } catch {
    return '';
  }
}

export class PinnedModelBuild {
  private pinned: { weights: string | undefined } | undefined;
  /** The folder's fingerprint as last read, with the manifest's stamp taken just before. */
  private lastRead: { stamp: string; weights: string | undefined } | undefined;

  constructor(
    private readonly id: string,
    private readonly dir: string,
    /** What runs in this process ("shoebox serve"), for the refusal's words. */
    private readonly command: string,
  ) {}

  /** The fingerprint of the build this process uses: the folder's, at the first ask. */
  get weights(): string | undefined {
    return (this.pinned ??= { weights: this.current() }).weights;
  }

  /** The folder's fingerprint now: read again only when the manifest's stamp changed. Stamped
   *  before the read, so a manifest replaced during it shows another stamp at the next check. */
  private current(): string | undefined {
    const stamp = manifestStamp(this.dir);
    if (this.lastRead?.stamp !== stamp) this.lastRead = { stamp, weights: modelWeightsFingerprint(this.dir) };
    return this.lastRead.weights;
  }

  /** The refusal when the folder holds another build than the pinned one now; else undefined. */
  replaced(): ModelError | undefined {
    const pinned = this.weights;
    const now = this.current();
    // None now: the folder is gone (`remove --force`) or was never fingerprinted (a folder made by
    // hand): nothing says another build is there, and a session that cannot load says so itself.
    if (now === undefined || now === pinned) return undefined;
    return new ModelError('replaced', `model ${this.id} was replaced on disk after this ${this.command} started: restart it to use the new build`);
  }

  /** Throws replaced()'s refusal: before anything is embedded with the folder's files. */
  assertInPlace(): void {
    const refusal = this.replaced();
    if (refusal) throw refusal;
  }
}
