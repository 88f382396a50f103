// What the settings screen shows about models: the catalog and imported models with their
// state, and the one in use (which may be a folder given with --model-dir). Catalog models
// carry their published figures, so the user picks by language and machine.
import path from 'node:path';
import type { ActiveModel, ModelInfo, ModelOffer, ModelsInfo } from '../../shared/api';
import { NO_MODEL_ID } from '../library/model-choice';
import { DEFAULT_MODEL_ID, findCatalogEntry, type ModelBenchmark } from '../models/catalog';
import { ModelManager, type ModelSummary } from '../models/model-manager';
import { modelWeightsFingerprint } from '../models/weights-fingerprint';
import { declaredEmbeddingDimension } from '../models/declared-dimension';
import { repairCommand } from '../models/active-model';
import { buildPhotoCount } from '../store/build-photo-count';
import type { LibraryLocation } from '../location/library-location';

/** A model's photos table in the library (LibraryStore.modelTables(): per id, the photos of the
 *  build the store reads for its own model, of the fullest build for any other). */
export interface EmbeddedModel {
  modelId: string;
  photos: number;
}

/**
 * The model a device with none in use is offered (ModelOffer): the one the library's photos
 * are embedded with (most photos first; between equals, the one easiest to bring: installed
 * here, then in the catalog), so that they are searched as they are, rather than the catalog's
 * default, which would embed every photo again; the default when nothing is embedded yet.
 * `summaries`: this home's models (ModelManager.list()).
 */
export function modelOffer(summaries: readonly ModelSummary[], embedded: readonly EmbeddedModel[]): ModelOffer {
  const installed = (id: string) => summaries.find((m) => m.id === id && m.installed);
  const ease = (id: string) => (installed(id) ? 0 : findCatalogEntry(id) ? 1 : 2);
  const [library] = embedded
    .filter((t) => t.photos > 0 && t.modelId !== NO_MODEL_ID)
    .sort((a, b) => b.photos - a.photos || ease(a.modelId) - ease(b.modelId));
  const id = library?.modelId ?? DEFAULT_MODEL_ID;
  const here = installed(id);
  const bring: ModelOffer['bring'] = here ? (here.active ? 'chosen' : 'use') : findCatalogEntry(id) ? 'install' : 'import';
  // Here but broken: import (or install) alone would be refused, so the fix starts with removing it.
  const broken = here ? undefined : summaries.find((m) => m.id === id && m.problem !== undefined);
  if (broken?.problem !== undefined) {
    return { id, reason: library ? 'library' : 'recommended', photos: library?.photos ?? 0, bring, command: repairCommand(id, broken.dir), broken: broken.problem };
  }
  return { id, reason: library ? 'library' : 'recommended', photos: library?.photos ?? 0, bring, command: bringCommand(id, bring) };
}

/**
 * The same offer beside a model in use that has embedded none, or few, of the library's photos
 * while another model has embedded more than twice as many (a shared library opened on a device
 * whose model is not the family's): that model, so that `shoebox index` with this one is not
 * taken as the way to search them, as it embeds every photo again. Null while the model in use
 * has embedded the library (or half as many as any other), or nothing else is embedded.
 */
export function otherModelOffer(summaries: readonly ModelSummary[], embedded: readonly EmbeddedModel[], inUseId: string): ModelOffer | null {
  const own = embedded.find((t) => t.modelId === inUseId)?.photos ?? 0;
  const others = embedded.filter((t) => t.modelId !== inUseId);
  const offer = modelOffer(summaries, others);
  return offer.reason === 'library' && own * 2 < offer.photos ? offer : null;
}

/** The offer beside the model in use (otherModelOffer), from this home's models. */
export function otherModelOfferIn(home: string, embedded: readonly EmbeddedModel[], inUseId: string): ModelOffer | null {
  return otherModelOffer(new ModelManager({ home }).list(), embedded, inUseId);
}

/** How to bring a model from a terminal, as `shoebox status` words it. */
function bringCommand(id: string, bring: ModelOffer['bring']): string | null {
  if (bring === 'install') return `shoebox models install ${id}`;
  if (bring === 'use') return `shoebox models use ${id}`;
  // The model folder the photos were embedded with: its path is the other device's.
  if (bring === 'import') return 'shoebox models import DIR';
  return null;
}

/**
 * The photos each model folder a switch could go to has embedded, by its resolved path: the
 * installed models and the folder the front end started with, all but the one in use (the
 * library's store counts that one: `embedded`). Counted per build (store/build-photo-count.ts):
 * the id's tables may hold another build's photos, which a switch to this one embeds again.
 */
export async function switchTargetsEmbedded(home: string, location: LibraryLocation, inUse: ActiveModel | null, startedWith: ActiveModel | null): Promise<Map<string, number>> {
  const folders = [...new ModelManager({ home }).list().filter((m) => m.installed), ...(startedWith ? [startedWith] : [])];
  const counts = new Map<string, number>();
  for (const { id, dir } of folders) {
    const at = path.resolve(dir);
    if (counts.has(at) || (inUse && at === path.resolve(inUse.dir))) continue;
    counts.set(at, await buildPhotoCount(location, { id, weights: modelWeightsFingerprint(dir), declaredDimension: declaredEmbeddingDimension(dir) }));
  }
  return counts;
}

/** `startedWith`: the model folder the front end started with (--model-dir), listed while
 *  not in use too (unless installed), so that a switch away from it can come back.
 *  `embedded`: the library's models tables, for the offer made while none is in use (beside one
 *  in use, `status` asks otherModelOffer apart), and for the embeddedPhotos of the model in use.
 *  `libraryPhotos`: the library's photo count (null: the library could not be read, and
 *  `embedded` says nothing either). `byFolder`: the photos each other model folder's build has
 *  embedded (switchTargetsEmbedded); a folder not in it is counted by its id in `embedded`. */
export function modelsInfo(
  home: string,
  inUse: ActiveModel | null,
  startedWith: ActiveModel | null = null,
  embedded: readonly EmbeddedModel[] = [],
  libraryPhotos: number | null = null,
  byFolder: ReadonlyMap<string, number> = new Map(),
): ModelsInfo {
  const same = (dir: string) => inUse !== null && path.resolve(dir) === path.resolve(inUse.dir);
  // What a switch leaves to embed (Settings → Use says it): a model with no table has embedded none,
  // and a build of an id whose tables hold other weights' photos has embedded only its own.
  const embeddedPhotos = (id: string, dir: string) => (libraryPhotos === null ? null : (byFolder.get(path.resolve(dir)) ?? embedded.find((t) => t.modelId === id)?.photos ?? 0));
  const summaries = new ModelManager({ home }).list();
  const models: ModelInfo[] = summaries.map((m) => {
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
      embeddedPhotos: m.installed ? embeddedPhotos(m.id, m.dir) : null,
      // The shelf's own knowledge, not the last download job's (gone once serve restarts).
      partial: m.partial,
      ...(m.problem !== undefined ? { broken: m.problem } : {}),
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
      embeddedPhotos: embeddedPhotos(folder.id, folder.dir),
      partial: false,
    });
  }
  return { inUse, models, offer: inUse ? null : modelOffer(summaries, embedded), libraryPhotos };
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
