// LibraryApi's tag methods over src/core/tags. (Being written: see issue #4.)
import type { ApiContext, ApiMethods } from './api-context';

export type TagsMethods = ApiMethods<'listLabelSets' | 'saveLabelSet' | 'removeLabelSet' | 'tagFolder' | 'stopAutoTagging' | 'tagCounts' | 'reviewTags' | 'setTagState'>;

export function tagsApi(_ctx: ApiContext): TagsMethods {
  const todo = (): never => {
    throw new Error('not available yet');
  };
  return { listLabelSets: todo, saveLabelSet: todo, removeLabelSet: todo, tagFolder: todo, stopAutoTagging: todo, tagCounts: todo, reviewTags: todo, setTagState: todo };
}
