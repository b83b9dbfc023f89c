// Jaro–Winkler similarity: the standard measure for short names, where a shared beginning counts more
// than a shared ending. Written here (40 lines) rather than taken from a heavy natural-language library.

let leftFlags = new Uint8Array(64);
let rightFlags = new Uint8Array(64);

/** Jaro–Winkler similarity of two strings, 0 (nothing shared) to 1 (equal); prefix scale 0.1 over at most 4 letters. */
export function jaroWinkler(left: string, right: string): number {
  if (left === right) return left.length === 0 ? 0 : 1;
  const leftLength = left.length;
  const rightLength = right.length;
  if (leftLength === 0 || rightLength === 0) return 0;
  if (leftFlags.length < leftLength) leftFlags = new Uint8Array(leftLength * 2);
  if (rightFlags.length < rightLength) rightFlags = new Uint8Array(rightLength * 2);
  leftFlags.fill(0, 0, leftLength);
  rightFlags.fill(0, 0, rightLength);
  const window = Math.max(0, Math.floor(Math.max(leftLength, rightLength) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < leftLength; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(rightLength - 1, i + window);
    const code = left.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (rightFlags[j] === 0 && right.charCodeAt(j) === code) {
        leftFlags[i] = 1;
        rightFlags[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < leftLength; i++) {
    if (leftFlags[i] === 0) continue;
    while (rightFlags[j] === 0) j++;
    if (left.charCodeAt(i) !== right.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / leftLength + matches / rightLength + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const prefixLimit = Math.min(4, leftLength, rightLength);
  while (prefix < prefixLimit && left.charCodeAt(prefix) === right.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
