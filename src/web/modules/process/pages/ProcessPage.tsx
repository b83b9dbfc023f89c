import { Alert, Button, Group } from "@mantine/core";
import { IconFlask, IconGridDots, IconScale } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ModuleSections } from "../../../shell/ModuleSlots.tsx";
import { Page } from "../../../shell/Page.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { ExportMenu, useCiteLinks, useProcessExportGroups } from "../components/ExportMenu.tsx";
import { FieldItem, FieldList } from "../components/Facts.tsx";
import {
  Crumbs,
  ParticipantLink,
  ParticipantLinks,
  ProcessStatusBadge,
} from "../components/ProcessLinks.tsx";
import { NotInSources, RecordPending } from "../components/QueryState.tsx";
import { useDates, useJoin, useLocalName } from "../format.ts";
import { useProcess, useProcessConflicts } from "../queries.ts";

/**
 * A process: its header (host, status, guarantors, seat, launch) and the ways into the attendance
 * matrix and the conflicts of the record, then the modules' sections of the process page (this
 * module's: the lifecycle decisions, the timeline picture, the rounds, role changes and sources).
 */
export function ProcessPage() {
  const { t } = useTranslation("process");
  const { slug = "" } = useParams();
  const dates = useDates();
  const localName = useLocalName();
  const join = useJoin();
  const process = useProcess(slug);
  const conflicts = useProcessConflicts(slug);
  const exportGroups = useProcessExportGroups(slug);
  const citeLinks = useCiteLinks("process", process.data?.id ?? slug);

  if (!process.isSuccess) return <RecordPending query={process} notFoundTitle={t("process.notFoundTitle")} />;
  const data = process.data;
  const name = localName(data.names, data.name);
  const conflictCount = conflicts.data?.items.length ?? null;

  return (
    <Page
      title={name}
      actions={
        <Group gap="xs">
          <ProcessStatusBadge status={data.status} />
          {data.isDemo ? <DemoBadge /> : null}
        </Group>
      }
    >
      <Crumbs items={[{ label: t("processes.title"), to: "/processes" }, { label: name }]} />
      {data.isDemo ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconFlask aria-hidden />}
          title={t("demo.title")}
          data-testid="demo-notice"
        >
          {t("demo.explain")}
        </Alert>
      ) : null}

      <FieldList>
        <FieldItem label={t("fields.host")}>
          <ParticipantLink participant={data.host} />
        </FieldItem>
        <FieldItem label={t("fields.guarantors")}>
          {data.guarantors.length > 0 ? (
            <ParticipantLinks participants={data.guarantors} />
          ) : (
            <NotInSources />
          )}
        </FieldItem>
        <FieldItem label={t("fields.seat")}>
          {join([data.defaultCity, data.defaultVenue]) || <NotInSources />}
        </FieldItem>
        <FieldItem label={t("fields.launched")}>
          {data.launchedOn ? dates.longDay(data.launchedOn) : <NotInSources />}
        </FieldItem>
      </FieldList>

      <Group gap="sm">
        <Button
          component={Link}
          to={`/processes/${encodeURIComponent(slug)}/attendance`}
          leftSection={<IconGridDots size={18} aria-hidden />}
          variant="light"
        >
          {t("attendanceMatrix.open")}
        </Button>
        <Button
          component={Link}
          to={`/processes/${encodeURIComponent(slug)}/conflicts`}
          leftSection={<IconScale size={18} aria-hidden />}
          variant="light"
          color="red"
        >
          {conflictCount === null ? t("conflicts.open") : t("conflicts.openCount", { count: conflictCount })}
        </Button>
        <ExportMenu groups={[...exportGroups, { label: t("exports.citeThis"), links: citeLinks }]} />
      </Group>

      <ModuleSections page="process" context={{ process: data }} />
    </Page>
  );
}
