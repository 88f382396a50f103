// Text in photos (issue #14): the reading pass that fills the `photo_text` table with the
// OCR's lines (src/core/ocr), the library setting that turns it on, and the full-text search
// behind `shoebox search --text` and `text:"…"` terms. Below search (which uses findText)
// and above ocr and store.
export { bestTextFirst, findText, textRank, TEXT_CANDIDATES, type TextHit } from './photo-text-search';
export { OCR_MODEL_VERSION, contentsWithoutText, ocrReading, readMissingText, type ReadTextOptions, type ReadTextSummary, type TextReadingStore, type PhotoToRead } from './text-reading';
export { TEXT_IN_PHOTOS, setTextInPhotos, textInPhotosEnabled } from './text-setting';
export { textPassHook, type TextPassStore } from './text-pass';
export { allowedEdits, editsBetween, matchText, wordsRequired, type StoredLine } from './text-match';
export { confusions } from './ocr-confusions';
export { foldWord, queryWords, wordsOf } from './text-words';
export { charWidth, wordBox } from './word-box';
export { ESTIMATED_OCR_SECONDS, keepOcrCostIn, noteOcrTime, ocrCost, type OcrCost } from './ocr-cost';
