import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck, IconListDetails, IconMessageReport, IconSend } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { roleOptions, useParticipantOptions } from "./choices.ts";
import {
  AccreditationBadge,
  ActionDialog,
  CardItem,
  CardList,
  FormButtons,
  FormError,
  LoadFailure,
  Loading,
  RecordTable,
  StaleAlert,
} from "./components.tsx";
import { useIsPhone } from "./format.ts";
import { localName, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { useLatestVersion } from "./latest.ts";
import { MembersForm } from "./MembersForm.tsx";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey, useRoundDelegations } from "./queries.ts";
import type { RoundDelegation, RoundDetail } from "./types.ts";

/** Invites one or more participants at once; each is a request, and each refusal is named. */
function InviteForm({ round, invited }: { round: RoundDetail; invited: Set<string> }) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const { options: participantOptions, byId: names } = useParticipantOptions();
  const form = useForm({
    initialValues: { participantIds: [] as string[], role: "" },
    validate: {
      participantIds: (value) => (value.length > 0 ? null : t("secretariat:delegations.chooseSomeone")),
    },
  });
  const save = useRecordForm(form, async (values) => {
    const failed: { id: string; message: string }[] = [];
    let invitedCount = 0;
    for (const participantId of values.participantIds) {
      try {
        await api.post(`/api/rounds/${encodeURIComponent(round.id)}/delegations`, {
          participantId,
          ...(values.role ? { role: values.role } : {}),
        });
        invitedCount += 1;
      } catch (caught) {
        if (!(caught instanceof ApiError) || caught.status >= 500 || caught.status === 0) throw caught;
        const participant = names.get(participantId);
        const name = participant ? localName(participant.names, i18n.language) : participantId;
        const reason =
          caught.fieldErrors.role && !values.role
            ? t("secretariat:delegations.noRole")
            : caught.code === "duplicate"
              ? t("secretariat:delegations.alreadyInvited")
              : describeError(t, caught);
        failed.push({ id: participantId, message: `${name}: ${reason}` });
      }
    }
    await client.invalidateQueries({ queryKey: recordKey });
    if (invitedCount > 0) notifySuccess(t("secretariat:delegations.invited", { count: invitedCount }));
    form.setFieldValue(
      "participantIds",
      failed.map((failure) => failure.id),
    );
    if (failed.length > 0) {
      form.setFieldError("participantIds", failed.map((failure) => failure.message).join(" "));
    }
  });
  const options = participantOptions.filter((option) => !invited.has(option.value));
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:delegations.inviteTitle")}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t("secretariat:delegations.inviteTitle")}
          </Title>
          <FormError message={save.error} />
          <MultiSelect
            label={t("secretariat:fields.participants")}
            placeholder={options.length > 0 ? t("secretariat:delegations.pick") : undefined}
            data={options}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t("secretariat:delegations.nobodyLeft")}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("participantIds")}
          />
          <Select
            label={t("secretariat:fields.inviteRole")}
            description={t("secretariat:fields.inviteRoleHelp")}
            data={[{ value: "", label: t("secretariat:delegations.currentRole") }, ...roleOptions(t)]}
            allowDeselect={false}
            w={{ base: "100%", sm: 320 }}
            {...form.getInputProps("role")}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.submitting} leftSection={<IconSend size={16} aria-hidden />}>
              {t("secretariat:delegations.invite")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Decision = "accredit" | "requestChanges";

/** Accredits a submitted list (an optional note) or sends it back with a note saying what to change. */
function DecisionForm({
  decision,
  delegation: opened,
  onDone,
  onCancel,
}: {
  decision: Decision;
  delegation: RoundDelegation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const {
    record: delegation,
    reloading,
    reload: reloadLatest,
  } = useLatestVersion(opened, (delegation) => ({
    queryKey: keys.roundDelegation(delegation.id),
    path: `/api/round-delegations/${encodeURIComponent(delegation.id)}`,
  }));
  const form = useForm({
    initialValues: { note: "" },
    validate: { note: (value) => (decision === "requestChanges" ? check.required(value) : null) },
  });
  const name = localName(delegation.participant.names, i18n.language);
  const save = useRecordForm(form, async (values) => {
    const path = decision === "accredit" ? "accredit" : "request-changes";
    await api.post(`/api/round-delegations/${encodeURIComponent(delegation.id)}/${path}`, {
      note: decision === "accredit" ? textOrNull(values.note) : values.note.trim(),
      version: delegation.version,
    });
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t(`secretariat:delegations.${decision}Done`, { name }));
    onDone();
  });
  const reload = () => reloadLatest(() => save.clear());
  return (
    <form
      onSubmit={save.onSubmit}
      noValidate
      aria-label={t(`secretariat:delegations.${decision}Title`, { name })}
    >
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <MembersTable delegation={delegation} />
        <Textarea
          label={
            decision === "accredit"
              ? t("secretariat:fields.noteOptional")
              : t("secretariat:fields.changesNote")
          }
          required={decision === "requestChanges"}
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps("note")}
        />
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          color={decision === "accredit" ? "green" : "orange"}
          submitLabel={t(`secretariat:delegations.${decision}`)}
        />
      </Stack>
    </form>
  );
}

/** A delegation's submitted members, the head first marked. */
export function MembersTable({ delegation }: { delegation: RoundDelegation }) {
  const { t } = useTranslation("secretariat");
  const isPhone = useIsPhone();
  if (delegation.members.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("delegations.noMembers")}
      </Text>
    );
  }
  const members = [...delegation.members].sort((a, b) => a.position - b.position);
  if (isPhone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} data-testid="members-table">
        {members.map((member) => (
          <li key={member.id} className="card-item member-row" data-head={member.isHead || undefined}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} dir="ltr">
                {member.nameLatin}
              </Text>
              {member.isHead ? (
                <Badge variant="light" size="sm">
                  {t("delegations.head")}
                </Badge>
              ) : null}
            </Group>
            {member.nameNative ? <Text dir="auto">{member.nameNative}</Text> : null}
            {member.title ? (
              <Text size="sm" c="dimmed" dir="auto">
                {member.title}
              </Text>
            ) : null}
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <RecordTable
      testId="members-table"
      minWidth={480}
      striped={false}
      columns={[t("fields.nameNative"), t("fields.nameLatin"), t("fields.title"), t("fields.isHead")]}
    >
      {members.map((member) => (
        <Table.Tr key={member.id}>
          <Table.Td dir="auto">{member.nameNative ?? "—"}</Table.Td>
          <Table.Td dir="ltr">{member.nameLatin}</Table.Td>
          <Table.Td dir="auto">{member.title ?? "—"}</Table.Td>
          <Table.Td>{member.isHead ? t("delegations.head") : ""}</Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}

type Open = { kind: Decision | "members" | "view"; delegation: RoundDelegation } | null;

/** What the secretariat may do with one delegation, as the server allows it. */
function DelegationActions({
  delegation,
  name,
  onOpen,
}: {
  delegation: RoundDelegation;
  name: string;
  onOpen: (open: Open) => void;
}) {
  const { t } = useTranslation("secretariat");
  return (
    <Group gap={6} wrap="wrap">
      {delegation.members.length > 0 ? (
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconListDetails size={14} aria-hidden />}
          onClick={() => onOpen({ kind: "view", delegation })}
          aria-label={t("delegations.viewFor", { name })}
        >
          {t("delegations.view")}
        </Button>
      ) : null}
      {delegation.can.accredit ? (
        <Button
          size="compact-sm"
          color="green"
          leftSection={<IconCircleCheck size={14} aria-hidden />}
          onClick={() => onOpen({ kind: "accredit", delegation })}
          aria-label={t("delegations.accreditFor", { name })}
        >
          {t("delegations.accredit")}
        </Button>
      ) : null}
      {delegation.can.requestChanges ? (
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          leftSection={<IconMessageReport size={14} aria-hidden />}
          onClick={() => onOpen({ kind: "requestChanges", delegation })}
          aria-label={t("delegations.requestChangesFor", { name })}
        >
          {t("delegations.requestChanges")}
        </Button>
      ) : null}
      {delegation.can.submitMembers ? (
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => onOpen({ kind: "members", delegation })}
          aria-label={t("delegations.enterListFor", { name })}
        >
          {t("delegations.enterList")}
        </Button>
      ) : null}
    </Group>
  );
}

/**
 * The round's delegations for the secretariat: invite participants, follow each delegation's
 * accreditation, read its list, accredit it or ask for changes, or enter a list received on paper.
 */
export function DelegationsPanel({ round }: { round: RoundDetail }) {
  const { t, i18n } = useTranslation("secretariat");
  const delegations = useRoundDelegations(round.id);
  const isPhone = useIsPhone();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  if (delegations.isPending) return <Loading />;
  if (delegations.error) return <LoadFailure error={delegations.error} />;
  const items = [...delegations.data.items].sort((a, b) =>
    localName(a.participant.names, i18n.language).localeCompare(
      localName(b.participant.names, i18n.language),
      i18n.language,
    ),
  );
  const invited = new Set(items.map((item) => item.participant.id));
  const openName = open ? localName(open.delegation.participant.names, i18n.language) : "";
  const dialogTitle = open
    ? open.kind === "members"
      ? t("delegations.enterListTitle", { name: openName })
      : open.kind === "view"
        ? t("delegations.viewTitle", { name: openName })
        : t(`delegations.${open.kind}Title`, { name: openName })
    : "";

  return (
    <Stack gap="md">
      {delegations.data.can.invite ? <InviteForm round={round} invited={invited} /> : null}
      {items.length === 0 ? (
        <Text c="dimmed">{t("delegations.none")}</Text>
      ) : isPhone ? (
        <CardList testId="delegations-table" label={t("delegations.count", { count: items.length })}>
          {items.map((delegation) => {
            const name = localName(delegation.participant.names, i18n.language);
            return (
              <CardItem key={delegation.id} data-participant={delegation.participant.slug}>
                <Stack gap={6}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text fw={600}>{name}</Text>
                    <AccreditationBadge status={delegation.status} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`role.${delegation.role}`)}
                    {delegation.head ? ` · ${delegation.head.nameLatin}` : ""}
                    {` · ${t("delegations.memberCount", { count: delegation.members.length })}`}
                  </Text>
                  {delegation.status === "changes_requested" && delegation.secretariatNote ? (
                    <Text size="xs" c="dimmed" className="pre-line">
                      {delegation.secretariatNote}
                    </Text>
                  ) : null}
                  <DelegationActions delegation={delegation} name={name} onOpen={setOpen} />
                </Stack>
              </CardItem>
            );
          })}
        </CardList>
      ) : (
        <RecordTable
          testId="delegations-table"
          minWidth={720}
          spacing="sm"
          caption={t("delegations.count", { count: items.length })}
          columns={[
            t("fields.participant"),
            t("fields.role"),
            t("fields.accreditation"),
            t("delegations.head"),
            t("delegations.members"),
            t("rounds.actions"),
          ]}
        >
          {items.map((delegation) => {
            const name = localName(delegation.participant.names, i18n.language);
            return (
              <Table.Tr key={delegation.id} data-participant={delegation.participant.slug}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{t(`role.${delegation.role}`)}</Table.Td>
                <Table.Td>
                  <AccreditationBadge status={delegation.status} />
                  {delegation.status === "changes_requested" && delegation.secretariatNote ? (
                    <Text size="xs" c="dimmed" mt={4} className="pre-line">
                      {delegation.secretariatNote}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td dir="auto">{delegation.head?.nameLatin ?? "—"}</Table.Td>
                <Table.Td>{delegation.members.length}</Table.Td>
                <Table.Td>
                  <DelegationActions delegation={delegation} name={name} onOpen={setOpen} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      )}
      <ActionDialog opened={open !== null} onClose={close} title={dialogTitle} size="xl">
        {open?.kind === "view" ? (
          <Stack>
            {open.delegation.secretariatNote ? (
              <Alert color="gray" title={t("fields.secretariatNote")}>
                <span className="pre-line">{open.delegation.secretariatNote}</span>
              </Alert>
            ) : null}
            <MembersTable delegation={open.delegation} />
          </Stack>
        ) : open?.kind === "members" ? (
          <MembersForm delegation={open.delegation} onDone={close} onCancel={close} />
        ) : open ? (
          <DecisionForm decision={open.kind} delegation={open.delegation} onDone={close} onCancel={close} />
        ) : null}
      </ActionDialog>
    </Stack>
  );
}
