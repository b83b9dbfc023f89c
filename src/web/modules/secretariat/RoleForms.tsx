import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DateField, FormButtons, FormError } from "./components.tsx";
import { useDays } from "./format.ts";
import { dateOrNull, localName, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, recordKey, useParticipants } from "./queries.ts";
import {
  datePrecisions,
  type ParticipantSummary,
  type ProcessDetail,
  processRoles,
  roleChangeKinds,
} from "./types.ts";

/** The participants as choices, in the reader's language and alphabet. */
function useParticipantOptions() {
  const { i18n } = useTranslation();
  const participants = useParticipants();
  const items = participants.data?.items ?? [];
  const options = items
    .map((participant) => ({ value: participant.id, label: localName(participant.names, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return { options, byId: new Map(items.map((item) => [item.id, item])) };
}

/** Mirrors the server: nothing can be dated before the participant existed. */
function notBeforeExistence(
  t: TFunction,
  days: ReturnType<typeof useDays>,
  participant: ParticipantSummary | undefined,
  date: string,
  locale: string,
) {
  if (!participant?.existsFrom || !date || date >= participant.existsFrom) return null;
  return t("secretariat:validation.beforeExistence", {
    name: localName(participant.names, locale),
    date: days.day(participant.existsFrom),
  });
}

const roleOptions = (t: TFunction, withHost: boolean) =>
  processRoles
    .filter((role) => withHost || role !== "host")
    .map((role) => ({ value: role, label: t(`secretariat:role.${role}`) }));

/** Gives a participant a role in the process from a date (and until one, if it ended). */
export function AssignRoleForm({
  process,
  onDone,
  onCancel,
}: {
  process: ProcessDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const days = useDays();
  const check = recordChecks(t);
  const { options, byId } = useParticipantOptions();
  const form = useForm({
    initialValues: { participantId: "", role: "", fromDate: "", toDate: "", note: "" },
    validate: {
      participantId: check.required,
      role: check.required,
      fromDate: (value, values) =>
        notBeforeExistence(t, days, byId.get(values.participantId), value, i18n.language),
      toDate: (value, values) => check.endNotBeforeStart(values.fromDate, value),
    },
  });
  const save = useRecordForm(form, async (values) => {
    await api.post(`/api/processes/${encodeURIComponent(process.slug)}/roles`, {
      participantId: values.participantId,
      role: values.role,
      fromDate: dateOrNull(values.fromDate),
      toDate: dateOrNull(values.toDate),
      note: textOrNull(values.note),
    });
    await client.invalidateQueries({ queryKey: recordKey });
    const participant = byId.get(values.participantId);
    notifySuccess(
      t("secretariat:roles.assigned", {
        name: participant ? localName(participant.names, i18n.language) : "",
        role: t(`secretariat:role.${values.role}`),
      }),
    );
    onDone();
  });
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:roles.assignTitle")}>
      <Stack gap="sm">
        <FormError message={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("secretariat:fields.participant")}
            data={options}
            searchable
            required
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("participantId")}
          />
          <Select
            label={t("secretariat:fields.role")}
            data={roleOptions(t, false)}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("role")}
          />
          <DateField label={t("secretariat:fields.fromDate")} {...form.getInputProps("fromDate")} />
          <DateField label={t("secretariat:fields.toDate")} {...form.getInputProps("toDate")} />
        </SimpleGrid>
        <TextInput label={t("secretariat:fields.note")} {...form.getInputProps("note")} />
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          submitLabel={t("secretariat:roles.assign")}
        />
      </Stack>
    </form>
  );
}

/**
 * Records a change of a participant's standing on a date (observer status granted, a boycott
 * declared…), with the round it concerns and the statement that made it.
 */
export function RoleChangeForm({
  process,
  onDone,
  onCancel,
}: {
  process: ProcessDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const days = useDays();
  const check = recordChecks(t);
  const { options, byId } = useParticipantOptions();
  const form = useForm({
    initialValues: {
      participantId: "",
      role: "",
      change: "",
      occurredOn: "",
      occurredPrecision: "day",
      roundNumber: "" as number | string,
      statement: "",
    },
    validate: {
      participantId: check.required,
      role: check.required,
      change: check.required,
      occurredOn: (value, values) =>
        check.required(value) ??
        notBeforeExistence(t, days, byId.get(values.participantId), value, i18n.language),
      roundNumber: (value) => (value === "" ? null : check.roundNumber(value)),
    },
  });
  const save = useRecordForm(form, async (values) => {
    await api.post(`/api/processes/${encodeURIComponent(process.slug)}/role-changes`, {
      participantId: values.participantId,
      role: values.role,
      change: values.change,
      occurredOn: values.occurredOn,
      occurredPrecision: values.occurredPrecision,
      roundNumber: values.roundNumber === "" ? null : Number(values.roundNumber),
      statement: textOrNull(values.statement),
    });
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t("secretariat:roles.changeRecorded"));
    onDone();
  });
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:roles.changeTitle")}>
      <Stack gap="sm">
        <FormError message={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("secretariat:fields.participant")}
            data={options}
            searchable
            required
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("participantId")}
          />
          <Select
            label={t("secretariat:fields.role")}
            data={roleOptions(t, true)}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("role")}
          />
          <Select
            label={t("secretariat:fields.change")}
            data={roleChangeKinds.map((kind) => ({ value: kind, label: t(`secretariat:change.${kind}`) }))}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("change")}
          />
          <NumberInput
            label={t("secretariat:fields.roundNumberOptional")}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("roundNumber")}
          />
          <DateField
            label={t("secretariat:fields.occurredOn")}
            required
            {...form.getInputProps("occurredOn")}
          />
          <Select
            label={t("secretariat:fields.precision")}
            data={datePrecisions.map((precision) => ({
              value: precision,
              label: t(`secretariat:precision.${precision}`),
            }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("occurredPrecision")}
          />
        </SimpleGrid>
        <Textarea
          label={t("secretariat:fields.statement")}
          autosize
          minRows={3}
          {...form.getInputProps("statement")}
        />
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          submitLabel={t("secretariat:roles.recordChange")}
        />
      </Stack>
    </form>
  );
}
