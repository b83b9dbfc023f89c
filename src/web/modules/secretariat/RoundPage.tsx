import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowBack, IconExternalLink, IconPencil } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ActionDialog, LoadFailure, Loading, RoundStatusBadge } from "./components.tsx";
import { DelegationsPanel } from "./DelegationsPanel.tsx";
import { useDays } from "./format.ts";
import { localName } from "./forms.ts";
import { NextRoundForm } from "./NextRoundForm.tsx";
import { ParticipantsListPanel } from "./ParticipantsListPanel.tsx";
import { useRound } from "./queries.ts";
import { RoundActions } from "./RoundActions.tsx";
import type { ProcessDetail, RoundDetail } from "./types.ts";
import { Workspace } from "./Workspace.tsx";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** The round at a glance, with its status actions, announcements and decision on the next round. */
function Overview({ round, process }: { round: RoundDetail; process: ProcessDetail }) {
  const { t } = useTranslation("secretariat");
  const days = useDays();
  const [deciding, setDeciding] = useState(false);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t("fields.status")}>
              <RoundStatusBadge status={round.status} />
            </Fact>
            <Fact label={t("fields.dates")}>
              {days.span(round.startDate, round.endDate) ?? t("rounds.noDates")}
            </Fact>
            <Fact label={t("fields.city")}>{round.city ?? "—"}</Fact>
            <Fact label={t("fields.venue")}>{round.venue ?? "—"}</Fact>
          </SimpleGrid>
          {round.statusReason ? (
            <Fact label={t("fields.reason")}>
              <span className="pre-line">{round.statusReason}</span>
            </Fact>
          ) : null}
          <RoundActions round={round} process={process} variant="buttons" />
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("announcements.title")}
          </Title>
          {round.announcements.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("announcements.none")}
            </Text>
          ) : (
            round.announcements.map((announcement) => (
              <div key={announcement.id} data-testid="announcement">
                <Text size="sm" c="dimmed">
                  {t("announcements.published", {
                    date: days.day(announcement.publishedOn),
                    dates: days.span(announcement.announcedStart, announcement.announcedEnd) ?? "—",
                    city: announcement.announcedCity ?? "—",
                  })}
                </Text>
                <Text className="pre-line">{announcement.text}</Text>
              </div>
            ))
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {t("nextRound.title")}
            </Title>
            {round.can.decideNext ? (
              <Button
                variant="default"
                size="compact-md"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setDeciding(true)}
              >
                {round.nextRound ? t("nextRound.edit") : t("nextRound.record")}
              </Button>
            ) : null}
          </Group>
          {round.nextRound ? (
            <>
              <Text className="pre-line">“{round.nextRound.wording}”</Text>
              <Text size="sm" c="dimmed">
                {t("nextRound.summary", {
                  city: round.nextRound.city ?? "—",
                  window: days.span(round.nextRound.windowStart, round.nextRound.windowEnd) ?? "—",
                })}
              </Text>
            </>
          ) : (
            <Text c="dimmed" size="sm">
              {t("nextRound.none")}
            </Text>
          )}
        </Stack>
      </Paper>
      <ActionDialog opened={deciding} onClose={() => setDeciding(false)} title={t("nextRound.title")}>
        <NextRoundForm round={round} onDone={() => setDeciding(false)} onCancel={() => setDeciding(false)} />
      </ActionDialog>
    </Stack>
  );
}

const tabs = ["overview", "delegations", "list"] as const;
type Tab = (typeof tabs)[number];

function RoundWorkspace({ process, roundId }: { process: ProcessDetail; roundId: string }) {
  const { t } = useTranslation("secretariat");
  const round = useRound(roundId);
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((value) => value === params.get("tab")) ?? "overview";
  if (round.isPending) return <Loading />;
  if (round.error) return <LoadFailure error={round.error} />;
  return (
    <Tabs
      value={tab}
      onChange={(value) => setParams(value && value !== "overview" ? { tab: value } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="overview">{t("roundPage.overview")}</Tabs.Tab>
        <Tabs.Tab value="delegations">{t("roundPage.delegations")}</Tabs.Tab>
        <Tabs.Tab value="list">{t("roundPage.list")}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview">
        <Overview round={round.data} process={process} />
      </Tabs.Panel>
      <Tabs.Panel value="delegations">
        <DelegationsPanel round={round.data} />
      </Tabs.Panel>
      <Tabs.Panel value="list">
        <ParticipantsListPanel round={round.data} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** /secretariat/:processSlug/rounds/:roundId — one round: its status, delegations and list of participants. */
export function RoundPage() {
  const { t, i18n } = useTranslation("secretariat");
  const params = useParams();
  const roundId = params.roundId ?? "";
  const processSlug = params.processSlug ?? "";
  const round = useRound(roundId);
  const name = round.data ? localName(round.data.names, i18n.language) : "";
  // "Round 23" says it all; a name of its own ("Astana 22") is shown with the number.
  const title = !round.data
    ? t("roundPage.loading")
    : name.includes(String(round.data.number))
      ? name
      : t("roundPage.title", { number: round.data.number, name });
  return (
    <Workspace
      title={() => title}
      links={[
        <Anchor
          key="rounds"
          component={Link}
          to={`/secretariat/${encodeURIComponent(processSlug)}`}
          size="sm"
        >
          <Group gap={4} component="span" wrap="nowrap">
            <IconArrowBack size={14} aria-hidden className="mirror-in-rtl" />
            {t("roundPage.allRounds")}
          </Group>
        </Anchor>,
        <Anchor key="public" component={Link} to={`/rounds/${encodeURIComponent(roundId)}`} size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            {t("roundPage.publicPage")}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>,
      ]}
    >
      {(process) => <RoundWorkspace process={process} roundId={roundId} />}
    </Workspace>
  );
}
