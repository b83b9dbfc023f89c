import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../../../shell/Page.tsx";
import { AttendanceGrid } from "../attendance/AttendanceGrid.tsx";
import { Crumbs } from "../components/ProcessLinks.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useLocalName } from "../format.ts";
import { useAttendance, useParticipants, useProcess } from "../queries.ts";

/** The attendance matrix of a process, on a page of its own: participants by rounds, by role. */
export function AttendancePage() {
  const { t } = useTranslation("process");
  const { slug = "" } = useParams();
  const localName = useLocalName();
  const process = useProcess(slug);
  const matrix = useAttendance(slug);
  const participants = useParticipants();
  const namesById = new Map(
    (participants.data?.items ?? []).map((participant) => [
      participant.id,
      localName(participant.names, participant.name),
    ]),
  );
  const processName = process.data ? localName(process.data.names, process.data.name) : slug;
  return (
    <Page title={t("attendanceMatrix.title")}>
      <Crumbs
        items={[
          { label: t("processes.title"), to: "/processes" },
          { label: processName, to: `/processes/${encodeURIComponent(slug)}` },
          { label: t("attendanceMatrix.title") },
        ]}
      />
      <Text size="sm" maw={760}>
        {t("attendanceMatrix.intro")}
      </Text>
      {matrix.isPending ? (
        <Loading />
      ) : matrix.error ? (
        <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <AttendanceGrid matrix={matrix.data} processSlug={slug} namesOf={(id) => namesById.get(id)} />
      )}
    </Page>
  );
}
