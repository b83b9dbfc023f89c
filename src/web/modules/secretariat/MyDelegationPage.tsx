import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconListCheck } from "@tabler/icons-react";
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../shell/Page.tsx";
import { type Me, useSession } from "../../shell/session.ts";
import { AccreditationBadge, LoadFailure, Loading, RoundStatusBadge } from "./components.tsx";
import { useDays } from "./format.ts";
import { localName } from "./forms.ts";
import { Notices } from "./notices.tsx";
import { recordApi as api, keys, useProcesses } from "./queries.ts";
import type { RoundDelegation, RoundDelegationList, RoundList, RoundStatus, RoundSummary } from "./types.ts";
import "./secretariat.css";
import { delegationMemberships } from "./access.ts";

/** Rounds whose delegations can still send or change a list of members. */
const openStatuses: RoundStatus[] = ["planned", "announced", "postponed", "in_session"];

type Invitation = { round: RoundSummary; delegation: RoundDelegation };

/**
 * The invitations of the reader's delegations to rounds still ahead or under way: the rounds of each
 * process the account belongs to, then each round's delegations (the server shows a delegation its
 * own invitation), kept to the reader's participants.
 */
function useInvitations(account: Me | null) {
  const memberships = delegationMemberships(account);
  const processIds = [...new Set(memberships.map((membership) => membership.processId))];
  const participants = new Set(memberships.map((membership) => membership.participantId));
  const rounds = useQueries({
    queries: processIds.map((processId) => ({
      queryKey: keys.rounds(processId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<RoundList>(`/api/processes/${encodeURIComponent(processId)}/rounds`, { signal }),
    })),
  });
  const openRounds = rounds
    .flatMap((query) => query.data?.items ?? [])
    .filter((round) => openStatuses.includes(round.status));
  const delegations = useQueries({
    queries: openRounds.map((round) => ({
      queryKey: keys.delegations(round.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<RoundDelegationList>(`/api/rounds/${encodeURIComponent(round.id)}/delegations`, { signal }),
    })),
  });
  const invitations: Invitation[] = openRounds.flatMap((round, index) =>
    (delegations[index]?.data?.items ?? [])
      .filter((delegation) => participants.has(delegation.participant.id))
      .map((delegation) => ({ round, delegation })),
  );
  invitations.sort((a, b) => (a.round.startDate ?? "9999").localeCompare(b.round.startDate ?? "9999"));
  return {
    invitations,
    isPending: rounds.some((query) => query.isPending) || delegations.some((query) => query.isPending),
    error: rounds.find((query) => query.error)?.error ?? delegations.find((query) => query.error)?.error,
  };
}

/** /my-delegation — a delegation member's invitations, each with its accreditation and list of members. */
export function MyDelegationPage() {
  const { t, i18n } = useTranslation("secretariat");
  const { account } = useSession();
  const days = useDays();
  const processes = useProcesses();
  const { invitations, isPending, error } = useInvitations(account);
  const processName = (id: string) => {
    const process = processes.data?.items.find((item) => item.id === id);
    return process ? localName(process.names, i18n.language) : "";
  };
  return (
    <Page title={t("myDelegation.title")}>
      <Text maw={640}>{t("myDelegation.intro")}</Text>
      {isPending ? (
        <Loading />
      ) : error ? (
        <LoadFailure error={error} />
      ) : invitations.length === 0 ? (
        <Alert color="gray">{t("myDelegation.none")}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {invitations.map(({ round, delegation }) => (
            <Card key={delegation.id} withBorder radius="md" padding="md" data-testid="invitation">
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {processName(round.processId)}
                </Text>
                <Anchor component={Link} to={`/my-delegation/${encodeURIComponent(delegation.id)}`} fw={600}>
                  {t("myDelegation.roundOf", {
                    name: localName(round.names, i18n.language),
                    participant: localName(delegation.participant.names, i18n.language),
                  })}
                </Anchor>
                <Text size="sm">
                  {[days.span(round.startDate, round.endDate), round.city].filter(Boolean).join(" · ") ||
                    t("rounds.noDates")}
                </Text>
                <Group gap="xs">
                  <RoundStatusBadge status={round.status} />
                  <AccreditationBadge status={delegation.status} />
                </Group>
                {delegation.can.submitMembers ? (
                  <div>
                    <Button
                      component={Link}
                      to={`/my-delegation/${encodeURIComponent(delegation.id)}`}
                      size="compact-md"
                      leftSection={<IconListCheck size={16} aria-hidden />}
                    >
                      {delegation.status === "invited" ? t("myDelegation.submit") : t("myDelegation.change")}
                    </Button>
                  </div>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Notices />
    </Page>
  );
}
