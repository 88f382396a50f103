import type { ModelInfo } from '../../../shared/api';

/**
 * Whether Settings offers Remove on a model's row: where `shoebox models remove ID` would
 * succeed without --force (the core's removeModel is that command's rule, and refuses the
 * rest in one line). So: something of it is on this device's shelf (installed, a broken
 * folder, or an unfinished download), and it is not the model this app has open (`active`:
 * the command would name this process as using it). A folder given with --model-dir is not on
 * the shelf, and a model downloading now is being written (`busy`).
 */
export function isRemovable(model: ModelInfo, busy: boolean): boolean {
  if (model.source === 'folder' || model.active || busy) return false;
  return model.installed || model.broken !== undefined || model.partial === true;
}

/** The confirmation's question: what goes, and what brings it back. */
export function removeQuestion(model: ModelInfo): string {
  if (!model.installed && model.broken === undefined) return `Remove the unfinished download of ${model.id}? What was downloaded is deleted.`;
  const back = model.source === 'catalog' ? 'Install downloads it again' : 'only importing its folder again brings it back';
  return `Remove ${model.id} from this device? Its files are deleted: ${back}. What it embedded stays in the library.`;
}
