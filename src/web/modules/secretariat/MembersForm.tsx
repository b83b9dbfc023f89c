import { ActionIcon, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormButtons, FormError, StaleAlert } from "./components.tsx";
import { recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey } from "./queries.ts";
import type { RoundDelegation } from "./types.ts";

type MemberValues = { key: string; nameNative: string; nameLatin: string; title: string; isHead: boolean };

let rowKey = 0;
const newKey = () => `member-${++rowKey}`;
const emptyMember = (isHead = false): MemberValues => ({
  key: newKey(),
  nameNative: "",
  nameLatin: "",
  title: "",
  isHead,
});

function valuesOf(delegation: RoundDelegation): { members: MemberValues[] } {
  if (delegation.members.length === 0) return { members: [emptyMember(true)] };
  return {
    members: [...delegation.members]
      .sort((a, b) => a.position - b.position)
      .map((member) => ({
        key: newKey(),
        nameNative: member.nameNative ?? "",
        nameLatin: member.nameLatin,
        title: member.title ?? "",
        isHead: member.isHead,
      })),
  };
}

/**
 * A delegation's list of members for a round: each named in their own script and in Latin letters,
 * with a title, and exactly one head of delegation (a radio button across the rows). The list
 * replaces the one submitted before and goes to the secretariat for accreditation.
 */
export function MembersForm({
  delegation: opened,
  onDone,
  onCancel,
}: {
  delegation: RoundDelegation;
  onDone: (saved: RoundDelegation) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const [delegation, setDelegation] = useState(opened);
  const [reloading, setReloading] = useState(false);
  const form = useForm<{ members: MemberValues[] }>({
    initialValues: valuesOf(delegation),
    validate: (values) => {
      const errors: Record<string, string> = {};
      values.members.forEach((member, index) => {
        const latin = check.required(member.nameLatin);
        if (latin) errors[`members.${index}.nameLatin`] = latin;
      });
      const heads = values.members.filter((member) => member.isHead).length;
      if (values.members.length === 0) errors.members = t("secretariat:members.atLeastOne");
      else if (heads !== 1) errors.members = t("secretariat:members.oneHead");
      return errors;
    },
  });

  // An untouched list follows the delegation as it changes; one being edited keeps the version it began from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a newer version arrives
  useEffect(() => {
    if (opened.version > delegation.version && !form.isDirty()) {
      const next = valuesOf(opened);
      setDelegation(opened);
      form.setValues(next);
      form.resetDirty(next);
    }
  }, [opened.version]);

  const save = useRecordForm(form, async (values) => {
    const saved = await api.put<RoundDelegation>(
      `/api/rounds/${encodeURIComponent(delegation.roundId)}/delegations/${encodeURIComponent(delegation.participant.id)}/members`,
      {
        version: delegation.version,
        members: values.members.map((member) => ({
          nameNative: textOrNull(member.nameNative),
          nameLatin: member.nameLatin.trim(),
          title: textOrNull(member.title),
          isHead: member.isHead,
        })),
      },
    );
    setDelegation(saved);
    const next = valuesOf(saved);
    form.setValues(next);
    form.resetDirty(next);
    client.setQueryData(keys.roundDelegation(saved.id), saved);
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t("secretariat:members.submitted", { count: values.members.length }));
    onDone(saved);
  });

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await client.fetchQuery({
        queryKey: keys.roundDelegation(delegation.id),
        queryFn: () =>
          api.get<RoundDelegation>(`/api/round-delegations/${encodeURIComponent(delegation.id)}`),
        staleTime: 0,
      });
      const next = valuesOf(fresh);
      setDelegation(fresh);
      form.setValues(next);
      form.resetDirty(next);
      form.clearErrors();
      save.clear();
    } finally {
      setReloading(false);
    }
  };

  const setHead = (index: number) => {
    form.setFieldValue(
      "members",
      form.getValues().members.map((member, position) => ({ ...member, isHead: position === index })),
    );
    form.clearFieldError("members");
  };
  const members = form.getValues().members;
  const listError = form.errors.members;

  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:members.formLabel")}>
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <Text size="sm" c="dimmed">
          {t("secretariat:members.help")}
        </Text>
        <Stack gap="sm" role="group" aria-label={t("secretariat:members.listLabel")}>
          {members.map((member, index) => {
            const label = member.nameLatin.trim() || t("secretariat:members.memberN", { n: index + 1 });
            return (
              <div
                key={member.key}
                className="member-row"
                data-head={member.isHead || undefined}
                data-testid="member-row"
              >
                <Group justify="space-between" mb="xs" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t("secretariat:members.memberN", { n: index + 1 })}
                  </Text>
                  <Group gap="sm" wrap="nowrap">
                    <Radio
                      name="head-of-delegation"
                      value={member.key}
                      checked={member.isHead}
                      onChange={() => setHead(index)}
                      label={t("secretariat:fields.isHead")}
                      aria-label={t("secretariat:members.headRadio", { name: label })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={members.length === 1}
                      onClick={() => form.removeListItem("members", index)}
                      aria-label={t("secretariat:members.remove", { name: label })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput
                    label={t("secretariat:fields.nameNative")}
                    description={t("secretariat:fields.nameNativeHelp")}
                    dir="auto"
                    {...form.getInputProps(`members.${index}.nameNative`)}
                  />
                  <TextInput
                    label={t("secretariat:fields.nameLatin")}
                    description={t("secretariat:fields.nameLatinHelp")}
                    dir="ltr"
                    required
                    {...form.getInputProps(`members.${index}.nameLatin`)}
                  />
                  <TextInput
                    label={t("secretariat:fields.title")}
                    description={t("secretariat:fields.titleHelp")}
                    dir="auto"
                    {...form.getInputProps(`members.${index}.title`)}
                  />
                </SimpleGrid>
                {form.errors[`members.${index}.isHead`] ? (
                  <Text c="red" size="sm" mt={4} role="alert">
                    {form.errors[`members.${index}.isHead`]}
                  </Text>
                ) : null}
              </div>
            );
          })}
        </Stack>
        {listError ? (
          <Text c="red" size="sm" role="alert" data-testid="members-error">
            {listError}
          </Text>
        ) : null}
        <div>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem("members", emptyMember(members.length === 0))}
          >
            {t("secretariat:members.add")}
          </Button>
        </div>
        {onCancel ? (
          <FormButtons
            onCancel={onCancel}
            submitting={save.submitting}
            submitLabel={t("secretariat:members.submit")}
          />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" loading={save.submitting}>
              {t("secretariat:members.submit")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
