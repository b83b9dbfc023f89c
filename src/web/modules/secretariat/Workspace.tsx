import { Anchor, Button, Group, Text } from "@mantine/core";
import {
  IconCalendarEvent,
  IconExternalLink,
  IconIdBadge2,
  IconSettings,
  IconUsersGroup,
  IconWorld,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useParams } from "react-router";
import { Page } from "../../shell/Page.tsx";
import { LoadFailure, Loading, ProcessStatusBadge } from "./components.tsx";
import { localName } from "./forms.ts";
import { Notices } from "./notices.tsx";
import { useProcess, useRecordLiveRefresh } from "./queries.ts";
import type { ProcessDetail } from "./types.ts";
import "./secretariat.css";

const sections = [
  { path: "", label: "workspace.rounds", icon: IconCalendarEvent, end: true },
  { path: "/process", label: "workspace.process", icon: IconSettings, end: false },
  { path: "/participants", label: "workspace.participants", icon: IconUsersGroup, end: false },
  { path: "/delegations", label: "core:workspace.delegations", icon: IconIdBadge2, end: false },
  { path: "/meetings", label: "workspace.meetings", icon: IconWorld, end: false },
] as const;

/** The process named in the address of a workspace page. */
export function useProcessSlug(): string {
  return useParams().processSlug ?? "";
}

/**
 * The frame of the secretariat's workspace for one process: its name and status, the sections
 * (rounds, the process itself, participants and roles, meetings), a link to the public page, and the
 * success messages. The record on screen follows live changes.
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
  useRecordLiveRefresh();

  if (process.isPending) return <Loading />;
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
        {sections.map((section) => {
          const Icon = section.icon;
          return (
            <Button
              key={section.path}
              component={NavLink}
              to={`${base}${section.path}`}
              end={section.end}
              variant="subtle"
              size="compact-md"
              className="workspace-section"
              fw={500}
              leftSection={<Icon size={16} aria-hidden />}
            >
              {t(section.label)}
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
