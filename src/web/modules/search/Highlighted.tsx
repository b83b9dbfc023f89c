import type { SearchPassage } from "../../../contracts/search.ts";

/**
 * A passage as text with its matched ranges marked. The text is never parsed as markup: each piece is a
 * React text node, so whatever the record holds is shown as characters.
 */
export function Highlighted({ passage }: { passage: SearchPassage }) {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...passage.highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > passage.text.length || end <= start) continue;
    if (start > at) pieces.push({ text: passage.text.slice(at, start), marked: false });
    pieces.push({ text: passage.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < passage.text.length) pieces.push({ text: passage.text.slice(at), marked: false });
  return (
    <span lang={passage.lang} dir="auto">
      {pieces.map((piece, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in order, never reordered
        piece.marked ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
      )}
    </span>
  );
}
