import { Alert, Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowBack, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Page } from "../../shell/Page.tsx";
import { AccreditationBadge, LoadFailure, Loading, RoundStatusBadge } from "./components.tsx";
import { useDays } from "./format.ts";
import { localName } from "./forms.ts";
import { MembersForm } from "./MembersForm.tsx";
import { MembersTable } from "./MembersTable.tsx";
import { Notices } from "./notices.tsx";
import { useRound, useRoundDelegation } from "./queries.ts";
import type { RoundDelegation } from "./types.ts";
import "./secretariat.css";

/** What the delegation's status means for it, and what comes next. */
function StatusExplained({ delegation }: { delegation: RoundDelegation }) {
  const { t } = useTranslation("secretariat");
  if (delegation.status === "changes_requested") {
    return (
      <Alert
        color="orange"
        title={t("myDelegation.changesRequested")}
        role="status"
        data-testid="changes-requested"
      >
        <span className="pre-line">{delegation.secretariatNote ?? ""}</span>
      </Alert>
    );
  }
  return (
    <Alert
      color={delegation.status === "accredited" ? "green" : "blue"}
      icon={<IconInfoCircle aria-hidden />}
    >
      {t(`myDelegation.explain.${delegation.status}`)}
      {delegation.status === "accredited" && delegation.secretariatNote ? (
        <Text size="sm" mt={4} className="pre-line">
          {delegation.secretariatNote}
        </Text>
      ) : null}
    </Alert>
  );
}

function RoundFacts({ roundId }: { roundId: string }) {
  const { t } = useTranslation("secretariat");
  const days = useDays();
  const round = useRound(roundId);
  if (!round.data) return null;
  return (
    <Group gap="sm" wrap="wrap">
      <RoundStatusBadge status={round.data.status} />
      <Text size="sm">
        {[
          days.span(round.data.startDate, round.data.endDate) ?? t("rounds.noDates"),
          round.data.city,
          round.data.venue,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
    </Group>
  );
}

/**
 * /my-delegation/:roundDelegationId — a delegation's list of members for one round: submitted for
 * accreditation, resubmitted after the secretariat asks for changes, read-only once accredited.
 */
export function DelegationListPage() {
  const { t, i18n } = useTranslation("secretariat");
  const id = useParams().roundDelegationId ?? "";
  const delegation = useRoundDelegation(id);
  if (delegation.isPending) return <Loading />;
  if (delegation.error) return <LoadFailure error={delegation.error} />;
  const current = delegation.data;
  const participant = localName(current.participant.names, i18n.language);
  return (
    <Page title={t("myDelegation.listTitle", { participant, number: current.roundNumber })}>
      <Anchor component={Link} to="/my-delegation" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowBack size={14} aria-hidden className="mirror-in-rtl" />
          {t("myDelegation.back")}
        </Group>
      </Anchor>
      <RoundFacts roundId={current.roundId} />
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t("fields.accreditation")}:
        </Text>
        <AccreditationBadge status={current.status} />
      </Group>
      <StatusExplained delegation={current} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("myDelegation.members")}
          </Title>
          {current.can.submitMembers ? (
            <MembersForm delegation={current} onDone={() => undefined} />
          ) : (
            <MembersTable delegation={current} />
          )}
        </Stack>
      </Paper>
      <Notices />
    </Page>
  );
}
