import { Anchor, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LocalText } from "../../../shell/LocalText.tsx";
import { ConflictMark } from "../components/ConflictMark.tsx";
import type { Timeline } from "../types.ts";
import { useTimelineWords } from "./describe.ts";

type Row = {
  key: string;
  sortDate: string;
  when: ReactNode;
  what: ReactNode;
  kind: string;
  where: string | null;
};

/**
 * The timeline as a table: the same rounds, meetings, milestones, decisions, pauses and periods as the
 * picture, in date order, for screen readers, keyboards and anyone who prefers reading to looking.
 */
export function TimelineTable({ timeline, processSlug }: { timeline: Timeline; processSlug: string }) {
  const { t } = useTranslation("process");
  const words = useTimelineWords(processSlug);
  const rows: Row[] = [];
  for (const item of [...timeline.items, ...timeline.undated]) {
    const description = words.describeItem(item);
    const name = description.title ?? description.kind;
    rows.push({
      key: `${item.kind}-${item.id}`,
      sortDate: item.startDate ?? "9999",
      when: (
        <>
          {description.when} <ConflictMark marked={item} processSlug={processSlug} what={name} compact />
        </>
      ),
      what: description.href ? (
        <Anchor component={Link} to={description.href} size="sm">
          {description.titleText ? <LocalText value={description.titleText} /> : name}
        </Anchor>
      ) : (
        <span>{description.titleText ? <LocalText value={description.titleText} /> : name}</span>
      ),
      kind: [description.title ? description.kind : t("timeline.kinds.round"), description.status]
        .filter(Boolean)
        .join(", "),
      where: description.where,
    });
  }
  for (const gap of timeline.gaps) {
    const gapWords = words.describeGap(gap);
    rows.push({
      key: `gap-${gap.afterRoundId}`,
      sortDate: `${gap.from}~`,
      when: gapWords.range,
      what: t("timeline.gapRow", {
        months: gapWords.length,
        after: gap.afterNumber,
        before: gap.beforeNumber,
      }),
      kind: t("timeline.gapLegend"),
      where: null,
    });
  }
  for (const period of timeline.periods.filter(
    (entry) => entry.kind === "concluded" || entry.kind === "suspended",
  )) {
    const periodWords = words.describePeriod(period);
    rows.push({
      key: `period-${period.decisionId}`,
      sortDate: `${period.from}~`,
      when: periodWords.range,
      what: periodWords.label,
      kind: t("timeline.concludedLegend"),
      where: null,
    });
  }
  rows.sort((a, b) => a.sortDate.localeCompare(b.sortDate));

  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing={4} data-testid="timeline-table">
        <caption className="visually-hidden">{t("timeline.tableCaption")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("timeline.columns.when")}</Table.Th>
            <Table.Th scope="col">{t("timeline.columns.what")}</Table.Th>
            <Table.Th scope="col">{t("timeline.columns.kind")}</Table.Th>
            <Table.Th scope="col">{t("timeline.columns.where")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td className="nowrap">{row.when}</Table.Td>
              <Table.Td>{row.what}</Table.Td>
              <Table.Td>{row.kind}</Table.Td>
              <Table.Td>{row.where ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
