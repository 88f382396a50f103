// What the settings screen shows about models: the catalog and imported models with their
// state, and the one in use (which may be a folder given with --model-dir). Catalog models
// carry their published figures, so the user picks by language and machine.
import path from 'node:path';
import type { ActiveModel, ModelInfo, ModelsInfo } from '../../shared/api';
import { DEFAULT_MODEL_ID, findCatalogEntry, type ModelBenchmark } from '../models/catalog';
import { ModelManager, type ModelSummary } from '../models/model-manager';

export function modelsInfo(home: string, inUse: ActiveModel | null): ModelsInfo {
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
  if (inUse && !models.some((m) => m.active)) {
    models.unshift({
      id: inUse.id,
      source: 'folder',
      installed: true,
      active: true,
      dir: inUse.dir,
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
