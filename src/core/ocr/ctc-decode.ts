// Greedy CTC decoding of the recogniser's output (PaddleOCR's CTCLabelDecode): the best
// class at each time step, repeats merged, blanks dropped. Class 0 is the blank, classes
// 1..N are the dictionary's lines, and the last class is the space PaddleOCR appends
// (use_space_char).
//
// One departure: PP-OCRv4's Chinese model often rates the gap between Latin words as blank
// with the space a close second ("OPEN24HOURS"); a blank step whose space probability is at
// least SPACE_MIN is read as a space, so words stay words for search. Inside words the space
// class stays under 0.05 in our measurements, so this adds no spaces there.

export interface DecodedLine {
  text: string;
  /** Mean probability of the characters kept; 0 for an empty line. */
  score: number;
}

/**
 * @param probs softmax output of one line, `steps × classes`, row-major
 * @param charset the characters of classes 1..N+1 (dictionary plus the space)
 */
export const SPACE_MIN = 0.2;

export function ctcGreedyDecode(probs: Float32Array, steps: number, classes: number, charset: readonly string[], spaceMin = SPACE_MIN): DecodedLine {
  if (charset.length + 1 !== classes) throw new Error(`recognition model has ${classes} classes but the dictionary gives ${charset.length + 1}`);
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    const space = classes - 1;
    if (best === 0 && probs[row + space]! >= spaceMin) {
      // Not counted in the score: the model itself preferred the blank here.
      if (previous !== space && text !== '' && !text.endsWith(' ')) text += ' ';
      best = space;
    } else if (best !== 0 && best !== previous) {
      if (best !== space || !text.endsWith(' ')) text += charset[best - 1]!;
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, score: kept > 0 ? sum / kept : 0 };
}
