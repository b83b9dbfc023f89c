import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { LocalText } from "../../shell/LocalText.tsx";
import type { SectionContexts } from "../../shell/module.ts";
import { ActionDialog, RoundStatusBadge } from "./components.tsx";
import { DelegationsPanel } from "./DelegationsPanel.tsx";
import { useDays } from "./format.ts";
import { NextRoundForm } from "./NextRoundForm.tsx";
import { ParticipantsListPanel } from "./ParticipantsListPanel.tsx";
import { useRound } from "./queries.ts";
import { RoundActions } from "./RoundActions.tsx";
import type { ProcessDetail, RoundDetail } from "./types.ts";
import { useWorkspaceProcess } from "./Workspace.tsx";

// The secretariat's tabs on its round page. Each reads the full round and process from the answers
// the page has loaded.

type RoundTab = SectionContexts["workspaceRound"];

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
                    city: announcement.localized.announcedCity?.text ?? "—",
                  })}
                </Text>
                <Text className="pre-line">
                  <LocalText value={announcement.localized.text} />
                </Text>
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
              <Text className="pre-line">
                “<LocalText value={round.nextRound.localized.wording} />”
              </Text>
              <Text size="sm" c="dimmed">
                <Trans
                  t={t}
                  i18nKey="nextRound.summary"
                  values={{
                    window: days.span(round.nextRound.windowStart, round.nextRound.windowEnd) ?? "—",
                  }}
                  components={{ city: <LocalText value={round.nextRound.localized.city} fallback="—" /> }}
                />
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

/** The round at a glance, with its status actions, announcements and decision on the next round. */
export function OverviewSection(context: RoundTab) {
  const round = useRound(context.round.id).data;
  const process = useWorkspaceProcess(context.process);
  return round && process ? <Overview round={round} process={process} /> : null;
}

/** The round's delegations: invitations, lists of members, accreditation. */
export function DelegationsSection(context: RoundTab) {
  const round = useRound(context.round.id).data;
  return round ? <DelegationsPanel round={round} /> : null;
}

/** The printable list of participants of the round. */
export function ParticipantsListSection(context: RoundTab) {
  const round = useRound(context.round.id).data;
  return round ? <ParticipantsListPanel round={round} /> : null;
}
