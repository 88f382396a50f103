// LibraryApi's smart-album methods over src/core/albums. (Being written: see issue #4.)
import type { ApiContext, ApiMethods } from './api-context';

export type AlbumsMethods = ApiMethods<'listAlbums' | 'saveAlbum' | 'removeAlbum' | 'albumPhotos' | 'setAlbumMembership' | 'exportAlbum'>;

export function albumsApi(_ctx: ApiContext): AlbumsMethods {
  const todo = (): never => {
    throw new Error('not available yet');
  };
  return { listAlbums: todo, saveAlbum: todo, removeAlbum: todo, albumPhotos: todo, setAlbumMembership: todo, exportAlbum: todo };
}
