import type { useTimelineWords } from "./describe.ts";
import { metrics, type TimelineLayout } from "./layout.ts";
import { laneColors } from "./marks.tsx";

/**
 * The periods the process was concluded or suspended, each labelled above the lanes (named for screen
 * readers), and its lifecycle decisions as dashed lines across every lane.
 */
export function PeriodMarks({
  layout,
  words,
  rtl,
}: {
  layout: TimelineLayout;
  words: ReturnType<typeof useTimelineWords>;
  rtl: boolean;
}) {
  return (
    <>
      {layout.periods.map(({ data: period, labelX }) => {
        const periodWords = words.describePeriod(period);
        return (
          <g key={period.decisionId} data-testid={`timeline-period-${period.kind}`}>
            <title>{periodWords.accessibleName}</title>
            <text
              x={labelX}
              y={metrics.axisHeight + 10}
              textAnchor="middle"
              fontSize={11}
              fontWeight={700}
              fill="#a35200"
              direction={rtl ? "rtl" : "ltr"}
              paintOrder="stroke"
              stroke="#fff"
              strokeWidth={3}
            >
              {periodWords.label}
            </text>
          </g>
        );
      })}
      {layout.decisions.map((mark) => (
        <line
          key={`line-${mark.item.id}`}
          x1={mark.x}
          x2={mark.x}
          y1={layout.plot.top}
          y2={layout.plot.bottom}
          stroke={laneColors.decision}
          strokeWidth={1.5}
          strokeDasharray="4 3"
          aria-hidden
        />
      ))}
    </>
  );
}
