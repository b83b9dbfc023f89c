import { Anchor, Button, Group, Text } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useParams } from "react-router";
import { useModules } from "../../shell/ModuleSlots.tsx";
import type { ProcessRef } from "../../shell/module.ts";
import { namespacesOfKeys, useNamespacesReady } from "../../shell/namespaces.tsx";
import { Page } from "../../shell/Page.tsx";
import { useSession } from "../../shell/session.ts";
import { LoadFailure, Loading, ProcessStatusBadge } from "./components.tsx";
import { localName } from "./forms.ts";
import { Notices } from "./notices.tsx";
import { useProcess } from "./queries.ts";
import type { ProcessDetail } from "./types.ts";
import "./secretariat.css";

/** The process named in the address of a workspace page. */
export function useProcessSlug(): string {
  return useParams().processSlug ?? "";
}

/**
 * The full process of a workspace section, from the answer the workspace has loaded (the section is
 * handed only the process's identity and `can`).
 */
export function useWorkspaceProcess(process: ProcessRef): ProcessDetail | undefined {
  return useProcess(process.slug).data;
}

/**
 * The frame of the secretariat's workspace for one process: its name and status, the menu of the
 * modules' workspace sections (rounds, the process itself, participants and roles, delegations,
 * meetings, …) that the reader is shown, a link to the public page, and the success messages.
 */
export function Workspace({
  title,
  actions,
  children,
  links,
}: {
  title?: (process: ProcessDetail) => string;
  actions?: (process: ProcessDetail) => ReactNode;
  links?: ReactNode;
  children: (process: ProcessDetail) => ReactNode;
}) {
  const { t, i18n } = useTranslation("secretariat");
  const slug = useProcessSlug();
  const process = useProcess(slug);
  const { account } = useSession();
  const sections = useModules().sections("workspace");
  const labelsReady = useNamespacesReady(
    namespacesOfKeys(
      sections.flatMap((section) => [section.nav.label, ...(section.title ? [section.title] : [])]),
    ),
  );

  if (process.isPending || !labelsReady) return <Loading />;
  if (process.error) return <LoadFailure error={process.error} />;
  const detail = process.data;
  const processName = localName(detail.names, i18n.language);
  const base = `/secretariat/${encodeURIComponent(detail.slug)}`;
  return (
    <Page
      title={title ? title(detail) : t("workspace.title", { process: processName })}
      actions={actions?.(detail)}
    >
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <ProcessStatusBadge status={detail.status} />
          <Text size="sm" c="dimmed">
            {t("workspace.host", { host: localName(detail.host.names, i18n.language) })}
          </Text>
        </Group>
        <Anchor component={Link} to={`/processes/${encodeURIComponent(detail.slug)}`} size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            {t("workspace.publicPage")}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <nav aria-label={t("workspace.sections")} className="workspace-sections">
        {sections
          .filter((section) => !section.visible || section.visible({ process: detail }, account))
          .map((section) => {
            const Icon = section.nav.icon;
            return (
              <Button
                key={section.id}
                component={NavLink}
                to={section.nav.path ? `${base}/${section.nav.path}` : base}
                end={!section.nav.path}
                variant="subtle"
                size="compact-md"
                className="workspace-section"
                fw={500}
                leftSection={<Icon size={16} aria-hidden />}
              >
                {t(section.nav.label)}
              </Button>
            );
          })}
      </nav>
      {links ? (
        <Group gap="md" wrap="wrap">
          {links}
        </Group>
      ) : null}
      {children(detail)}
      <Notices />
    </Page>
  );
}
