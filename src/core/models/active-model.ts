// Which model is active: the one rule. settings.json's activeModel names it; it is active only
// when that name is a valid id and <home>/models/<id> reads as a whole model by the check
// `models list` uses (installed-folder.ts). The engine (search, index, status), `shoebox info`'s
// provider probe, `models list` and install's first activation all ask here, so they agree:
// a half-installed or broken folder is active for none of them, and the line saying why names
// the model and the command that fixes it (install replaces only a folder it downloaded). A
// download in progress lives in models/.partial/<id> and is published in one rename when
// complete (model-manager.ts), so it is never active early.
import fs from 'node:fs';
import path from 'node:path';
import type { ModelFolder } from '../clip/model-folder';
import type { ActiveModel } from '../../shared/api';
import { homePaths } from '../paths';
import { readSettings } from '../settings';
import { findCatalogEntry } from './catalog';
import { checkModelFolder } from './installed-folder';
import { readManifest } from './manifest';
import { isValidModelId } from './model-error';

export type ActiveModelState =
  /** Settings name no model, or one whose folder is gone (removed by hand): none is chosen. */
  | { kind: 'none' }
  | { kind: 'active'; id: string; dir: string; folder: ModelFolder }
  /** Settings name a model that cannot be used; `problem`: one line naming it and the fix. */
  | { kind: 'unusable'; id: string; problem: string };

/** Reads settings.json (a corrupt one throws its SettingsError, as every settings read does). */
export function activeModelState(home: string): ActiveModelState {
  const id = readSettings(home).activeModel;
  if (!id) return { kind: 'none' };
  if (!isValidModelId(id)) {
    return { kind: 'unusable', id, problem: `settings.json names ${JSON.stringify(id)} as the active model, which is not a model id; choose one: shoebox models use ID` };
  }
  const models = homePaths(home).models;
  const dir = path.join(models, id);
  if (!fs.existsSync(dir)) {
    // Half-installed: its download stopped (or still runs) and was never published.
    if (fs.existsSync(path.join(models, '.partial', id))) {
      return { kind: 'unusable', id, problem: `the active model ${id} is not installed yet: its download has not finished; shoebox models install ${id} resumes it` };
    }
    return { kind: 'none' };
  }
  const check = checkModelFolder(dir);
  if (check.folder) return { kind: 'active', id, dir, folder: check.folder };
  return { kind: 'unusable', id, problem: `the active model ${id} is incomplete or broken: ${check.problem}; ${fixFor(id, dir)}` };
}

/** The active model, or null when none is chosen or the chosen one cannot be used. */
export function activeModel(home: string): ActiveModel | null {
  const state = activeModelState(home);
  return state.kind === 'active' ? { id: state.id, dir: state.dir } : null;
}

/**
 * A catalog model Shoebox downloaded is downloaded again in its place; a folder the user
 * brought must be brought again. Install deletes only a folder whose manifest says it came
 * from the hub (model-manager.ts refuseUnknownFolder): under a catalog id, any other is
 * removed first, by the user's choice. Said of the active model here, and of any installed
 * folder that is broken (`models list`, the settings screen, the offer of the library's model).
 */
export function fixFor(id: string, dir: string): string {
  const catalog = findCatalogEntry(id) !== undefined;
  const source = readManifest(dir)?.source;
  if (catalog && source === 'hub') return `reinstall it: shoebox models install ${id}`;
  if (catalog && source !== 'import') return `remove it (shoebox models remove ${id}) and install it again (shoebox models install ${id})`;
  // An import under a catalog id (before import refused them) comes back under a name of its own.
  const as = catalog ? `${id}-imported` : id;
  return `remove it (shoebox models remove ${id}) and import its folder again (shoebox models import DIR --id ${as}), or choose another (shoebox models use ID)`;
}

/**
 * The same fix as one command line, for the offer of the library's model when its folder here
 * is broken (models-info.ts): `models import` alone would be refused ("already installed").
 */
export function repairCommand(id: string, dir: string): string {
  const catalog = findCatalogEntry(id) !== undefined;
  const source = readManifest(dir)?.source;
  if (catalog && source === 'hub') return `shoebox models install ${id}`;
  if (catalog && source !== 'import') return `shoebox models remove ${id} && shoebox models install ${id}`;
  return `shoebox models remove ${id} && shoebox models import DIR --id ${catalog ? `${id}-imported` : id}`;
}
