// When "more pixels" is not to be trusted: the keeper has more pixels than a copy that carries
// the camera's own EXIF (date taken, or camera make/model, as the file has it) that the keeper
// lacks. That is what an enlarged or re-saved export of a JPEG looks like beside its camera
// original: an editor's 2x "enhance", a PIL or web upscale, saved as JPEG with no EXIF. For
// such a JPEG the spectral test (upscale-check.ts) gives no answer (its compression noise
// fools the test both ways), so resolution alone would keep the enlargement and trash the
// camera's file, handing its tags and place to the copy.
//
// The rule does not reorder anything: the keeper stays the one it was (resolution still comes
// first, the order stays total), but keepReasons names this reason instead of 'resolution',
// the review says so, and the trash holds the picture back until the user chooses
// (held-back.ts). It never makes a case worse: at worst a picture waits for a look.
//
// Why these cases stay as they were (test/integration/dupes-camera-caution.test.ts, on the
// camera photos of ../shared/photos/exif-samples):
//  - a phone's downscaled share copy lacks EXIF too, but it is the SMALLER one: the keeper
//    (the original) has the camera data, so nothing is lacking;
//  - a re-encode that kept its EXIF, a PNG re-save: the same pixels, resolution does not decide;
//  - a crop: the original is larger and has the camera data;
//  - an original whose EXIF a cloud download stripped, beside a stripped messenger copy:
//    neither has camera data, nothing to go on (so no caution; an enlargement of a photo
//    without EXIF is not told either: there is no evidence of which came first).
// GPS is not counted: apps add and strip places on their own; a date or place set by hand is
// not the camera's (keep-best's fileExif is given here, as to the ranking).
import type { KeepCandidate } from './keep-best';

type CameraData = Pick<KeepCandidate['photo'], 'takenAt' | 'cameraMake' | 'cameraModel'>;

const hasCamera = (p: CameraData) => Boolean(p.cameraMake || p.cameraModel);
const hasDate = (p: CameraData) => p.takenAt !== null;

/** Whether `other` carries camera data (date taken, camera) that `keeper` lacks. */
export function lacksCameraDataOf(keeper: CameraData, other: CameraData): boolean {
  return (hasCamera(other) && !hasCamera(keeper)) || (hasDate(other) && !hasDate(keeper));
}
