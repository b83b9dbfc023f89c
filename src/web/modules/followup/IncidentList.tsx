import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import type { TFunction } from "i18next";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { colourOfEventType } from "./colours.ts";
import { type Incident, useIncident } from "./queries.ts";

/** ACLED's event type in the reader's language where it is one of ACLED's six, as written otherwise. */
export function eventTypeLabel(t: TFunction, type: string): string {
  return t(`eventTypes.${type.replace(/[^A-Za-z]/g, "")}`, { defaultValue: type });
}

/** An incident's verification state as a badge: green verified, red disputed or rejected, grey otherwise. */
export function VerificationBadge({ state }: { state: Incident["verification"] }) {
  const { t } = useTranslation("followup");
  const colour =
    state === "verified" ? "green" : state === "disputed" || state === "rejected" ? "red" : "gray";
  return (
    <Badge variant="light" color={colour} size="sm">
      {t(`verification.${state}`)}
    </Badge>
  );
}

/**
 * What the reader may know of an incident, in a few lines: the summary, or the raw report's place and
 * actors. The map's list has no texts (it asks `fields=map`), so the chosen one's are read on opening.
 */
function IncidentSummary({
  incident: listed,
  zoneNames,
}: {
  incident: Incident;
  zoneNames: Map<string, string>;
}) {
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const full = useIncident(listed.id);
  const incident: Incident = full.data ?? listed;
  const report = incident.report;
  return (
    <Stack gap={2} mt={4}>
      {incident.summary ? (
        <Text size="sm" dir="auto">
          {incident.summary}
        </Text>
      ) : null}
      {full.isPending ? <Loader size="xs" aria-label={t("loading")} /> : null}
      {report ? (
        <>
          <Text size="sm" dir="auto">
            {[report.location, ...report.admin.slice(0, 1)].filter(Boolean).join(", ")}
          </Text>
          {report.actor1 || report.actor2 ? (
            <Text size="sm" dir="auto">
              {t("incident.actors")}: {[report.actor1, report.actor2].filter(Boolean).join(" — ")}
            </Text>
          ) : null}
          {report.notes ? (
            <Text size="sm" dir="auto" lineClamp={3}>
              {report.notes}
            </Text>
          ) : null}
        </>
      ) : null}
      <Text size="sm">
        {t("incident.fatalities")}: {format.number(incident.fatalities)}
        {incident.zones.length > 0
          ? ` · ${incident.zones.map((zone) => zoneNames.get(zone.zoneId) ?? zone.zoneId).join(", ")}`
          : ""}
      </Text>
    </Stack>
  );
}

/**
 * The month's incidents beside the map: the map's text alternative. Choosing one (click or Enter)
 * marks it on the map and opens its summary here; its page has the rest.
 */
export function IncidentList({
  slug,
  incidents,
  loading,
  zoneNames,
  selectedId,
  onSelect,
  placeable,
  heading,
}: {
  slug: string;
  incidents: Incident[];
  loading: boolean;
  zoneNames: Map<string, string>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  placeable: boolean;
  heading: string;
}) {
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const list = useRef<HTMLDivElement>(null);
  // A point chosen on the map brings its entry (with its summary) into view.
  useEffect(() => {
    if (!selectedId) return;
    for (const item of list.current?.querySelectorAll<HTMLElement>("[data-incident]") ?? [])
      if (item.dataset.incident === selectedId) item.scrollIntoView({ block: "nearest" });
  }, [selectedId]);
  return (
    <section aria-labelledby="followup-incidents" aria-busy={loading}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h3" id="followup-incidents">
          {heading}
        </Title>
        {loading ? <Loader size="xs" aria-label={t("loading")} /> : null}
      </Group>
      {incidents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("map.noIncidents")}
        </Text>
      ) : (
        <Stack
          ref={list}
          gap="xs"
          component="ul"
          className="followup-plain-list"
          data-testid="followup-incidents"
        >
          {incidents.map((incident) => {
            const selected = incident.id === selectedId;
            return (
              <Paper
                key={incident.id}
                component="li"
                withBorder
                p="xs"
                className={selected ? "followup-incident is-selected" : "followup-incident"}
                data-testid="followup-incident"
                data-incident={incident.id}
              >
                <UnstyledButton
                  onClick={() => onSelect(selected ? null : incident.id)}
                  aria-expanded={selected}
                  className="followup-incident-button"
                >
                  <Group gap="xs" wrap="wrap">
                    <span
                      className="followup-swatch"
                      style={{ background: colourOfEventType(incident.eventType) }}
                      aria-hidden
                    />
                    <Text size="sm" fw={600} dir="auto">
                      {eventTypeLabel(t, incident.eventType)}
                    </Text>
                    <Text size="sm">{format.date(`${incident.occurredOn}T12:00:00Z`)}</Text>
                    <VerificationBadge state={incident.verification} />
                  </Group>
                </UnstyledButton>
                {selected ? (
                  <>
                    <IncidentSummary incident={incident} zoneNames={zoneNames} />
                    {placeable && !incident.report ? (
                      <Text size="xs" c="dimmed">
                        {incident.place
                          ? t("map.roundedPlace", { grid: incident.place.gridDegrees })
                          : t("map.notPlaced")}
                      </Text>
                    ) : null}
                    <Anchor
                      size="sm"
                      component={Link}
                      to={`/processes/${encodeURIComponent(slug)}/incidents/${encodeURIComponent(incident.id)}`}
                    >
                      {t("incident.open")}
                    </Anchor>
                  </>
                ) : null}
              </Paper>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
