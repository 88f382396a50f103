// Duplicate detection (DESIGN.md "dupes/"): exact, perceptual (near) and semantic (similar)
// groups, the keeper of each, and moving the others to the trash.
export * from './types';
export { findDuplicates, DEFAULT_SIMILAR_THRESHOLD, type DupesContext, type FindDuplicatesOptions } from './find-duplicates';
export { perceptualSignature, signatureFromJpeg, signatureFromImage, SIGNATURE_VERSION, type PerceptualSignature } from './signature';
export { compareForKeeping, type KeepCandidate } from './keep-best';
export { planTrash, trashPhotos, type TrashPlan } from './trash-duplicates';
export { moveToTrash, type TrashOptions, type TrashResult } from './trash';
export { SignatureBatcher } from './signature-batcher';
export { DupesService, type DupesLibrary } from './dupes-service';
