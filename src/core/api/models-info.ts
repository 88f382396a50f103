// What the settings screen shows about models: the catalog and imported models with their
// state, and the one in use (which may be a folder given with --model-dir).
import path from 'node:path';
import type { ActiveModel, ModelInfo, ModelsInfo } from '../../shared/api';
import { ModelManager, type ModelSummary } from '../models/model-manager';

export function modelsInfo(home: string, inUse: ActiveModel | null): ModelsInfo {
  const same = (dir: string) => inUse !== null && path.resolve(dir) === path.resolve(inUse.dir);
  const models: ModelInfo[] = new ModelManager({ home }).list().map((m) => ({
    id: m.id,
    source: m.source,
    installed: m.installed,
    active: same(m.dir),
    dir: m.dir,
    description: describe(m),
  }));
  if (inUse && !models.some((m) => m.active)) {
    models.unshift({ id: inUse.id, source: 'folder', installed: true, active: true, dir: inUse.dir, description: null });
  }
  return { inUse, models };
}

/** The catalog's description, with the download's rough size for a model not installed yet
 *  (ModelInfo has no size field, and the size is what someone deciding to install asks first). */
function describe(m: ModelSummary): string | null {
  if (!m.description) return null;
  if (m.installed || m.approxBytes === undefined) return m.description;
  const size = m.approxBytes >= 1e9 ? `${(m.approxBytes / 1e9).toFixed(1)} GB` : `${Math.round(m.approxBytes / 1e6)} MB`;
  return `${m.description} (about ${size} to download)`;
}
