import { Button, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SectionContexts } from "../../shell/module.ts";
import { ActionDialog, EditButton, LoadFailure, Loading, RecordTable } from "./components.tsx";
import { useDays } from "./format.ts";
import { localName } from "./forms.ts";
import { MeetingForm } from "./MeetingForm.tsx";
import { useMeetings } from "./queries.ts";
import type { Meeting, ProcessDetail } from "./types.ts";
import { useWorkspaceProcess } from "./Workspace.tsx";

function Meetings({ process }: { process: ProcessDetail }) {
  const { t, i18n } = useTranslation("secretariat");
  const days = useDays();
  const meetings = useMeetings(process.slug);
  const [editing, setEditing] = useState<Meeting | "new" | null>(null);
  const close = () => setEditing(null);
  if (meetings.isPending) return <Loading />;
  if (meetings.error) return <LoadFailure error={meetings.error} />;
  const items = [...meetings.data.items].sort((a, b) => (b.startDate ?? "").localeCompare(a.startDate ?? ""));
  return (
    <Stack gap="md">
      {meetings.data.can.create ? (
        <div>
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing("new")}>
            {t("meetings.create")}
          </Button>
        </div>
      ) : null}
      {items.length === 0 ? (
        <Text c="dimmed">{t("meetings.none")}</Text>
      ) : (
        <RecordTable
          testId="meetings-table"
          minWidth={720}
          spacing="sm"
          caption={t("meetings.count", { count: items.length })}
          columns={[
            t("fields.name"),
            t("fields.meetingKind"),
            t("fields.dates"),
            t("fields.city"),
            t("fields.participants"),
            t("rounds.actions"),
          ]}
        >
          {items.map((meeting) => {
            const name = localName(meeting.names, i18n.language);
            return (
              <Table.Tr key={meeting.id}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{t(`meetingKind.${meeting.kind}`)}</Table.Td>
                <Table.Td className="nowrap-cell">
                  {days.span(meeting.startDate, meeting.endDate) ?? "—"}
                </Table.Td>
                <Table.Td>{meeting.city ?? "—"}</Table.Td>
                <Table.Td>
                  {meeting.participants
                    .map((entry) => localName(entry.participant.names, i18n.language))
                    .join(", ") || "—"}
                </Table.Td>
                <Table.Td>
                  {meeting.can.update ? (
                    <EditButton onClick={() => setEditing(meeting)} label={t("meetings.editFor", { name })} />
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      )}
      <ActionDialog
        opened={editing !== null}
        onClose={close}
        title={editing === "new" ? t("meetings.create") : t("meetings.editTitle")}
        size="xl"
      >
        {editing ? (
          <MeetingForm
            process={process}
            meeting={editing === "new" ? undefined : editing}
            onDone={close}
            onCancel={close}
          />
        ) : null}
      </ActionDialog>
    </Stack>
  );
}

/** The workspace's "Meetings" section: meetings in the format outside the rounds. */
export function MeetingsSection(context: SectionContexts["workspace"]) {
  const process = useWorkspaceProcess(context.process);
  return process ? <Meetings process={process} /> : null;
}
