import { Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { StatusBadge } from "./CommitmentBadges.tsx";
import { apiPath, useReport } from "./queries.ts";
import "./followup.css";

const day = (value: string) => `${value.slice(0, 10)}T12:00:00Z`;

/** The sources an update cites, as links (their titles where known). */
function SourceLinks({
  sources,
  inline = false,
}: {
  sources: { url: string; title?: string }[];
  inline?: boolean;
}) {
  if (sources.length === 0) return <>—</>;
  return (
    <>
      {sources.map((source, index) => (
        <span key={source.url}>
          {inline && index > 0 ? ", " : null}
          <Anchor
            href={source.url}
            size="sm"
            display={inline ? "inline" : "block"}
            rel="noreferrer"
            dir="auto"
          >
            {source.title ?? source.url}
          </Anchor>
        </span>
      ))}
    </>
  );
}

/**
 * "Since the last round" for a round: the incidents of each zone, the commitments whose status changed
 * and the new breaches between the previous round's end and this round's start, as the reader may see
 * them; exported as CSV for the agenda, and printable.
 */
export function ReportPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("followup");
  const format = useFormatters();
  const query = useReport(id);
  // The CSV's sections and statuses in the reader's language (English for one without its own).
  const csvLanguage = ["ru", "ar"].includes(i18n.language) ? i18n.language : "en";
  const loaded = pageData(query, t, t("report.title", { number: "" }));
  if ("element" in loaded) return loaded.element;
  const report = loaded.data;
  const commitmentPath = (commitmentId: string) =>
    `/processes/${encodeURIComponent(report.processId)}/commitments/${encodeURIComponent(commitmentId)}`;
  const period = report.from
    ? t("report.period", { from: format.date(day(report.from)), to: format.date(day(report.to)) })
    : t("report.periodOpen", { to: format.date(day(report.to)) });
  return (
    <Page
      title={t("report.title", { number: report.roundNumber })}
      actions={
        <Group gap="sm" className="followup-no-print">
          <Anchor href={`${apiPath("rounds", id, "followup-report.csv")}?lang=${csvLanguage}`} download>
            {t("report.csv")}
          </Anchor>
          <Button variant="subtle" size="compact-sm" onClick={() => window.print()}>
            {t("report.print")}
          </Button>
        </Group>
      }
    >
      <Stack gap="lg" className="followup-report">
        <Text>{period}</Text>
        <section aria-labelledby="report-zones">
          <Title order={2} size="h3" id="report-zones" mb="xs">
            {t("report.byZone")}
          </Title>
          {report.incidentsByZone.length === 0 ? (
            <Text c="dimmed">{t("report.noIncidents")}</Text>
          ) : (
            <Table withTableBorder striped data-testid="report-zones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("report.zone")}</Table.Th>
                  <Table.Th scope="col">{t("report.incidents")}</Table.Th>
                  <Table.Th scope="col">{t("report.fatalities")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.incidentsByZone.map((row) => (
                  <Table.Tr key={row.zoneId ?? "outside"}>
                    <Table.Th scope="row" dir="auto">
                      {row.zoneId ? row.zoneName : t("charts.outside")}
                    </Table.Th>
                    <Table.Td>{format.number(row.incidents)}</Table.Td>
                    <Table.Td>{format.number(row.fatalities)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <section aria-labelledby="report-changed">
          <Title order={2} size="h3" id="report-changed" mb="xs">
            {t("report.changed")}
          </Title>
          {report.commitmentsChanged.length === 0 ? (
            <Text c="dimmed">{t("report.noChanges")}</Text>
          ) : (
            <Table withTableBorder striped data-testid="report-changed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("commitments.what")}</Table.Th>
                  <Table.Th scope="col">{t("report.change")}</Table.Th>
                  <Table.Th scope="col">{t("commitments.on")}</Table.Th>
                  <Table.Th scope="col">{t("commitments.evidence")}</Table.Th>
                  <Table.Th scope="col">{t("commitments.sources")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.commitmentsChanged.map((row) => (
                  <Table.Tr key={`${row.commitmentId}-${row.on}-${row.from}-${row.to}`}>
                    <Table.Td>
                      <Anchor component={Link} to={commitmentPath(row.commitmentId)} size="sm" dir="auto">
                        {row.what}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {row.from ? <StatusBadge status={row.from as never} /> : null}
                        <span aria-hidden className="followup-flip">
                          →
                        </span>
                        <StatusBadge status={row.to as never} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{format.date(day(row.on))}</Table.Td>
                    <Table.Td dir="auto">{row.evidence ?? "—"}</Table.Td>
                    <Table.Td>
                      <SourceLinks sources={row.sources} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <section aria-labelledby="report-breaches">
          <Title order={2} size="h3" id="report-breaches" mb="xs">
            {t("report.breaches")}
          </Title>
          {report.newBreaches.length === 0 ? (
            <Text c="dimmed">{t("report.noBreaches")}</Text>
          ) : (
            <Stack gap={4} component="ul" data-testid="report-breaches">
              {report.newBreaches.map((row) => (
                <Text key={`${row.commitmentId}-${row.on}`} component="li" size="sm" dir="auto">
                  {format.date(day(row.on))}:{" "}
                  <Anchor component={Link} to={commitmentPath(row.commitmentId)} size="sm">
                    {row.what}
                  </Anchor>
                  {row.evidence ? ` — ${row.evidence}` : ""}
                  {row.sources.length > 0 ? (
                    <Text span size="sm">
                      {" "}
                      ({t("commitments.sources")}: <SourceLinks sources={row.sources} inline />)
                    </Text>
                  ) : null}
                </Text>
              ))}
            </Stack>
          )}
        </section>
        <Text size="sm" className="followup-no-print">
          <Anchor component={Link} to={`/rounds/${encodeURIComponent(id)}`}>
            {t("report.round", { number: report.roundNumber })}
          </Anchor>
        </Text>
      </Stack>
    </Page>
  );
}
