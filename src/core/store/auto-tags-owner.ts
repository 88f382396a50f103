// Whose automatic tags a store reads and writes: the value of the tags table's `modelId`
// column on its auto rows. Auto tags are measured with a build's vectors, so they are kept per
// build, as the photos tables are (model-tables.ts) and the duplicates report is
// (dupes/report-store.ts):
// - the build that reads the id's own tables (created with its weights, adopted from before
//   fingerprints, or a folder without a manifest) owns the rows under the bare model id: the
//   value every auto row had before builds were told apart, so an upgraded library's tags are
//   read exactly where its vectors are (nothing to migrate, nothing tagged again);
// - a build with tables of its own (another model imported under an id used before, another
//   device's build of it) owns `<id>@<its tables key>`. No model id holds an `@`
//   (models/model-error.ts), so this never names another id's rows, and the row still says
//   which model made it. That build finds no tag of the first weights, so its index tags the
//   auto-tagged folders again (tagNewPhotos), as after a switch to another model; neither
//   build's run replaces or deletes the other's rows, and switching back finds them.
// The user's decisions are not in this: they hold under every model and build (tags-repository.ts).
import { isBuildKeyOf, modelKey } from './model-key';

/** The `modelId` column value of the auto tags of `modelId`'s build that reads the tables of `tablesKey` (LibraryStore.modelTablesKey). */
export function autoTagsOwner(modelId: string, tablesKey = modelKey(modelId)): string {
  const own = modelKey(modelId);
  if (tablesKey === own) return modelId;
  // A build's key extends its id's (model-key.ts weightsKey): anything else is another model's.
  if (!isBuildKeyOf(tablesKey, modelId)) throw new Error(`${tablesKey} is not a key of model ${modelId}'s tables`);
  return `${modelId}@${tablesKey}`;
}
