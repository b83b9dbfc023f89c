import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { eventTypeLabel, VerificationBadge } from "./IncidentList.tsx";
import { LinkDecision, MonitorPanel } from "./MonitorPanel.tsx";
import { useCommitments, useIncident, useZones } from "./queries.ts";
import "./followup.css";
import { useSlugAddress } from "./canonical.ts";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" dir="auto" component="div">
        {children}
      </Text>
    </div>
  );
}

/**
 * One incident as the reader may see it: the declassified summary for the public; the raw report, its
 * verification history and the commitments it may breach for the process's delegations; the reporter,
 * the sensitive fields and the decisions for the monitoring team.
 */
export function IncidentPage() {
  const { slug = "", id = "" } = useParams();
  useSlugAddress(slug);
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const query = useIncident(id);
  const zones = useZones(slug);
  const commitments = useCommitments(slug);
  const loaded = pageData(query, t, t("incident.open"));
  if ("element" in loaded) return loaded.element;
  const incident = loaded.data;
  const report = incident.report;
  const monitor = incident.protected !== null;
  const zoneName = new Map((zones.data?.items ?? []).map((zone) => [zone.id, zone.name]));
  const commitmentWhat = new Map((commitments.data?.items ?? []).map((item) => [item.id, item.what]));
  const base = `/processes/${encodeURIComponent(slug)}`;
  return (
    <Page
      title={t("incident.title", { date: format.date(`${incident.occurredOn}T12:00:00Z`) })}
      actions={
        <Anchor component={Link} to={`${base}/followup?month=${incident.occurredOn.slice(0, 7)}`}>
          {t("links.back")}
        </Anchor>
      }
    >
      <Group gap="sm" wrap="wrap">
        <Text fw={600} dir="auto">
          {eventTypeLabel(t, incident.eventType)}
          {incident.subEventType ? ` — ${incident.subEventType}` : ""}
        </Text>
        <VerificationBadge state={incident.verification} />
        <Badge variant="outline" color="gray" size="sm">
          {t("incident.tier")}: {t(`platform:tiers.${incident.tier}`, { defaultValue: incident.tier })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Fact label={t("incident.date")}>
          {format.date(`${incident.occurredOn}T12:00:00Z`)} (
          {t("incident.precision", { precision: t(`precision.${incident.timePrecision}`) })})
        </Fact>
        <Fact label={t("incident.fatalities")}>{format.number(incident.fatalities)}</Fact>
        <Fact label={t("incident.zones")}>
          {incident.zones.length > 0
            ? incident.zones.map((zone, index) => (
                <span key={zone.zoneId}>
                  {index > 0 ? ", " : null}
                  {/* The zone's incidents of that month, on the map and in its list. */}
                  <Anchor
                    component={Link}
                    to={`/processes/${encodeURIComponent(slug)}/followup?zone=${encodeURIComponent(zone.zoneId)}&month=${incident.occurredOn.slice(0, 7)}`}
                  >
                    {zoneName.get(zone.zoneId) ?? zone.zoneId}
                  </Anchor>{" "}
                  ({t(`zoneStatus.${zone.status}`)})
                </span>
              ))
            : "—"}
        </Fact>
        {report ? (
          <>
            <Fact label={t("incident.place")}>
              {[report.location, ...report.admin].filter(Boolean).join(", ")} — {report.latitude.toFixed(3)},{" "}
              {report.longitude.toFixed(3)} (
              {t("incident.precision", { precision: t(`precision.${report.geoPrecision}`) })})
            </Fact>
            <Fact label={t("incident.actors")}>
              {[report.actor1, report.actor2].filter(Boolean).join(" — ") || "—"}
            </Fact>
          </>
        ) : null}
      </SimpleGrid>
      {incident.summary ? (
        <Paper withBorder p="sm">
          <Fact label={t("incident.summary")}>{incident.summary}</Fact>
        </Paper>
      ) : null}
      {report ? (
        <>
          {report.notes ? <Fact label={t("incident.notes")}>{report.notes}</Fact> : null}
          {report.sources.length > 0 ? (
            <Fact label={t("incident.sources")}>
              {report.sources.map((source) =>
                /^https?:/.test(source.url) ? (
                  <Anchor key={source.url} href={source.url} rel="noreferrer" display="block" size="sm">
                    {source.title ?? source.url}
                  </Anchor>
                ) : (
                  <Text key={source.url} size="sm">
                    {source.title ?? source.url}
                  </Text>
                ),
              )}
            </Fact>
          ) : null}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t("incident.summaryOnly")}
        </Text>
      )}
      {incident.protected ? (
        <Paper withBorder p="sm" bg="yellow.0">
          <Stack gap="xs">
            <Fact label={t("incident.reporter")}>{incident.protected.reporter ?? "—"}</Fact>
            {Object.keys(incident.protected.sensitive).length > 0 ? (
              <Fact label={t("incident.sensitive")}>
                {Object.entries(incident.protected.sensitive).map(([field, value]) => (
                  <Text key={field} size="sm">
                    {field}: {typeof value === "string" ? value : JSON.stringify(value)}
                  </Text>
                ))}
              </Fact>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
      {incident.history.length > 0 ? (
        <section aria-labelledby="incident-history">
          <Title order={2} size="h4" id="incident-history" mb="xs">
            {t("incident.history")}
          </Title>
          <Stack gap={4} component="ol" className="followup-plain-list" data-testid="incident-history">
            {incident.history.map((entry) => (
              <Group key={`${entry.at}-${entry.state}`} component="li" gap="xs" wrap="wrap">
                <Text size="sm">{format.dateTime(entry.at)}</Text>
                <VerificationBadge state={entry.state} />
                <Text size="sm" dir="auto">
                  {t("incident.by", { who: whoTookStep(t, entry.by) })}
                  {entry.reason ? ` — ${entry.reason}` : ""}
                </Text>
              </Group>
            ))}
          </Stack>
        </section>
      ) : null}
      {report ? (
        <section aria-labelledby="incident-links">
          <Title order={2} size="h4" id="incident-links" mb="xs">
            {t("incident.links")}
          </Title>
          {incident.links.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("incident.noLinks")}
            </Text>
          ) : (
            <div className="followup-table-scroll">
              <Table withTableBorder>
                <Table.Tbody>
                  {incident.links.map((link) => (
                    <Table.Tr key={link.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`${base}/commitments/${encodeURIComponent(link.commitmentId)}`}
                          dir="auto"
                        >
                          {commitmentWhat.get(link.commitmentId) ?? link.commitmentId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" size="sm" color={link.state === "confirmed" ? "red" : "gray"}>
                          {t(`incident.linkState.${link.state}`)}
                        </Badge>
                        {link.reason ? (
                          <Text size="xs" dir="auto">
                            {link.reason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {monitor ? (
                        <Table.Td>
                          <LinkDecision linkId={link.id} />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </section>
      ) : null}
      {monitor ? <MonitorPanel incident={incident} /> : null}
    </Page>
  );
}

/** Who took a step as the reader may know it: the server names the team or the protected reporter, in English. */
function whoTookStep(t: TFunction, by: string): string {
  if (by === "monitoring team") return t("incident.byTeam");
  if (by === "reporter (protected)") return t("incident.byReporter");
  return by;
}
