// What the settings screen shows about models: the catalog and imported models with their
// state, and the one in use (which may be a folder given with --model-dir). Catalog models
// carry their published figures, so the user picks by language and machine.
import path from 'node:path';
import type { ActiveModel, ModelInfo, ModelsInfo } from '../../shared/api';
import { DEFAULT_MODEL_ID, findCatalogEntry, type ModelBenchmark } from '../models/catalog';
import { ModelManager, type ModelSummary } from '../models/model-manager';

/** `startedWith`: the model folder the front end started with (--model-dir), listed while
 *  not in use too (unless installed), so that a switch away from it can come back. */
export function modelsInfo(home: string, inUse: ActiveModel | null, startedWith: ActiveModel | null = null): ModelsInfo {
  const same = (dir: string) => inUse !== null && path.resolve(dir) === path.resolve(inUse.dir);
  const models: ModelInfo[] = new ModelManager({ home }).list().map((m) => {
    const entry = m.source === 'catalog' ? findCatalogEntry(m.id) : undefined;
    return {
      id: m.id,
      source: m.source,
      installed: m.installed,
      active: same(m.dir),
      dir: m.dir,
      description: m.description ?? null,
      bytes: (m.installed ? m.bytes : m.approxBytes) ?? null,
      languages: [...(m.languages ?? [])],
      recommended: entry?.id === DEFAULT_MODEL_ID,
      benchmark: entry?.benchmark ? { ...entry.benchmark, recall: { ...entry.benchmark.recall } } : null,
      catalogSource: entry?.source ?? null,
    };
  });
  const listed = (dir: string) => models.some((m) => m.installed && path.resolve(m.dir) === path.resolve(dir));
  const folder = inUse && !models.some((m) => m.active) ? inUse : startedWith && !listed(startedWith.dir) ? startedWith : null;
  if (folder) {
    models.unshift({
      id: folder.id,
      source: 'folder',
      installed: true,
      active: same(folder.dir),
      dir: folder.dir,
      description: null,
      bytes: null,
      languages: [],
      recommended: false,
      benchmark: null,
      catalogSource: null,
    });
  }
  return { inUse, models };
}

/** A model as `shoebox models list` shows it: the manager's summary with the catalog's
 *  published figures and their source, the same catalog join as modelsInfo's. */
export type ListedModel = ModelSummary & { default: boolean; benchmark: ModelBenchmark | null; catalogSource: string | null };

export function listedModels(home: string): ListedModel[] {
  return new ModelManager({ home }).list().map((m) => {
    const entry = m.source === 'catalog' ? findCatalogEntry(m.id) : undefined;
    return { ...m, default: entry?.id === DEFAULT_MODEL_ID, benchmark: entry?.benchmark ?? null, catalogSource: entry?.source ?? null };
  });
}
