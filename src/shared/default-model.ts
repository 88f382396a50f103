// The model a new library is offered and a first install makes active: the catalog's
// (src/core/models/catalog.ts) and the app's fallback offer when the model list cannot be read
// (renderer useFirstModel.ts), one id on both sides.

/** The recommended catalog model's id. */
export const DEFAULT_MODEL_ID = 'vit-b-32-laion2b';
