import { Anchor, Group, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SectionContexts } from "../../shell/module.ts";
import { useSession } from "../../shell/session.ts";
import { useProgramme, useRoundDates } from "./queries.ts";
import { AgendaForm, DaysForm, RoomsForm, SessionForm } from "./SecretariatForms.tsx";

// This module's sections of the round page (the programme's links and agenda) and of the secretariat's
// round page (days and hours, rooms, agenda, fixed sessions).

/** The round page's section: where to read the programme, file requests, and the adopted agenda. */
export function RoundProgrammeSection({ round }: SectionContexts["round"]) {
  const { t } = useTranslation("programme");
  const programme = useProgramme(round.id);
  const me = useSession().account;
  if (!programme.data) return null;
  const { sessions, agenda, days } = programme.data;
  if (sessions.length === 0 && agenda.length === 0 && days.length === 0) return null;
  return (
    <section aria-labelledby="round-programme">
      <Title order={2} size="h3" id="round-programme" mb="sm">
        {t("title")}
      </Title>
      <Group gap="md">
        <Anchor component={Link} to={`/rounds/${encodeURIComponent(round.id)}/programme`}>
          {t("links.open", { count: sessions.length })}
        </Anchor>
        {me ? (
          <Anchor component={Link} to={`/rounds/${encodeURIComponent(round.id)}/programme/requests`}>
            {t("links.requests")}
          </Anchor>
        ) : null}
      </Group>
    </section>
  );
}

/** The secretariat's tab: days and hours, rooms, the agenda, fixed sessions, and the way to the grid. */
export function WorkspaceProgrammeSection({ round }: SectionContexts["workspaceRound"]) {
  const { t } = useTranslation("programme");
  const programme = useProgramme(round.id);
  const dates = useRoundDates(round.id).data ?? { startDate: null, endDate: null };
  if (!programme.data) return null;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/rounds/${encodeURIComponent(round.id)}/programme`}>
        {t("links.grid")}
      </Anchor>
      <DaysForm
        programme={programme.data}
        startDate={dates.startDate ?? programme.data.days[0]?.date ?? ""}
        endDate={dates.endDate ?? programme.data.days.at(-1)?.date ?? ""}
      />
      <RoomsForm programme={programme.data} />
      <AgendaForm programme={programme.data} />
      <SessionForm programme={programme.data} />
    </Stack>
  );
}
