import { Alert, Button, Group, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconAlertTriangle } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../contracts/accounts.ts";
import { ApiError, api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { validators } from "../../shell/forms.ts";
import { useSession } from "../../shell/session.ts";
import { accountsKey } from "./keys.ts";
import {
  addMember,
  localName,
  positionChoices,
  removeMember,
  rolesLabel,
  type StandingDelegation,
  useProcessDelegations,
  useProcessList,
} from "./memberships.ts";

export { accountsKey };

type PositionValues = { position: string; otherPosition: string };
const otherPosition = "other";

/** The position sent to the server: one of the usual ones, or what the reader typed. */
function positionOf(values: PositionValues): string {
  return values.position === otherPosition ? values.otherPosition.trim() : values.position;
}

/** The props `form.getInputProps` gives a field (Mantine does not export their type under NodeNext). */
type InputPropsOf = (path: string) => ReturnType<ReturnType<typeof useForm>["getInputProps"]>;

/** The position on the delegation: head, member, staff, or another written out. */
function PositionFields({ position, getInputProps }: { position: string; getInputProps: InputPropsOf }) {
  const { t } = useTranslation("core");
  return (
    <Stack gap="xs">
      <Radio.Group label={t("memberships.position")} {...getInputProps("position")}>
        <Group gap="md" mt={6} wrap="wrap">
          {[...positionChoices, otherPosition].map((choice) => (
            <Radio key={choice} value={choice} label={t(`positions.${choice}`)} />
          ))}
        </Group>
      </Radio.Group>
      {position === otherPosition ? (
        <TextInput
          label={t("memberships.otherPosition")}
          description={t("memberships.otherPositionHelp")}
          required
          dir="auto"
          maxLength={100}
          {...getInputProps("otherPosition")}
        />
      ) : null}
    </Stack>
  );
}

function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

function Buttons({
  onCancel,
  submitting,
  label,
}: {
  onCancel: () => void;
  submitting: boolean;
  label: string;
}) {
  const { t } = useTranslation("shell");
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t("cancel")}
      </Button>
      <Button type="submit" loading={submitting}>
        {label}
      </Button>
    </Group>
  );
}

const positionRules = (t: ReturnType<typeof useTranslation>["t"]) => ({
  otherPosition: (value: string, values: PositionValues) =>
    values.position === otherPosition ? validators(t).required(value) : null,
});

/**
 * Accounts page: puts one account on a delegation. The reader chooses the process, then the
 * delegation by its participant's name (with the roles it gives), then the position.
 */
export function AddToDelegationForm({
  account,
  onDone,
  onCancel,
}: {
  account: Account;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["core", "shell"]);
  const client = useQueryClient();
  const check = validators(t);
  const [error, setError] = useState<string | null>(null);
  const processes = useProcessList();
  const onlyProcess = processes.data?.items.length === 1 ? processes.data.items[0]?.id : undefined;
  const form = useForm({
    mode: "controlled",
    initialValues: { processId: "", delegationId: "", position: "member", otherPosition: "" },
    validate: { delegationId: check.required, ...positionRules(t) },
  });
  const processId = form.values.processId || onlyProcess || "";
  const delegations = useProcessDelegations(processId || null);
  const delegationOptions = (delegations.data?.delegations ?? [])
    .map((delegation) => {
      const name = localName(delegation.participant.names, i18n.language);
      const roles = rolesLabel(t, delegations.data?.rolesOf(delegation.participant.id) ?? []);
      const already = delegation.members.some((member) => member.accountId === account.id);
      return {
        value: delegation.id,
        label: [name, roles && `(${roles})`, already && `— ${t("core:memberships.alreadyShort")}`]
          .filter(Boolean)
          .join(" "),
        disabled: already,
        sortName: name,
      };
    })
    .sort((a, b) => a.sortName.localeCompare(b.sortName, i18n.language))
    .map(({ sortName: _, ...option }) => option);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const delegation = delegations.data?.delegations.find((item) => item.id === values.delegationId);
    try {
      await addMember(client, values.delegationId, { accountId: account.id, position: positionOf(values) });
      onDone(
        t("core:memberships.added", {
          name: account.name,
          participant: delegation ? localName(delegation.participant.names, i18n.language) : "",
          process: delegations.data ? localName(delegations.data.process.names, i18n.language) : "",
        }),
      );
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "already_member") {
        form.setFieldError("delegationId", t("core:memberships.alreadyMember", { name: account.name }));
      } else {
        setError(describeError(t, caught));
      }
    }
  });
  const processOptions = (processes.data?.items ?? []).map((process) => ({
    value: process.id,
    label: localName(process.names, i18n.language),
  }));
  return (
    <form onSubmit={submit} noValidate aria-label={t("core:memberships.addTitle", { name: account.name })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("core:memberships.addHelp")}
        </Text>
        <FormAlert message={error ?? (processes.error ? describeError(t, processes.error) : null)} />
        <Select
          label={t("core:memberships.process")}
          data={processOptions}
          required
          allowDeselect={false}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("processId")}
          value={processId || null}
          onChange={(value) => {
            form.setFieldValue("processId", value ?? "");
            form.setFieldValue("delegationId", "");
          }}
        />
        <Select
          label={t("core:memberships.delegation")}
          description={t("core:memberships.delegationHelp")}
          placeholder={
            processId ? t("core:memberships.pickDelegation") : t("core:memberships.pickProcessFirst")
          }
          data={delegationOptions}
          disabled={!processId || delegations.isPending}
          searchable
          required
          nothingFoundMessage={t("core:memberships.noDelegation")}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("delegationId")}
          value={form.values.delegationId || null}
          onChange={(value) => form.setFieldValue("delegationId", value ?? "")}
        />
        {delegations.error ? <FormAlert message={describeError(t, delegations.error)} /> : null}
        <PositionFields position={form.values.position} getInputProps={form.getInputProps} />
        <Buttons onCancel={onCancel} submitting={form.submitting} label={t("core:memberships.addSubmit")} />
      </Stack>
    </form>
  );
}

/**
 * Delegations page (administrators): puts an existing account, found by name or e-mail, on one
 * delegation. Accounts already on it are not offered.
 */
export function AddAccountForm({
  delegation,
  onDone,
  onCancel,
}: {
  delegation: StandingDelegation;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["core", "shell"]);
  const client = useQueryClient();
  const check = validators(t);
  const [error, setError] = useState<string | null>(null);
  const accounts = useQuery({
    queryKey: accountsKey,
    queryFn: ({ signal }) => api.get<{ accounts: Account[] }>("/api/accounts", { signal }),
  });
  const form = useForm({
    mode: "controlled",
    initialValues: { accountId: "", position: "member", otherPosition: "" },
    validate: { accountId: check.required, ...positionRules(t) },
  });
  const onDelegation = new Set(delegation.members.map((member) => member.accountId));
  const options = (accounts.data?.accounts ?? [])
    .filter((account) => !onDelegation.has(account.id))
    .map((account) => ({ value: account.id, label: `${account.name} <${account.email}>` }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const participant = localName(delegation.participant.names, i18n.language);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const account = accounts.data?.accounts.find((item) => item.id === values.accountId);
    try {
      await addMember(client, delegation.id, { accountId: values.accountId, position: positionOf(values) });
      onDone(t("core:memberships.addedHere", { name: account?.name ?? "", participant }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "already_member") {
        form.setFieldError("accountId", t("core:memberships.alreadyMember", { name: account?.name ?? "" }));
      } else {
        setError(describeError(t, caught));
      }
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("core:delegations.addTitle", { participant })}>
      <Stack gap="sm">
        <FormAlert message={error ?? (accounts.error ? describeError(t, accounts.error) : null)} />
        <Select
          label={t("core:delegations.account")}
          description={t("core:delegations.accountHelp")}
          placeholder={t("core:delegations.pickAccount")}
          data={options}
          searchable
          required
          data-autofocus
          disabled={accounts.isPending}
          nothingFoundMessage={t("core:delegations.noAccount")}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("accountId")}
          value={form.values.accountId || null}
          onChange={(value) => form.setFieldValue("accountId", value ?? "")}
        />
        <PositionFields position={form.values.position} getInputProps={form.getInputProps} />
        <Buttons onCancel={onCancel} submitting={form.submitting} label={t("core:memberships.addSubmit")} />
      </Stack>
    </form>
  );
}

/** What the reader is about to take away: one account's place on one delegation. */
export type Removal = {
  accountId: string;
  accountName: string;
  delegationId: string;
  participantName: string;
  processName: string;
  roles: string[];
};

/**
 * Asks before taking an account off a delegation: the person loses the roles it gives at once. A
 * reader removing themselves is warned that they lose their own access.
 */
export function RemoveMembershipForm({
  removal,
  onDone,
  onCancel,
}: {
  removal: Removal;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["core", "shell"]);
  const client = useQueryClient();
  const { account } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const names = {
    name: removal.accountName,
    participant: removal.participantName,
    process: removal.processName,
  };
  const roles = rolesLabel(t, removal.roles);
  const confirm = async () => {
    setError(null);
    setSubmitting(true);
    try {
      await removeMember(client, removal.delegationId, removal.accountId);
      onDone(t("core:memberships.removed", names));
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Stack gap="sm">
      <FormAlert message={error} />
      <Text>{t("core:memberships.removeQuestion", names)}</Text>
      {roles ? (
        <Text size="sm" c="dimmed">
          {t("core:memberships.removeLosesRoles", { roles })}
        </Text>
      ) : null}
      {account?.id === removal.accountId ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t("core:memberships.removeSelf")}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t("shell:cancel")}
        </Button>
        <Button color="red" loading={submitting} onClick={confirm}>
          {t("core:memberships.removeSubmit")}
        </Button>
      </Group>
    </Stack>
  );
}
