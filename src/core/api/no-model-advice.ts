// One piece of advice for a device without a model: the no-model error that every refusal
// throws (a search by description, an index run, a write) names the model the core offers
// (models-info.ts modelOffer), as `shoebox status` and the app's banner do, rather than the
// catalog's default, which would embed every photo of an embedded library again.
import { openLibrary } from '../engine';
import type { LibraryService } from '../library/library-service';
import { NoModelError } from '../library/model-choice';
import type { LibraryLocation } from '../location/library-location';
import { ModelManager } from '../models/model-manager';
import { modelOffer } from './models-info';

/** Sets the advice of a library opened without a model from the models its photos are embedded with. */
export async function adviseNoModel(home: string, lib: LibraryService): Promise<void> {
  const missing = lib.modelMissing;
  if (!(missing instanceof NoModelError)) return;
  await offerFrom(home, lib, missing);
}

/**
 * The same advice for a library that was not opened at all: a command that needs a model
 * (`shoebox index`, `watch`) is refused before the library opens, so nothing had read which
 * models its photos are embedded with, and it said the generic "install one" where status and
 * search name the model to use. The library is opened for reading only (as status opens it:
 * nothing is written or locked), its model tables read, and closed again.
 */
export async function adviseNoModelUnopened(home: string, location: LibraryLocation, error: NoModelError): Promise<void> {
  const reader = openLibrary({ home, location, readWithoutModel: true });
  try {
    await offerFrom(home, reader, error);
  } finally {
    await reader.close().catch(() => {});
  }
}

async function offerFrom(home: string, lib: LibraryService, error: NoModelError): Promise<void> {
  // A store that cannot be read keeps the generic advice: its own error is said elsewhere.
  const embedded = await lib.readable().then((store) => store.modelTables()).catch(() => []);
  error.offer(modelOffer(new ModelManager({ home }).list(), embedded));
}
