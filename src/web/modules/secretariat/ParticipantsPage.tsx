import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconArrowsExchange, IconSearch, IconUserPlus, IconUserShield } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LocalText } from "../../shell/LocalText.tsx";
import type { SectionContexts } from "../../shell/module.ts";
import { ActionDialog, EditButton, LoadFailure, Loading, RecordTable } from "./components.tsx";
import { useDays } from "./format.ts";
import { localName } from "./forms.ts";
import { ParticipantForm } from "./ParticipantForm.tsx";
import { useParticipants } from "./queries.ts";
import { AssignRoleForm, RoleChangeForm } from "./RoleForms.tsx";
import type { ParticipantSummary, ProcessDetail } from "./types.ts";
import { useWorkspaceProcess } from "./Workspace.tsx";

/** Who holds which role in the process today, and the recorded changes of standing. */
function Roles({ process }: { process: ProcessDetail }) {
  const { t, i18n } = useTranslation("secretariat");
  const days = useDays();
  const [dialog, setDialog] = useState<"assign" | "change" | null>(null);
  const close = () => setDialog(null);
  const roles = [...process.roles].sort((a, b) => a.role.localeCompare(b.role));
  const changes = [...process.roleChanges].sort((a, b) =>
    (b.occurredOn ?? "").localeCompare(a.occurredOn ?? ""),
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t("roles.title")}
          </Title>
          <div className="record-actions">
            {process.can.assignRole ? (
              <Button
                variant="default"
                leftSection={<IconUserShield size={16} aria-hidden />}
                onClick={() => setDialog("assign")}
              >
                {t("roles.assignTitle")}
              </Button>
            ) : null}
            {process.can.recordRoleChange ? (
              <Button
                variant="default"
                leftSection={<IconArrowsExchange size={16} aria-hidden />}
                onClick={() => setDialog("change")}
              >
                {t("roles.changeTitle")}
              </Button>
            ) : null}
          </div>
        </Group>
        <RecordTable
          testId="roles-table"
          minWidth={560}
          columns={[t("fields.participant"), t("fields.role"), t("fields.fromDate"), t("fields.note")]}
        >
          <Table.Tr>
            <Table.Td>{localName(process.host.names, i18n.language)}</Table.Td>
            <Table.Td>{t("role.host")}</Table.Td>
            <Table.Td className="nowrap-cell">{days.day(process.launchedOn) ?? "—"}</Table.Td>
            <Table.Td />
          </Table.Tr>
          {roles.map((assignment) => (
            <Table.Tr key={assignment.id}>
              <Table.Td>{localName(assignment.participant.names, i18n.language)}</Table.Td>
              <Table.Td>{t(`role.${assignment.role}`)}</Table.Td>
              <Table.Td className="nowrap-cell">{days.day(assignment.fromDate) ?? "—"}</Table.Td>
              <Table.Td>{assignment.note ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
        <Title order={3} size="h5" mt="sm">
          {t("roles.changes")}
        </Title>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("roles.noChanges")}
          </Text>
        ) : (
          <RecordTable
            testId="role-changes-table"
            minWidth={640}
            columns={[
              t("fields.occurredOn"),
              t("fields.participant"),
              t("fields.change"),
              t("fields.roundNumber"),
              t("fields.statement"),
            ]}
          >
            {changes.map((change) => (
              <Table.Tr key={change.id}>
                <Table.Td className="nowrap-cell">{days.day(change.occurredOn) ?? "—"}</Table.Td>
                <Table.Td>{localName(change.participant.names, i18n.language)}</Table.Td>
                <Table.Td>
                  {t(`change.${change.change}`)} · {t(`role.${change.role}`)}
                </Table.Td>
                <Table.Td>{change.roundNumber ?? "—"}</Table.Td>
                <Table.Td className="pre-line">
                  <LocalText value={change.localized.statement} />
                </Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        )}
      </Stack>
      <ActionDialog
        opened={dialog !== null}
        onClose={close}
        title={dialog === "assign" ? t("roles.assignTitle") : t("roles.changeTitle")}
      >
        {dialog === "assign" ? (
          <AssignRoleForm process={process} onDone={close} onCancel={close} />
        ) : dialog === "change" ? (
          <RoleChangeForm process={process} onDone={close} onCancel={close} />
        ) : null}
      </ActionDialog>
    </Paper>
  );
}

/** Every participant (shared by all processes), to add and correct. */
function Participants() {
  const { t, i18n } = useTranslation("secretariat");
  const days = useDays();
  const participants = useParticipants();
  const [editing, setEditing] = useState<ParticipantSummary | "new" | null>(null);
  const [search, setSearch] = useState("");
  const close = () => setEditing(null);
  if (participants.isPending) return <Loading />;
  if (participants.error) return <LoadFailure error={participants.error} />;
  const needle = search.trim().toLocaleLowerCase(i18n.language);
  const items = participants.data.items
    .filter(
      (item) =>
        !needle ||
        [item.names.en, item.names.ru, item.names.ar, item.slug, ...item.aliases].some((name) =>
          name?.toLocaleLowerCase(i18n.language).includes(needle),
        ),
    )
    .sort((a, b) =>
      localName(a.names, i18n.language).localeCompare(localName(b.names, i18n.language), i18n.language),
    );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t("participants.title")}
          </Title>
          {participants.data.can.create ? (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
              {t("participants.create")}
            </Button>
          ) : null}
        </Group>
        <TextInput
          label={t("participants.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        <RecordTable
          testId="participants-table"
          minWidth={560}
          caption={t("participants.count", { count: items.length })}
          columns={[t("fields.name"), t("fields.kind"), t("fields.existsFrom"), t("rounds.actions")]}
        >
          {items.map((participant) => {
            const name = localName(participant.names, i18n.language);
            return (
              <Table.Tr key={participant.id} data-participant={participant.slug}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{t(`kind.${participant.kind}`)}</Table.Td>
                <Table.Td className="nowrap-cell">{days.day(participant.existsFrom) ?? "—"}</Table.Td>
                <Table.Td>
                  {participant.can.update ? (
                    <EditButton
                      onClick={() => setEditing(participant)}
                      label={t("participants.editFor", { name })}
                    />
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      </Stack>
      <ActionDialog
        opened={editing !== null}
        onClose={close}
        title={editing === "new" ? t("participants.create") : t("participants.editTitle")}
        size="xl"
      >
        {editing ? (
          <ParticipantForm
            participant={editing === "new" ? undefined : editing}
            onDone={close}
            onCancel={close}
          />
        ) : null}
      </ActionDialog>
    </Paper>
  );
}

/** The workspace's "Participants" section: roles in the process, and the participants themselves. */
export function ParticipantsSection(context: SectionContexts["workspace"]) {
  const process = useWorkspaceProcess(context.process);
  if (!process) return null;
  return (
    <Stack gap="md">
      <Roles process={process} />
      <Participants />
    </Stack>
  );
}
