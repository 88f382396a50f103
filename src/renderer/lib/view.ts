// What the grid is showing: the library (or one folder of it), text search results, photos
// like a library photo, or photos like an image dropped from outside.

export type View =
  | { kind: 'library'; folder: string | null }
  | { kind: 'search'; query: string }
  | { kind: 'similar'; id: string; label: string }
  | { kind: 'image'; name: string; base64: string; previewUrl: string };

export const LIBRARY_VIEW: View = { kind: 'library', folder: null };

/** Identity of a view, for "is this still the same list?" */
export function viewKey(view: View): string {
  switch (view.kind) {
    case 'library':
      return `library:${view.folder ?? ''}`;
    case 'search':
      return `search:${view.query}`;
    case 'similar':
      return `similar:${view.id}`;
    case 'image':
      return `image:${view.previewUrl}`;
  }
}
