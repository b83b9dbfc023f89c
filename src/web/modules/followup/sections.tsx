import { Anchor, Group, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SectionContexts } from "../../shell/module.ts";
import { useSession } from "../../shell/session.ts";
import { monitorsProcess } from "./access.ts";

// This module's sections of the process page (the map, the chart, the tracker, the import) and of the
// round page (the "since the last round" report).

export function ProcessFollowupSection({ process }: SectionContexts["process"]) {
  const { t } = useTranslation("followup");
  const me = useSession().account;
  const base = `/processes/${encodeURIComponent(process.slug)}`;
  return (
    <section aria-labelledby="process-followup">
      <Title order={2} size="h3" id="process-followup" mb="sm">
        {t("section.title")}
      </Title>
      <Group gap="md">
        <Anchor component={Link} to={`${base}/followup`}>
          {t("links.map")}
        </Anchor>
        <Anchor component={Link} to={`${base}/followup/charts`}>
          {t("links.charts")}
        </Anchor>
        <Anchor component={Link} to={`${base}/commitments`}>
          {t("links.commitments")}
        </Anchor>
        {monitorsProcess(me, process.id) ? (
          <Anchor component={Link} to={`${base}/followup/import`}>
            {t("links.import")}
          </Anchor>
        ) : null}
      </Group>
    </section>
  );
}

export function RoundFollowupSection({ round }: SectionContexts["round"]) {
  const { t } = useTranslation("followup");
  return (
    <section aria-labelledby="round-followup">
      <Title order={2} size="h3" id="round-followup" mb="sm">
        {t("section.title")}
      </Title>
      <Anchor component={Link} to={`/rounds/${encodeURIComponent(round.id)}/followup-report`}>
        {t("links.report", { number: round.number })}
      </Anchor>
    </section>
  );
}
