import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCheck, IconSend } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { roleOptions, useParticipantOptions } from "./choices.ts";
import { FormError } from "./components.tsx";
import { localName, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, recordKey } from "./queries.ts";
import type { RoundDetail } from "./types.ts";

/** "3 delegations invited: Iran, Russia, Türkiye." — what was done, named, in the reader's language. */
export function invitedMessage(t: TFunction, names: readonly string[], locale: string): string {
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
  return t("secretariat:delegations.invitedNamed", { count: names.length, names: list });
}

/** The confirmation that stays in the form until the next action, so it is clear that it worked. */
export function DoneMessage({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null;
  return (
    <Alert color="teal" icon={<IconCheck aria-hidden />} role="status" data-testid={testId}>
      {message}
    </Alert>
  );
}

/**
 * Invites one or more participants at once; each is a request, and each refusal is named. Those
 * invited leave the field, and the form says by name who was invited.
 */
export function InviteForm({ round, invited }: { round: RoundDetail; invited: Set<string> }) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const { options: participantOptions, byId: names } = useParticipantOptions();
  const nameOf = (participantId: string) => {
    const participant = names.get(participantId);
    return participant ? localName(participant.names, i18n.language) : participantId;
  };
  const form = useForm({
    initialValues: { participantIds: [] as string[], role: "" },
    validate: {
      participantIds: (value) => (value.length > 0 ? null : t("secretariat:delegations.chooseSomeone")),
    },
  });
  const save = useRecordForm(form, async (values) => {
    setDone(null);
    const failed: { id: string; message: string }[] = [];
    const invitedNames: string[] = [];
    for (const participantId of values.participantIds) {
      try {
        await api.post(`/api/rounds/${encodeURIComponent(round.id)}/delegations`, {
          participantId,
          ...(values.role ? { role: values.role } : {}),
        });
        invitedNames.push(nameOf(participantId));
      } catch (caught) {
        if (!(caught instanceof ApiError) || caught.status >= 500 || caught.status === 0) throw caught;
        const name = nameOf(participantId);
        const reason =
          caught.fieldErrors.role && !values.role
            ? t("secretariat:delegations.noRole")
            : caught.code === "duplicate"
              ? t("secretariat:delegations.alreadyInvited")
              : describeError(t, caught);
        failed.push({ id: participantId, message: `${name}: ${reason}` });
      }
    }
    // Those invited leave the field; only the refused stay, each with its reason.
    form.setValues({ participantIds: failed.map((failure) => failure.id), role: values.role });
    form.resetDirty();
    if (invitedNames.length > 0) {
      const message = invitedMessage(t, invitedNames, i18n.language);
      setDone(message);
      notifySuccess(message);
    }
    await client.invalidateQueries({ queryKey: recordKey });
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
          <DoneMessage message={done} testId="invite-done" />
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
