// LibraryApi's model methods: install a catalog model, switch the active one. (Being written: see issue #5.)
import type { ApiContext, ApiMethods } from './api-context';
import { modelsInfo } from './models-info';

export type ModelsMethods = ApiMethods<'models' | 'installModel' | 'useModel'>;

export function modelsApi(ctx: ApiContext): ModelsMethods {
  const todo = (): never => {
    throw new Error('not available yet');
  };
  return {
    async models() {
      const lib = await ctx.open();
      return modelsInfo(ctx.home, lib ? { id: lib.modelId, dir: lib.modelDir } : null);
    },
    installModel: todo,
    useModel: todo,
  };
}
