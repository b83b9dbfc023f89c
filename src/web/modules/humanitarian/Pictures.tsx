// The working group's pictures, each with its numbers in words or a table beside it: cases by status and
// side (now and month by month), the exchanges on a time line, and the review queue's progress.
import { Anchor, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type CaseStatus, caseStatuses } from "../../../contracts/humanitarian.ts";
import { inTimeOrder } from "./exchange-order.ts";
import { useCaseCounts, useExchanges, useReviewProgress } from "./queries.ts";
import { StatusByMonthChart } from "./StatusByMonthChart.tsx";
import { ExchangeText, ratioOf, sideName, statusColour } from "./shared.tsx";

const fill = (colour: string) => `var(--mantine-color-${colour}-6)`;

/** Cases by side and status now (a bar per side), and status changes by month (a chart per side and a table). */
export function CaseCountsPicture({ slug, nameOf }: { slug: string; nameOf: (id: string) => string }) {
  const { t } = useTranslation("humanitarian");
  const counts = useCaseCounts(slug).data;
  if (!counts) return null;
  const sides = [...new Set(counts.current.map((c) => c.delegationId))];
  const total = (side: string) =>
    counts.current.filter((c) => c.delegationId === side).reduce((sum, c) => sum + c.count, 0);
  const months = [...new Set(counts.byMonth.map((m) => m.month))].sort();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id="hum-case-counts">
        {t("pictures.cases")}
      </Title>
      {sides.length === 0 ? <Text c="dimmed">{t("cases.none")}</Text> : null}
      {sides.map((side) => (
        <Stack key={side} gap={2}>
          <Text size="sm">{t("pictures.side", { side: nameOf(side), count: total(side) })}</Text>
          <Progress.Root size="xl" aria-hidden>
            {caseStatuses.map((status) => {
              const count =
                counts.current.find((c) => c.delegationId === side && c.status === status)?.count ?? 0;
              return count > 0 ? (
                <Progress.Section
                  key={status}
                  value={(count / total(side)) * 100}
                  color={statusColour[status]}
                >
                  <Progress.Label>{count}</Progress.Label>
                </Progress.Section>
              ) : null;
            })}
          </Progress.Root>
          <Text size="xs">
            {caseStatuses
              .map(
                (status) =>
                  [
                    status,
                    counts.current.find((c) => c.delegationId === side && c.status === status)?.count ?? 0,
                  ] as const,
              )
              .filter(([, count]) => count > 0)
              .map(([status, count]) => `${t(`status.${status}`)}: ${count}`)
              .join(" · ")}
          </Text>
        </Stack>
      ))}
      {months.length > 0 ? (
        <Title order={3} size="h5">
          {t("pictures.byMonthTitle")}
        </Title>
      ) : null}
      <StatusByMonthChart counts={counts} nameOf={nameOf} />
      {months.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder>
            <Table.Caption>{t("pictures.byMonth")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("pictures.month")}</Table.Th>
                <Table.Th scope="col">{t("side")}</Table.Th>
                <Table.Th scope="col">{t("cases.status")}</Table.Th>
                <Table.Th scope="col">{t("pictures.count")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.byMonth.map((row) => (
                <Table.Tr key={`${row.month}-${row.delegationId}-${row.status}`}>
                  <Table.Td>{row.month}</Table.Td>
                  <Table.Td>{nameOf(row.delegationId)}</Table.Td>
                  <Table.Td>{t(`status.${row.status as CaseStatus}`)}</Table.Td>
                  <Table.Td>{row.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** The review queue's progress: decided of all candidates, with the numbers written out. */
export function ReviewProgressPicture({ slug }: { slug: string }) {
  const { t } = useTranslation("humanitarian");
  const progress = useReviewProgress(slug).data;
  if (!progress) return null;
  return <QueueProgress counts={progress.candidates} title={t("pictures.review")} />;
}

export function QueueProgress({
  counts,
  title,
}: {
  counts: { pending: number; confirmed: number; rejected: number };
  title: string;
}) {
  const { t } = useTranslation("humanitarian");
  const total = counts.pending + counts.confirmed + counts.rejected;
  const share = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Progress.Root size="lg" aria-hidden>
        <Progress.Section value={share(counts.confirmed)} color="green" />
        <Progress.Section value={share(counts.rejected)} color="red" />
      </Progress.Root>
      <Text size="sm" data-testid="queue-progress">
        {t("review.progress", { ...counts, decided: counts.confirmed + counts.rejected, total })}
      </Text>
    </Stack>
  );
}

const width = 720;
const height = 150;

/**
 * The exchanges on a time line (circles sized by the people released, both sides together), with the
 * same facts as a table with their sources for whoever does not read the picture; an exchange the
 * sources date only loosely ("April 2019") is not drawn but stays in the table, in its place in time.
 */
export function ExchangeTimelinePicture({ slug, nameOf }: { slug: string; nameOf: (id: string) => string }) {
  const { t } = useTranslation("humanitarian");
  const all = inTimeOrder(useExchanges(slug).data?.exchanges ?? []);
  if (all.length === 0) return null;
  const sorted = all.filter((e) => e.on);
  const undated = all.length - sorted.length;
  const times = sorted.map((e) => Date.parse(e.on ?? ""));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const x = (time: number) => 40 + ((time - first) / span) * (width - 80);
  const people = (e: (typeof sorted)[number]) => (e.first.releases ?? 0) + (e.second.releases ?? 0);
  const most = Math.max(1, ...sorted.map(people));
  const years = [];
  for (let year = new Date(first).getUTCFullYear(); year <= new Date(last).getUTCFullYear() + 1; year++)
    years.push(year);
  return (
    <section aria-labelledby="hum-timeline">
      <Title order={2} size="h3" id="hum-timeline" mb="sm">
        {t("pictures.timeline")}
      </Title>
      {sorted.length > 0 ? (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-labelledby="hum-timeline-desc"
          className="hum-timeline"
          style={{ direction: "ltr" }}
        >
          <desc id="hum-timeline-desc">
            {t("pictures.timelineDesc", { count: sorted.length })}
            {undated > 0 ? ` ${t("pictures.undated", { count: undated })}` : ""}
          </desc>
          <line x1={30} x2={width - 30} y1={100} y2={100} stroke="currentColor" strokeWidth={1} />
          {years.map((year) => {
            const at = x(Date.UTC(year, 0, 1));
            return at >= 30 && at <= width - 30 ? (
              <g key={year}>
                <line x1={at} x2={at} y1={96} y2={104} stroke="currentColor" />
                <text x={at} y={122} textAnchor="middle">
                  {year}
                </text>
              </g>
            ) : null;
          })}
          {sorted.map((exchange, index) => {
            const at = x(Date.parse(exchange.on ?? ""));
            const radius = 4 + 16 * Math.sqrt(people(exchange) / most);
            return (
              <g key={exchange.id}>
                <circle
                  cx={at}
                  cy={100}
                  r={radius}
                  fill={fill(exchange.kind === "aggregate" ? "blue" : "teal")}
                  fillOpacity={0.6}
                />
                <text x={at} y={index % 2 === 0 ? 60 : 40} textAnchor="middle">
                  {ratioOf(t, exchange) ?? (people(exchange) || "?")}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped>
          <Table.Caption>{t("pictures.timelineTable")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("exchanges.date")}</Table.Th>
              <Table.Th scope="col">{t("exchanges.place")}</Table.Th>
              <Table.Th scope="col">{t("exchanges.released")}</Table.Th>
              <Table.Th scope="col">{t("exchanges.sources")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.map((exchange) => (
              <Table.Tr key={exchange.id} data-testid="timeline-row">
                <Table.Td>
                  {exchange.on ?? "—"}
                  {exchange.dateNote ? (
                    <Text size="xs" c="dimmed" dir="auto">
                      <ExchangeText exchange={exchange} text={exchange.dateNote} />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ExchangeText exchange={exchange} text={exchange.place} />
                </Table.Td>
                <Table.Td>
                  {t("exchanges.sides", {
                    first: sideName(t, exchange.first, nameOf, "first"),
                    firstCount: exchange.first.releases ?? "?",
                    second: sideName(t, exchange.second, nameOf, "second"),
                    secondCount: exchange.second.releases ?? "?",
                  })}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    {exchange.sources.map((source, index) => (
                      <Anchor key={source.url} href={source.url} target="_blank" rel="noreferrer" size="sm">
                        {source.title ?? t("exchanges.source", { n: index + 1 })}
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
