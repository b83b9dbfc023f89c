import { LocalText } from "../../../shell/LocalText.tsx";
import type { ItemDescription } from "./describe.ts";
import { metrics, type PlacedMark } from "./layout.ts";

/**
 * The visual tooltip of the mark under the pointer or keyboard focus: kept inside the picture, above the
 * mark in the lower part of the picture and below it otherwise. Hidden from screen readers, which read
 * the mark's own accessible name.
 */
export function TimelineTooltip({
  mark,
  words,
  width,
  height,
}: {
  mark: PlacedMark;
  words: ItemDescription;
  width: number;
  height: number;
}) {
  const left = Math.min(Math.max(mark.x, 120), width - 120);
  const above = mark.y > height * 0.55;
  const offset = mark.lane === "round" ? metrics.roundRadius + 6 : metrics.markSize + 6;
  return (
    <div
      className="timeline-tooltip"
      aria-hidden
      data-placement={above ? "above" : "below"}
      style={{ left, top: mark.y + (above ? -1 : 1) * offset }}
    >
      <strong>{words.kind}</strong>
      {words.title ? (
        <div>
          {words.titleText ? <LocalText value={words.titleText} /> : <span lang="en">{words.title}</span>}
        </div>
      ) : null}
      <div>{words.when}</div>
      {words.where ? <div>{words.where}</div> : null}
      {words.status ? <div>{words.status}</div> : null}
      {words.disputed ? <div className="tl-tooltip-disputed">{words.disputed}</div> : null}
    </div>
  );
}
