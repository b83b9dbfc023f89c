import { useTranslation } from "react-i18next";
import { conflictsOf, useDisputedText } from "../components/ConflictMark.tsx";
import { monthsOf, useDates } from "../format.ts";
import type { TimelineGap, TimelineItem, TimelinePeriod } from "../types.ts";
import { laneOf } from "./layout.ts";
import { kindLabel } from "./marks.tsx";

export type ItemDescription = {
  /** What the item is: "Round 15", "Summit", "Concluded". */
  kind: string;
  /** Its own name as the record gives it (English data), when it says more than the kind. */
  title: string | null;
  when: string;
  where: string | null;
  status: string | null;
  /** Where a link from the mark leads, if anywhere. */
  href: string | null;
  /** When the item's date or place is disputed: what the record says of it, in words. */
  disputed: string | null;
  /** Everything above in one sentence, for screen readers and the mark's accessible name. */
  accessibleName: string;
};

/** Words for the timeline's items, pauses and periods, shared by the picture and its table. */
export function useTimelineWords(processSlug: string) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const disputedText = useDisputedText();
  const describeItem = (item: TimelineItem): ItemDescription => {
    const lane = laneOf(item);
    const when = dates.range(item.startDate, item.endDate, item.precision) || t("record.notFound");
    const where = item.city;
    const isRound = item.kind === "round";
    const kind = isRound ? t("round.heading", { number: item.number ?? "?" }) : kindLabel(t, item, lane);
    const title = isRound ? null : item.label;
    const status =
      isRound && item.status && item.status !== "concluded"
        ? t(`round.statuses.${item.status}`, { defaultValue: item.status })
        : null;
    const href =
      item.kind === "round"
        ? `/rounds/${encodeURIComponent(item.id)}`
        : item.kind === "meeting"
          ? `/meetings/${encodeURIComponent(item.id)}`
          : item.kind === "decision"
            ? `/processes/${encodeURIComponent(processSlug)}#decision-${item.id}`
            : null;
    const conflicts = conflictsOf(item);
    const disputed = conflicts.length > 0 ? disputedText(conflicts) : null;
    const accessibleName = [kind, title, when, where, status, disputed].filter(Boolean).join(", ");
    return { kind, title, when, where, status, href, disputed, accessibleName };
  };
  const describeGap = (gap: TimelineGap) => {
    const months = monthsOf(gap.days);
    return {
      length: t("timeline.months", { count: months }),
      range: dates.range(gap.from, gap.to),
      accessibleName: t("timeline.gapName", {
        months: t("timeline.months", { count: months }),
        after: gap.afterNumber,
        before: gap.beforeNumber,
        range: dates.range(gap.from, gap.to),
      }),
    };
  };
  const describePeriod = (period: TimelinePeriod) => {
    const range = period.to
      ? dates.range(period.from, period.to)
      : t("timeline.since", { date: dates.day(period.from) });
    return {
      label: t(`timeline.periods.${period.kind}`),
      range,
      accessibleName: `${t(`timeline.periods.${period.kind}`)}: ${range}`,
    };
  };
  return { describeItem, describeGap, describePeriod };
}
