import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../shell/LocalText.tsx";
import { conflictsOf, useDisputedText } from "../components/ConflictMark.tsx";
import { monthsOf, useDates } from "../format.ts";
import type { TimelineGap, TimelineItem, TimelinePeriod } from "../types.ts";
import { laneOf } from "./layout.ts";
import { kindLabel } from "./marks.tsx";

export type ItemDescription = {
  /** What the item is: "Round 15", "Summit", "Concluded". */
  kind: string;
  /** Its own name as the record gives it, in the reader's language where the record has it. */
  title: string | null;
  /** The title's language and whether it is not the reader's (then it is marked as such). */
  titleText: LocalizedText | null;
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
    const where = item.localized?.city?.text ?? item.city;
    const isRound = item.kind === "round";
    const kind = isRound ? t("round.heading", { number: item.number ?? "?" }) : kindLabel(t, item, lane);
    const titleText = isRound
      ? null
      : (item.localized?.label ?? { text: item.label, lang: "en", fallback: true });
    const title = titleText?.text ?? null;
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
    return { kind, title, titleText, when, where, status, href, disputed, accessibleName };
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
