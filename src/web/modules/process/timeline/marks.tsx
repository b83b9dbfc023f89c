import type { TFunction } from "i18next";
import type { TimelineItem } from "../types.ts";
import type { LaneKind } from "./layout.ts";

/** Colours of the lanes' marks; each lane also has its own shape, so colour is never the only cue. */
export const laneColors: Record<LaneKind, string> = {
  round: "#364fc7",
  ministerial: "#0c8599",
  quadrilateral: "#d9480f",
  summit: "#9c36b5",
  congress: "#c92a2a",
  technical: "#5c5f66",
  milestone: "#343a40",
  decision: "#e67700",
};

export const hatchColor = "#f59f00";

const plannedStatuses = new Set(["planned", "announced", "in_session"]);
const interruptedStatuses = new Set(["postponed", "cancelled"]);

/** A round's circle: filled once held, hollow while ahead, dashed grey when postponed or cancelled. */
export function RoundShape({
  x,
  y,
  r,
  label,
  status,
}: {
  x: number;
  y: number;
  r: number;
  label: string;
  status: string | null;
}) {
  const ahead = plannedStatuses.has(status ?? "");
  const interrupted = interruptedStatuses.has(status ?? "");
  const color = interrupted ? "#868e96" : laneColors.round;
  return (
    <>
      <circle
        className="tl-shape"
        cx={x}
        cy={y}
        r={r}
        fill={ahead || interrupted ? "#fff" : color}
        stroke={color}
        strokeWidth={2}
        strokeDasharray={interrupted ? "3 2" : undefined}
      />
      <text
        x={x}
        y={y}
        dy="0.35em"
        textAnchor="middle"
        fontSize={label.length > 2 ? 9 : 11}
        fontWeight={700}
        fill={ahead || interrupted ? color : "#fff"}
        aria-hidden
      >
        {label}
      </text>
    </>
  );
}

/** The shape of a lane's mark at (x, y): diamond, square, triangle, hexagon, circle or flag. */
export function LaneShape({
  lane,
  x,
  y,
  size,
  flip = false,
}: {
  lane: LaneKind;
  x: number;
  y: number;
  size: number;
  /** Mirrors the flag of a milestone, for time running from right to left. */
  flip?: boolean;
}) {
  const color = laneColors[lane];
  const common = { className: "tl-shape", fill: color, stroke: "#fff", strokeWidth: 1 };
  switch (lane) {
    case "ministerial":
      return (
        <path
          {...common}
          d={`M${x} ${y - size - 1}L${x + size + 1} ${y}L${x} ${y + size + 1}L${x - size - 1} ${y}Z`}
        />
      );
    case "quadrilateral":
      return <rect {...common} x={x - size} y={y - size} width={size * 2} height={size * 2} />;
    case "summit":
      return (
        <path
          {...common}
          d={`M${x} ${y - size - 1}L${x + size + 1} ${y + size}L${x - size - 1} ${y + size}Z`}
        />
      );
    case "congress": {
      const points = Array.from({ length: 6 }, (_, index) => {
        const angle = (Math.PI / 3) * index;
        return `${x + (size + 1) * Math.cos(angle)},${y + (size + 1) * Math.sin(angle)}`;
      }).join(" ");
      return <polygon {...common} points={points} />;
    }
    case "milestone":
      return (
        <>
          <line x1={x} x2={x} y1={y - size - 2} y2={y + size + 2} stroke={color} strokeWidth={2} />
          <path
            {...common}
            d={`M${x} ${y - size - 2}L${x + (flip ? -1 : 1) * (size + 2)} ${y - size / 2}L${x} ${y}Z`}
          />
        </>
      );
    case "decision":
      return (
        <path
          {...common}
          d={`M${x} ${y - size}L${x + size} ${y}L${x} ${y + size}L${x - size} ${y}Z`}
          stroke={color}
          fill="#fff"
          strokeWidth={3}
        />
      );
    default:
      return <circle {...common} cx={x} cy={y} r={size - 1} fill="#fff" stroke={color} strokeWidth={2.5} />;
  }
}

/** A small picture of a lane's mark, for the legend. */
export function LegendSwatch({ lane, planned = false }: { lane: LaneKind; planned?: boolean }) {
  return (
    <svg width={22} height={22} viewBox="0 0 22 22" aria-hidden focusable="false" className="legend-swatch">
      {lane === "round" ? (
        <RoundShape x={11} y={11} r={9} label="" status={planned ? "planned" : "concluded"} />
      ) : (
        <LaneShape lane={lane} x={11} y={lane === "milestone" ? 13 : 11} size={6} />
      )}
    </svg>
  );
}

/** The lane a legend entry, a mark and the table name: "Ministerial meeting", "Round", … */
export function kindLabel(t: TFunction, item: TimelineItem, lane: LaneKind): string {
  if (item.kind === "decision")
    return t(`process:decisions.kinds.${item.subkind ?? "launch"}`, { defaultValue: item.subkind ?? "" });
  return t(`process:timeline.kinds.${lane}`);
}
