import { Anchor, Badge, Breadcrumbs } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LocalText, useLocalize } from "../../../shell/LocalText.tsx";
import type { ParticipantRef, ProcessStatus, RoundStatus } from "../types.ts";

/** A participant's name in the reader's language, linking to the participant's page. */
export function ParticipantLink({
  participant,
}: {
  participant: Pick<ParticipantRef, "id" | "slug" | "name" | "names">;
}) {
  const localize = useLocalize();
  return (
    <Anchor
      component={Link}
      to={`/participants/${encodeURIComponent(participant.slug || participant.id)}`}
      size="sm"
    >
      <LocalText value={localize(participant.names, participant.name)} />
    </Anchor>
  );
}

/** Participants as a comma-separated run of links. */
export function ParticipantLinks({ participants }: { participants: ParticipantRef[] }) {
  return (
    <span className="link-run">
      {participants.map((participant, index) => (
        <span key={participant.id}>
          {index > 0 ? ", " : null}
          <ParticipantLink participant={participant} />
        </span>
      ))}
    </span>
  );
}

const processStatusColors: Record<ProcessStatus, string> = {
  active: "teal",
  suspended: "orange",
  concluded: "gray",
};
const roundStatusColors: Record<RoundStatus, string> = {
  planned: "gray",
  announced: "blue",
  in_session: "teal",
  concluded: "dark",
  postponed: "orange",
  cancelled: "red",
};

export function ProcessStatusBadge({ status }: { status: ProcessStatus }) {
  const { t } = useTranslation("process");
  return (
    <Badge color={processStatusColors[status]} variant="light">
      {t(`process.statuses.${status}`)}
    </Badge>
  );
}

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation("process");
  return (
    <Badge color={roundStatusColors[status]} variant="light" data-testid="round-status">
      {t(`round.statuses.${status}`)}
    </Badge>
  );
}

/** Where the page sits: processes › the process › … ; the last crumb is the page itself. */
export function Crumbs({ items }: { items: { label: ReactNode; to?: string }[] }) {
  const { t } = useTranslation("process");
  return (
    <nav aria-label={t("breadcrumbs")}>
      <Breadcrumbs separatorMargin={6} className="crumbs">
        {items.map((item, index) =>
          item.to ? (
            <Anchor key={item.to} component={Link} to={item.to} size="sm">
              {item.label}
            </Anchor>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the crumbs are a fixed short list
            <span key={index} aria-current="page" className="crumb-current">
              {item.label}
            </span>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
