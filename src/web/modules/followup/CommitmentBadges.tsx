import { Badge, Group, Text } from "@mantine/core";
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Commitment } from "./queries.ts";

const statusColours: Record<Commitment["status"], string> = {
  not_started: "gray",
  in_progress: "blue",
  met: "green",
  breached: "red",
  lapsed: "orange",
};

/** A commitment's status as a badge, its colour repeating what the word says. */
export function StatusBadge({ status }: { status: Commitment["status"] }) {
  const { t } = useTranslation("followup");
  return (
    <Badge variant="light" color={statusColours[status]} size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The trend as an arrow with its words (closer to met, further, unchanged). */
export function TrendMark({ trend }: { trend: Commitment["trend"] }) {
  const { t } = useTranslation("followup");
  const Icon = trend === "up" ? IconArrowUpRight : trend === "down" ? IconArrowDownRight : IconArrowRight;
  const colour = trend === "up" ? "green" : trend === "down" ? "red" : "dimmed";
  return (
    <Group gap={4} wrap="nowrap">
      <Icon
        size={16}
        aria-hidden
        className="followup-flip"
        color={`var(--mantine-color-${colour === "dimmed" ? "gray" : colour}-7)`}
      />
      <Text size="sm">{t(`trend.${trend}`)}</Text>
    </Group>
  );
}
