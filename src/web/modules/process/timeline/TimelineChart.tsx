import { Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { type KeyboardEvent, type MouseEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { directionOf } from "../../../shell/i18n.ts";
import { ConflictDialog, conflictsOf } from "../components/ConflictMark.tsx";
import { useDates } from "../format.ts";
import type { Timeline, TimelineItem } from "../types.ts";
import { useTimelineWords } from "./describe.ts";
import { layoutTimeline, metrics, type PlacedMark } from "./layout.ts";
import { hatchColor, LaneShape, LegendSwatch, laneColors, RoundShape } from "./marks.tsx";
import { PeriodMarks } from "./PeriodMarks.tsx";
import { TimelineTooltip } from "./TimelineTooltip.tsx";

type Active = { mark: PlacedMark; by: "hover" | "focus" };

/** Follows a link inside the picture with the router, leaving modified clicks (new tab) to the browser. */
function useLinkHandler() {
  const navigate = useNavigate();
  return (event: MouseEvent, href: string) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(href);
  };
}

/**
 * The timeline picture: years along the top; one lane per kind of event (rounds numbered, then each kind
 * of meeting with its own shape and colour, then milestones); the pauses between rounds shaded and
 * labelled with their length; the periods the process was concluded or suspended hatched; lifecycle
 * decisions as dashed lines. Every mark is a link or focusable, named for screen readers, with a tooltip.
 * The picture scrolls sideways inside its own box, and in Arabic time runs from right to left.
 */
export function TimelineChart({ timeline, processSlug }: { timeline: Timeline; processSlug: string }) {
  const { t, i18n } = useTranslation("process");
  const rtl = directionOf(i18n.language) === "rtl";
  const dates = useDates();
  const words = useTimelineWords(processSlug);
  const { ref, width: boxWidth } = useElementSize<HTMLDivElement>();
  // The observer gives the scroll box's border box; the picture fits inside its 1px border.
  const availableWidth = Math.max(boxWidth - 2, 0);
  const layout = useMemo(
    () => layoutTimeline(timeline, Math.max(availableWidth, 320), rtl),
    [timeline, availableWidth, rtl],
  );
  const [active, setActive] = useState<Active | null>(null);
  const [disputedItem, setDisputedItem] = useState<{ item: TimelineItem; title: string } | null>(null);
  const followLink = useLinkHandler();
  const idBase = useId().replace(/:/g, "");
  const hatchId = `${idBase}-hatch`;
  const titleId = `${idBase}-title`;
  const overflows = layout.width > availableWidth + 1;

  const show = (mark: PlacedMark, by: Active["by"]) => setActive({ mark, by });
  const hide = (mark: PlacedMark, by: Active["by"]) =>
    setActive((current) => (current?.mark === mark && current.by === by ? null : current));

  const renderMark = (mark: PlacedMark, key: string) => {
    const description = words.describeItem(mark.item);
    const isRound = mark.lane === "round";
    const lane = mark.lane;
    const isDecision = lane === "decision";
    const shape = isRound ? (
      <RoundShape
        x={mark.x}
        y={mark.y}
        r={metrics.roundRadius}
        label={String(mark.item.number ?? "")}
        status={mark.item.status}
      />
    ) : (
      <LaneShape lane={lane} x={mark.x} y={mark.y} size={isDecision ? 6 : metrics.markSize} />
    );
    // Toward the end of time: to the right in English, to the left in Arabic; or back where it must.
    const labelOffset = (mark.labelToward === "end") === rtl ? -10 : 10;
    const decisionLabel = isDecision ? (
      <text
        x={mark.x + labelOffset}
        y={mark.y}
        dy="0.35em"
        textAnchor={mark.labelToward === "end" ? "start" : "end"}
        fontSize={11}
        fontWeight={700}
        fill="#a35200"
        direction={rtl ? "rtl" : "ltr"}
        aria-hidden
      >
        {t(`decisions.kinds.${mark.item.subkind ?? "launch"}`)}
      </text>
    ) : null;
    const spanBar =
      !isRound && Math.abs(mark.x2 - mark.x) > 4 ? (
        <line
          x1={mark.x}
          x2={mark.x2}
          y1={mark.y}
          y2={mark.y}
          stroke={laneColors[lane]}
          strokeWidth={3}
          opacity={0.5}
        />
      ) : null;
    // A disputed date or place: a warning sign beside the mark (its words are in the mark's name).
    const disputed = conflictsOf(mark.item).length > 0;
    const offset = isRound ? metrics.roundRadius : metrics.markSize + 2;
    const badgeX = mark.x + (rtl ? -offset : offset);
    const badgeY = mark.y - offset;
    const disputedBadge = disputed ? (
      <g className="tl-disputed" aria-hidden data-testid="timeline-conflict-mark" data-item={mark.item.id}>
        <path
          d={`M${badgeX} ${badgeY - 6}L${badgeX + 6} ${badgeY + 5}L${badgeX - 6} ${badgeY + 5}Z`}
          fill="#fff3bf"
          stroke="#862e00"
          strokeWidth={1.5}
        />
        <text x={badgeX} y={badgeY + 3.5} textAnchor="middle" fontSize={8} fontWeight={700} fill="#862e00">
          !
        </text>
      </g>
    ) : null;
    const handlers = {
      onMouseEnter: () => show(mark, "hover"),
      onMouseLeave: () => hide(mark, "hover"),
      onFocus: () => show(mark, "focus"),
      onBlur: () => hide(mark, "focus"),
    };
    const testId = isRound ? "timeline-round" : `timeline-${mark.item.kind}`;
    if (description.href) {
      const href = description.href;
      return (
        <a
          key={key}
          href={href}
          className="tl-mark"
          aria-label={description.accessibleName}
          data-testid={testId}
          data-number={mark.item.number ?? undefined}
          onClick={(event) => followLink(event, href)}
          {...handlers}
        >
          {spanBar}
          {shape}
          {decisionLabel}
          {disputedBadge}
        </a>
      );
    }
    if (disputed) {
      // A disputed milestone has no page: the mark itself opens the conflict, by mouse or keyboard.
      const openConflict = () =>
        setDisputedItem({ item: mark.item, title: description.title ?? description.kind });
      return (
        // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it is given the role, a name and the keys
        <g
          key={key}
          className="tl-mark"
          tabIndex={0}
          role="button"
          aria-haspopup="dialog"
          aria-label={description.accessibleName}
          data-testid={testId}
          onClick={openConflict}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key !== "Enter" && event.key !== " ") return;
            event.preventDefault();
            openConflict();
          }}
          {...handlers}
        >
          {spanBar}
          {shape}
          {disputedBadge}
        </g>
      );
    }
    return (
      // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a milestone has no page of its own; as a named, focusable picture its tooltip is reachable by keyboard
      <g
        key={key}
        className="tl-mark"
        tabIndex={0}
        role="img"
        aria-label={description.accessibleName}
        data-testid={testId}
        {...handlers}
      >
        {spanBar}
        {shape}
      </g>
    );
  };

  const gapLabelY = metrics.axisHeight + metrics.bandLabelHeight - 8;
  const presentLanes = new Set(layout.lanes.map((lane) => lane.kind));
  const hasPlannedRounds = timeline.items.some(
    (item) => item.kind === "round" && ["planned", "announced", "in_session"].includes(item.status ?? ""),
  );

  return (
    <div className="timeline" data-testid="timeline">
      <ul className="timeline-legend" aria-label={t("timeline.legend")}>
        {[...presentLanes].map((lane) => (
          <li key={lane}>
            <LegendSwatch lane={lane} />
            {t(`timeline.kinds.${lane}`)}
          </li>
        ))}
        {hasPlannedRounds ? (
          <li>
            <LegendSwatch lane="round" planned />
            {t("timeline.plannedRound")}
          </li>
        ) : null}
        <li>
          <span className="legend-box legend-gap" aria-hidden />
          {t("timeline.gapLegend")}
        </li>
        {layout.periods.length > 0 ? (
          <li>
            <span className="legend-box legend-concluded" aria-hidden />
            {t("timeline.concludedLegend")}
          </li>
        ) : null}
      </ul>
      {overflows ? (
        <Text size="xs" c="dimmed" className="timeline-hint">
          {t("timeline.scrollHint")}
        </Text>
      ) : null}
      <div className="timeline-scroll" ref={ref} data-testid="timeline-scroll">
        <div className="timeline-canvas" style={{ width: layout.width, height: layout.height }}>
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG picture, named by its title, grouping focusable marks */}
          <svg
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="group"
            aria-labelledby={titleId}
            direction={rtl ? "rtl" : "ltr"}
            className="timeline-svg"
          >
            <title id={titleId}>{t("timeline.pictureTitle")}</title>
            <defs>
              <pattern
                id={hatchId}
                width="8"
                height="8"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="8" height="8" fill="#fff4e6" />
                <line x1="0" y1="0" x2="0" y2="8" stroke={hatchColor} strokeWidth="3" opacity="0.6" />
              </pattern>
            </defs>

            {layout.lanes.map((lane, index) => (
              <g key={lane.kind} aria-hidden>
                <rect
                  x={0}
                  y={lane.top}
                  width={layout.width}
                  height={lane.height}
                  fill={index % 2 === 0 ? "#f8f9fa" : "#fff"}
                />
                <text
                  x={layout.labelX}
                  y={lane.labelY}
                  dy="0.35em"
                  textAnchor="start"
                  fontSize={12}
                  fontWeight={600}
                  fill="#495057"
                  direction={rtl ? "rtl" : "ltr"}
                >
                  {t(`timeline.lanes.${lane.kind}`)}
                </text>
              </g>
            ))}

            {layout.periods.map(({ data: period, x1, x2 }) => (
              <rect
                key={`period-${period.decisionId}`}
                x={x1}
                y={metrics.axisHeight + 14}
                width={x2 - x1}
                height={layout.plot.bottom - metrics.axisHeight - 14}
                fill={`url(#${hatchId})`}
                opacity={0.75}
                aria-hidden
              />
            ))}
            {layout.gaps.map(({ data: gap, x1, x2 }) => (
              <rect
                key={`gap-${gap.afterRoundId}`}
                x={x1}
                y={gapLabelY - 12}
                width={x2 - x1}
                height={layout.plot.bottom - gapLabelY + 12}
                fill="#adb5bd"
                opacity={0.22}
                aria-hidden
              />
            ))}

            {layout.ticks.map((tick) => (
              <g key={tick.x} aria-hidden>
                <line
                  x1={tick.x}
                  x2={tick.x}
                  y1={metrics.axisHeight - 4}
                  y2={layout.plot.bottom}
                  stroke="#ced4da"
                />
                <text x={tick.x} y={14} textAnchor="middle" fontSize={12} fill="#343a40" fontWeight={600}>
                  {dates.year(tick.date)}
                </text>
              </g>
            ))}

            {layout.gaps.map(({ data: gap, x1, x2, labelX }) => {
              const gapWords = words.describeGap(gap);
              return (
                <g
                  key={`${gap.afterRoundId}-${gap.beforeRoundId}`}
                  data-testid="timeline-gap"
                  data-from={gap.from}
                  data-to={gap.to}
                  data-days={gap.days}
                >
                  <title>{gapWords.accessibleName}</title>
                  <rect x={x1} y={gapLabelY - 12} width={x2 - x1} height={18} fill="transparent" />
                  <line
                    x1={x1}
                    x2={x2}
                    y1={gapLabelY + 4}
                    y2={gapLabelY + 4}
                    stroke="#495057"
                    strokeWidth={1}
                  />
                  <line x1={x1} x2={x1} y1={gapLabelY} y2={gapLabelY + 8} stroke="#495057" />
                  <line x1={x2} x2={x2} y1={gapLabelY} y2={gapLabelY + 8} stroke="#495057" />
                  <text
                    x={labelX}
                    y={gapLabelY}
                    textAnchor="middle"
                    fontSize={11}
                    fontWeight={700}
                    fill="#212529"
                    direction={rtl ? "rtl" : "ltr"}
                    paintOrder="stroke"
                    stroke="#fff"
                    strokeWidth={3}
                  >
                    {gapWords.length}
                  </text>
                </g>
              );
            })}

            <PeriodMarks layout={layout} words={words} rtl={rtl} />

            {layout.marks.map((mark) => renderMark(mark, `${mark.item.kind}-${mark.item.id}`))}
          </svg>
          {active ? (
            <TimelineTooltip
              mark={active.mark}
              words={words.describeItem(active.mark.item)}
              width={layout.width}
              height={layout.height}
            />
          ) : null}
          <ConflictDialog
            opened={disputedItem !== null}
            onClose={() => setDisputedItem(null)}
            title={disputedItem?.title ?? ""}
            conflicts={disputedItem ? conflictsOf(disputedItem.item) : []}
            processSlug={processSlug}
          />
        </div>
      </div>
    </div>
  );
}
