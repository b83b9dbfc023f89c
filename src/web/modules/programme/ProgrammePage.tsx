import { Anchor, Badge, Button, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { useSession } from "../../shell/session.ts";
import { AgendaSection } from "./AgendaSection.tsx";
import { ProgrammeGrid } from "./ProgrammeGrid.tsx";
import { apiPath, useProgramme, useRequests } from "./queries.ts";
import { SchedulerPanel, SessionActions } from "./SecretariatTools.tsx";
import { nameIn } from "./shared.ts";
import "./programme.css";

/** A round's programme: the grid of every session the reader may see, the agenda, and the secretariat's tools. */
export function ProgrammePage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("programme");
  const query = useProgramme(id);
  const me = useSession().account;
  const secretariat = Boolean(query.data?.can.schedule);
  const requests = useRequests(secretariat ? id : "");
  const loaded = pageData(query, t, t("title"));
  if ("element" in loaded) return loaded.element;
  const programme = loaded.data;
  const names = new Map<string, string>();
  for (const d of requests.data?.delegations ?? []) names.set(d.id, nameIn(i18n.language, d));
  for (const s of programme.sessions)
    for (const p of s.participants) names.set(p.id, nameIn(i18n.language, p));
  const mine = (me?.memberships ?? [])
    .filter((m) => m.processId === programme.processId)
    .map((m) => m.participantId);
  return (
    <Page
      title={t("title")}
      actions={
        <Group gap="sm" className="programme-no-print">
          <Badge variant="light">{t(`status.${programme.status}`)}</Badge>
          {me ? (
            <Anchor component={Link} to={`/rounds/${encodeURIComponent(id)}/programme/requests`}>
              {t("links.requests")}
            </Anchor>
          ) : null}
          {mine.map((participantId) => (
            <Anchor
              key={participantId}
              component={Link}
              to={`/rounds/${encodeURIComponent(id)}/programme/participants/${encodeURIComponent(participantId)}`}
            >
              {t("links.mine")}
            </Anchor>
          ))}
          <Anchor href={apiPath("rounds", id, "programme.ics")}>{t("links.calendar")}</Anchor>
          <Button variant="subtle" size="compact-sm" onClick={() => window.print()}>
            {t("links.print")}
          </Button>
        </Group>
      }
    >
      {secretariat ? <SchedulerPanel programme={programme} names={names} /> : null}
      <AgendaSection programme={programme} />
      <Stack gap="xs">
        <ProgrammeGrid
          programme={programme}
          editable={secretariat}
          actions={
            secretariat ? (session) => <SessionActions programme={programme} session={session} /> : undefined
          }
        />
      </Stack>
    </Page>
  );
}
