import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { useSession } from "../../shell/session.ts";
import { monitorsProcess, reportsIncidents } from "./access.ts";
import { FollowupMap, type MapIncident, type MapZone } from "./FollowupMap.tsx";
import { IncidentList } from "./IncidentList.tsx";
import { MapLegend } from "./MapLegend.tsx";
import { firstDayOf, lastDayOf, monthOf, monthsBetween, zoneStatusOn } from "./months.ts";
import { useIncidents, useMonthCounts, useProcessRef, useZones, type Zone } from "./queries.ts";
import "./followup.css";
import { useSlugAddress } from "./canonical.ts";
import { useZoneDrawing, ZoneDrawer } from "./ZoneDrawer.tsx";
import { ZoneImportPanel } from "./ZoneImportPanel.tsx";

/** A zone's status on a day, from its history (a zone recorded without one counts as established from its start). */
function statusOn(zone: Zone, day: string) {
  if (zone.history.length > 0) return zoneStatusOn(zone.history, day);
  return zone.startDate <= day ? zone.status : null;
}

/**
 * The follow-up map of a process: its de-escalation zones filled by their status in the chosen month,
 * the month's incidents as points, a month-by-month slider, and beside the map the same incidents as
 * a list (the map's text alternative). Readers who see only declassified summaries get no exact place:
 * the server rounds it (0.1°, or the report's stated precision when coarser) and the map draws it so.
 * `?zone=` shows one zone's incidents, on the map and in the list.
 */
export function MapPage() {
  const { slug = "" } = useParams();
  useSlugAddress(slug);
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const [search, setSearch] = useSearchParams();
  const zones = useZones(slug);
  const counts = useMonthCounts(slug);
  const process = useProcessRef(slug);
  const me = useSession().account;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const drawingState = useZoneDrawing();

  const months = useMemo(() => {
    const known = [
      ...(zones.data?.items ?? []).map((zone) => monthOf(zone.startDate)),
      ...(counts.data?.items ?? []).map((item) => item.month),
    ].sort();
    const today = monthOf(new Date().toISOString());
    const last = known.at(-1) ?? today;
    return monthsBetween(known[0] ?? today, last > today ? last : today);
  }, [zones.data, counts.data]);
  const latestWithIncidents = [...(counts.data?.items ?? [])]
    .sort((a, b) => a.month.localeCompare(b.month))
    .at(-1)?.month;
  // A zone named in the address (`?zone=`, from a search result or a zone's link): the list and the
  // map show that zone's incidents only, and the zone is marked.
  const askedZone = search.get("zone");
  const asked = search.get("month");
  const month = asked && months.includes(asked) ? asked : (latestWithIncidents ?? months.at(-1) ?? "");
  const index = Math.max(0, months.indexOf(month));
  const from = month ? firstDayOf(month) : "";
  const to = month ? lastDayOf(month) : "";
  const zoneFilter = askedZone && zones.data?.items.some((zone) => zone.id === askedZone) ? askedZone : null;
  const incidents = useIncidents(slug, from, to, zoneFilter);

  const goTo = (next: number) => {
    const target = months[Math.min(Math.max(next, 0), months.length - 1)];
    if (!target) return;
    setSelectedId(null);
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set("month", target);
        return params;
      },
      { replace: true },
    );
  };

  const mapZones: MapZone[] = useMemo(
    () =>
      (zones.data?.items ?? []).flatMap((zone) => {
        const status = to ? statusOn(zone, to) : null;
        if (!status) return [];
        const label = zone.approximate ? t("map.approximate", { name: zone.name }) : zone.name;
        return [
          {
            id: zone.id,
            label,
            status,
            geometry: zone.geometry,
            approximate: zone.approximate,
            muted: zoneFilter !== null && zone.id !== zoneFilter,
          },
        ];
      }),
    [zones.data, to, t, zoneFilter],
  );
  const items = incidents.data?.items ?? [];
  const mapIncidents: MapIncident[] = useMemo(
    () =>
      items.flatMap((incident): MapIncident[] =>
        incident.report
          ? [
              {
                id: incident.id,
                longitude: incident.report.longitude,
                latitude: incident.report.latitude,
                eventType: incident.eventType,
                verified: incident.verification === "verified",
                coarse: false,
              },
            ]
          : incident.place
            ? [
                // The public's point: rounded by the server, drawn as such.
                {
                  id: incident.id,
                  longitude: incident.place.longitude,
                  latitude: incident.place.latitude,
                  eventType: incident.eventType,
                  verified: incident.verification === "verified",
                  coarse: true,
                },
              ]
            : [],
      ),
    [items],
  );
  const governorateName = useCallback(
    (id: string, name: string) => t(`governorates.${id.replace(".", "_")}`, { defaultValue: name }),
    [t],
  );

  const loaded = pageData(zones, t, t("map.title"));
  if ("element" in loaded) return loaded.element;
  const monthLabel = month
    ? new Intl.DateTimeFormat(format.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${firstDayOf(month)}T00:00:00Z`),
      )
    : "";
  const zoneNames = new Map(loaded.data.items.map((zone) => [zone.id, zone.name]));
  const monitor = monitorsProcess(me, process.data?.id);
  const placed = mapIncidents.length;
  const coarse = mapIncidents.some((incident) => incident.coarse);
  const zoneAddress = (zoneId: string | null) => {
    const params = new URLSearchParams(search);
    if (zoneId) params.set("zone", zoneId);
    else params.delete("zone");
    const query = params.toString();
    return `/processes/${encodeURIComponent(slug)}/followup${query ? `?${query}` : ""}`;
  };

  return (
    <Page
      title={t("map.title")}
      actions={
        <Group gap="md" className="followup-no-print">
          <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/followup/charts`}>
            {t("links.charts")}
          </Anchor>
          <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/commitments`}>
            {t("links.commitments")}
          </Anchor>
          {monitor ? (
            <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/followup/import`}>
              {t("links.import")}
            </Anchor>
          ) : null}
          {reportsIncidents(me, process.data?.id) ? (
            <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/incidents/new`}>
              {t("links.reportIncident")}
            </Anchor>
          ) : null}
        </Group>
      }
    >
      <Paper withBorder p="sm" className="followup-slider">
        <Group gap="sm" wrap="nowrap" align="center">
          <Button
            variant="default"
            size="compact-md"
            onClick={() => goTo(index - 1)}
            disabled={index === 0}
            aria-label={t("map.previous")}
          >
            <IconChevronLeft className="followup-flip" size={18} aria-hidden />
          </Button>
          <Stack gap={2} style={{ flex: 1 }}>
            <label htmlFor="followup-month" className="followup-slider-label">
              {t("map.month")}: <strong data-testid="followup-month">{monthLabel}</strong>
            </label>
            <input
              id="followup-month"
              type="range"
              min={0}
              max={Math.max(months.length - 1, 0)}
              step={1}
              value={index}
              aria-valuetext={monthLabel}
              onChange={(event) => goTo(Number(event.currentTarget.value))}
            />
          </Stack>
          <Button
            variant="default"
            size="compact-md"
            onClick={() => goTo(index + 1)}
            disabled={index >= months.length - 1}
            aria-label={t("map.next")}
          >
            <IconChevronRight className="followup-flip" size={18} aria-hidden />
          </Button>
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xs">
            {unavailable ? (
              <Alert color="gray" role="status">
                {t("map.unavailable")}
              </Alert>
            ) : (
              <FollowupMap
                zones={mapZones}
                incidents={mapIncidents}
                selectedId={selectedId}
                onSelect={setSelectedId}
                governorateName={governorateName}
                label={t("map.label", { month: monthLabel })}
                onUnavailable={() => setUnavailable(true)}
                drawing={drawingState.drawing}
              />
            )}
            <MapLegend coarse={coarse} />
            {items.length > placed ? (
              <Text size="sm" c="dimmed">
                {t("map.unplaced", { count: items.length - placed })}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {t("map.attribution")}
            </Text>
            <Anchor
              href={`/api/processes/${encodeURIComponent(slug)}/zones.geojson`}
              download
              size="sm"
              className="followup-no-print"
            >
              {t("map.geojson")}
            </Anchor>
            {loaded.data.can.create ? <ZoneImportPanel slug={slug} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            {loaded.data.can.create ? (
              <ZoneDrawer slug={slug} zones={loaded.data.items} state={drawingState} />
            ) : null}
            <Title order={2} size="h3" id="followup-zones">
              {t("map.zones")}
            </Title>
            <Stack gap={4} component="ul" className="followup-plain-list" aria-labelledby="followup-zones">
              {loaded.data.items.map((zone) => {
                const status = to ? statusOn(zone, to) : null;
                return (
                  <Group
                    key={zone.id}
                    component="li"
                    gap="xs"
                    wrap="wrap"
                    aria-current={zone.id === askedZone ? "true" : undefined}
                    className={zone.id === askedZone ? "followup-zone is-selected" : "followup-zone"}
                    data-testid="followup-zone"
                  >
                    <Anchor
                      component={Link}
                      to={zoneAddress(zone.id === askedZone ? null : zone.id)}
                      dir="auto"
                      size="sm"
                      replace
                      aria-label={
                        zone.id === askedZone
                          ? t("map.zoneFilterOff", { name: zone.name })
                          : t("map.zoneFilterOn", { name: zone.name })
                      }
                    >
                      {zone.name}
                    </Anchor>
                    {zone.approximate ? (
                      <Badge variant="outline" color="gray" size="sm">
                        {t("map.approximateBadge")}
                      </Badge>
                    ) : null}
                    <Badge variant="light" size="sm" color={status ? undefined : "gray"}>
                      {status ? t(`zoneStatus.${status}`) : t("map.notYet")}
                    </Badge>
                    <Anchor
                      component={Link}
                      to={`/processes/${encodeURIComponent(slug)}/zones/${encodeURIComponent(zone.id)}`}
                      size="xs"
                      data-testid="followup-zone-page"
                    >
                      {t("zone.open")}
                    </Anchor>
                  </Group>
                );
              })}
            </Stack>
            {zoneFilter ? (
              <Group gap="xs" wrap="wrap" data-testid="followup-zone-filter">
                <Text size="sm">{t("map.zoneFiltered", { name: zoneNames.get(zoneFilter) ?? "" })}</Text>
                <Anchor component={Link} to={zoneAddress(null)} size="sm" replace>
                  {t("map.allZones")}
                </Anchor>
              </Group>
            ) : null}
            <IncidentList
              slug={slug}
              incidents={items}
              loading={incidents.isFetching}
              zoneNames={zoneNames}
              selectedId={selectedId}
              onSelect={setSelectedId}
              placeable={!unavailable}
              heading={t("map.incidents", { month: monthLabel, count: incidents.data?.total ?? 0 })}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
