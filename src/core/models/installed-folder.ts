// What "installed" means for a folder under <home>/models: it reads as a whole CLIP model
// (readModelFolder: every file the engine opens is there and its configs parse). The one test
// for `models list`, the active model (active-model.ts), `--model ID` and install's "already
// installed", so none of them calls a folder a model that search then refuses to open: a
// folder holding only config.json, or one whose graphs were deleted by hand, is not installed.
// It parses a few small JSON files, stats the graphs and reads the shapes they declare
// (embedding-size-check.ts: image and text graphs of one model); it never loads ONNX Runtime,
// so `shoebox status` can ask it.
import { readModelFolder, type ModelFolder } from '../clip/model-folder';
import { embeddingSizeProblem } from './embedding-size-check';

export type FolderCheck = { folder: ModelFolder; problem?: undefined } | { folder?: undefined; problem: string };

/** The folder as the engine would read it, or the one line saying why it cannot. */
export function checkModelFolder(dir: string): FolderCheck {
  try {
    const folder = readModelFolder(dir);
    const problem = embeddingSizeProblem(folder);
    return problem === undefined ? { folder } : { problem };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/** The installed model in `dir`, or undefined when the folder is missing, partial or broken. */
export function installedFolder(dir: string): ModelFolder | undefined {
  return checkModelFolder(dir).folder;
}
