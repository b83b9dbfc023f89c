import { Button, Checkbox, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconUsersPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InviteByRoleResult } from "../../../contracts/process.ts";
import { roleOptions } from "./choices.ts";
import { FormError } from "./components.tsx";
import { DoneMessage, invitedMessage } from "./DelegationInviteForm.tsx";
import { localName, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, recordKey } from "./queries.ts";
import type { RoundDetail } from "./types.ts";

/**
 * Invites every participant holding the chosen roles (all the guarantors, the parties…) in one action
 * (core.round-delegation.invite-by-role), then says by name who was invited and who was already.
 */
export function InviteByRoleForm({ round }: { round: RoundDetail }) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { roles: [] as string[] },
    validate: { roles: (value) => (value.length > 0 ? null : t("secretariat:delegations.chooseRole")) },
  });
  const save = useRecordForm(form, async (values) => {
    setDone(null);
    const result = await api.post<InviteByRoleResult>(
      `/api/rounds/${encodeURIComponent(round.id)}/delegations/by-role`,
      { roles: values.roles },
    );
    const name = (participant: InviteByRoleResult["alreadyInvited"][number]) =>
      localName(participant.names, i18n.language);
    const parts = [
      result.invited.length > 0
        ? invitedMessage(
            t,
            result.invited.map((item) => name(item.participant)),
            i18n.language,
          )
        : t("secretariat:delegations.nobodyNew"),
    ];
    if (result.alreadyInvited.length > 0) {
      const list = new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(
        result.alreadyInvited.map(name),
      );
      parts.push(t("secretariat:delegations.alreadyInvitedNamed", { names: list }));
    }
    const message = parts.join(" ");
    setDone(message);
    notifySuccess(message);
    form.setValues({ roles: [] });
    await client.invalidateQueries({ queryKey: recordKey });
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:delegations.byRoleTitle")}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t("secretariat:delegations.byRoleTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("secretariat:delegations.byRoleHelp")}
          </Text>
          <FormError message={save.error} />
          <DoneMessage message={done} testId="invite-by-role-done" />
          <Checkbox.Group label={t("secretariat:fields.roles")} {...form.getInputProps("roles")}>
            <Group gap="md" mt={4}>
              {roleOptions(t, false).map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="light"
              loading={save.submitting}
              leftSection={<IconUsersPlus size={16} aria-hidden />}
            >
              {t("secretariat:delegations.inviteByRole")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
