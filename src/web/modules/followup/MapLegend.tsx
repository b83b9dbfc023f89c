import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { zoneStatuses } from "../../../contracts/followup.ts";
import { eventTypeColours, otherEventColour, zoneStatusColours } from "./colours.ts";
import { eventTypeLabel } from "./IncidentList.tsx";

/**
 * The map's key: zones by status, incidents by type, how a verified point differs from an unverified
 * one, and (when some are drawn) what a rounded point means.
 */
export function MapLegend({ coarse = false }: { coarse?: boolean }) {
  const { t } = useTranslation("followup");
  return (
    <Group gap="lg" align="flex-start" className="followup-legend" wrap="wrap">
      <Group
        gap={8}
        component="ul"
        className="followup-plain-list"
        aria-label={t("legend.zones")}
        wrap="wrap"
      >
        {zoneStatuses.map((status) => (
          <Group key={status} component="li" gap={4} wrap="nowrap">
            <span
              className="followup-swatch is-area"
              style={{ borderColor: zoneStatusColours[status] }}
              aria-hidden
            />
            <Text size="xs">{t(`zoneStatus.${status}`)}</Text>
          </Group>
        ))}
      </Group>
      <Group
        gap={8}
        component="ul"
        className="followup-plain-list"
        aria-label={t("legend.incidents")}
        wrap="wrap"
      >
        {[...Object.entries(eventTypeColours), ["other", otherEventColour] as const].map(([type, colour]) => (
          <Group key={type} component="li" gap={4} wrap="nowrap">
            <span className="followup-swatch" style={{ background: colour }} aria-hidden />
            <Text size="xs">{eventTypeLabel(t, type)}</Text>
          </Group>
        ))}
        <Group component="li" gap={4} wrap="nowrap">
          <span className="followup-swatch is-hollow" aria-hidden />
          <Text size="xs">{t("legend.unverified")}</Text>
        </Group>
        {coarse ? (
          <Group component="li" gap={4} wrap="nowrap" data-testid="followup-legend-coarse">
            <span className="followup-swatch is-coarse" aria-hidden />
            <Text size="xs">{t("legend.coarse")}</Text>
          </Group>
        ) : null}
      </Group>
    </Group>
  );
}
