import { Anchor, Group, Tabs } from "@mantine/core";
import { IconArrowBack, IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ModuleSection, useModules } from "../../shell/ModuleSlots.tsx";
import { namespacesOfKeys, useNamespacesReady } from "../../shell/namespaces.tsx";
import { useSession } from "../../shell/session.ts";
import { LoadFailure, Loading } from "./components.tsx";
import { localName } from "./forms.ts";
import { useRound } from "./queries.ts";
import type { ProcessDetail } from "./types.ts";
import { Workspace } from "./Workspace.tsx";

/**
 * The round's tabs: the modules' sections of the secretariat's round page that the reader is shown
 * (this module's: overview, delegations, list of participants). The first is shown unless the address
 * names another (`?tab=`).
 */
function RoundWorkspace({ process, roundId }: { process: ProcessDetail; roundId: string }) {
  const { t } = useTranslation();
  const round = useRound(roundId);
  const [params, setParams] = useSearchParams();
  const context = round.data ? { process, round: round.data } : null;
  const { account } = useSession();
  const sections = useModules()
    .sections("workspaceRound")
    .filter((section) => !context || !section.visible || section.visible(context, account));
  const labelsReady = useNamespacesReady(namespacesOfKeys(sections.map((section) => section.tab.label)));
  if (round.isPending || !labelsReady) return <Loading />;
  if (round.error) return <LoadFailure error={round.error} />;
  if (!context) return null;
  const first = sections[0]?.id;
  const tab = sections.find((section) => section.id === params.get("tab"))?.id ?? first;
  return (
    <Tabs
      value={tab ?? null}
      onChange={(value) => setParams(value && value !== first ? { tab: value } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        {sections.map((section) => (
          <Tabs.Tab key={section.id} value={section.id}>
            {t(section.tab.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map((section) => (
        <Tabs.Panel key={section.id} value={section.id}>
          <ModuleSection section={section} context={context} />
        </Tabs.Panel>
      ))}
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
