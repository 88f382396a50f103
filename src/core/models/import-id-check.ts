// Which ids `models import` refuses besides malformed ones (model-error.ts). Ids are compared
// ignoring case: a model's id is the name of its folder under <home>/models, and the file
// systems Shoebox targets (macOS, Windows) do not tell `TINY-IMMICH` from `tiny-immich`, so
// two ids differing only in case would be one folder there (and two on Linux, which a
// library shared between them could not tell apart). Likewise `VIT-B-32-OPENAI` would stand
// for the catalog's `vit-b-32-openai` there, which an imported folder must never pass for.
import fs from 'node:fs';
import { CATALOG } from './catalog';
import { ModelError, isValidModelId } from './model-error';

const sameIgnoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A catalog id names the catalog's own download: `models list` shows its repository and
 * published figures, and a device without it is told to install it, which would fetch a
 * different model than the one the photos were embedded with. The catalog publishes no hash
 * of its files that an import could be checked against (the hub's are per commit, and a
 * branch moves), so an imported folder gets a name of its own.
 *
 * Refused in any case. `what` says where the id came from.
 */
export function refuseCatalogId(id: string, what = ''): void {
  const entry = CATALOG.find((e) => sameIgnoringCase(e.id, id));
  if (!entry) return;
  const spelled = entry.id === id ? '' : ` ("${entry.id}", ignoring case)`;
  throw new ModelError(
    'invalid-id',
    `"${id}"${what} is a catalog model's id${spelled}: an imported folder needs a name of its own, e.g. --id ${entry.id}-imported (to get the catalog's model, shoebox models install ${entry.id})`,
  );
}

/**
 * Refuses an id that an installed model's folder under `modelsRoot` has in another case. The
 * same id exactly is left to the caller ("already installed"): on a case-insensitive disk the
 * folder's own name is what the listing gives, so the case twin is found there too.
 */
export function refuseCaseTwin(modelsRoot: string, id: string, what = ''): void {
  const twin = folderNames(modelsRoot).find((name) => name !== id && isValidModelId(name) && sameIgnoringCase(name, id));
  if (twin === undefined) return;
  throw new ModelError(
    'invalid-id',
    `"${id}"${what} differs only in case from the installed model "${twin}": model folders named alike are one folder on macOS and Windows; choose another id, or remove "${twin}" first`,
  );
}

function folderNames(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
