// One piece of advice for a device without a model: the no-model error that every refusal
// throws (a search by description, an index run, a write) names the model the core offers
// (models-info.ts modelOffer), as `shoebox status` and the app's banner do, rather than the
// catalog's default, which would embed every photo of an embedded library again.
import type { LibraryService } from '../library/library-service';
import { NoModelError } from '../library/model-choice';
import { ModelManager } from '../models/model-manager';
import { modelOffer } from './models-info';

/** Sets the advice of a library opened without a model from the models its photos are embedded with. */
export async function adviseNoModel(home: string, lib: LibraryService): Promise<void> {
  const missing = lib.modelMissing;
  if (!(missing instanceof NoModelError)) return;
  // A store that cannot be read keeps the generic advice: its own error is said elsewhere.
  const embedded = await lib.readable().then((store) => store.modelTables()).catch(() => []);
  missing.offer(modelOffer(new ModelManager({ home }).list(), embedded));
}
