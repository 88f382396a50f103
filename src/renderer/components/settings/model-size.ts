import type { ModelInfo } from '../../../shared/api';
import { formatBytes } from '../../../shared/bytes-text';

/** "about 608 MB to download" / "608 MB on disk" (the catalog's bytes): what someone deciding to install asks first. */
export function modelSizeText(model: ModelInfo): string | null {
  if (model.bytes === null) return null;
  return model.installed ? `${formatBytes(model.bytes)} on disk` : `about ${formatBytes(model.bytes)} to download`;
}
