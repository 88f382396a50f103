// Which model a device without one is offered (useFirstModel): the engine's offer once the model
// list is in; the catalog's default when the list cannot be read (one id with the core's
// catalog, src/shared/default-model.ts); none while the list is still coming.
import type { ModelsInfo } from '../../../shared/api';
import { DEFAULT_MODEL_ID } from '../../../shared/default-model';
import type { AsyncState } from '../../hooks/useAsync';

export function firstModelId(models: AsyncState<ModelsInfo>): string | null {
  if (models.status === 'ready') return models.value.offer?.id ?? null;
  return models.status === 'error' ? DEFAULT_MODEL_ID : null;
}
