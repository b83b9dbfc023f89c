import { NumberInput, Select, type SelectProps, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../shell/i18n.ts";
import {
  emptyMultilingual,
  isEmptyMultilingual,
  MultilingualField,
  missingOriginal,
  multilingualBody,
} from "../../shell/MultilingualField.tsx";
import { roleOptions, useParticipantOptions } from "./choices.ts";
import { DateField, FormButtons, FormError, PrecisionSelect } from "./components.tsx";
import { useDays } from "./format.ts";
import { dateOrNull, localName, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, recordKey } from "./queries.ts";
import { type ProcessDetail, roleChangeKinds } from "./types.ts";

/**
 * What both role forms start from: the participants to choose from, the checks (mirroring the server's,
 * among them that nothing is dated before the participant existed), and the post to the process's
 * record that refreshes what is on screen.
 */
function useRoleFormBasics(process: ProcessDetail) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const days = useDays();
  const check = recordChecks(t);
  const { options, byId } = useParticipantOptions();
  const notBeforeExistence = (participantId: string, date: string) => {
    const participant = byId.get(participantId);
    if (!participant?.existsFrom || !date || date >= participant.existsFrom) return null;
    return t("secretariat:validation.beforeExistence", {
      name: localName(participant.names, i18n.language),
      date: days.day(participant.existsFrom),
    });
  };
  const post = async (path: "roles" | "role-changes", body: object) => {
    await api.post(`/api/processes/${encodeURIComponent(process.slug)}/${path}`, body);
    await client.invalidateQueries({ queryKey: recordKey });
  };
  return { t, i18n, check, options, byId, notBeforeExistence, post };
}

/** The participant a form is about and its role: the first two fields of both forms. */
function ParticipantAndRole({
  options,
  withHost,
  participant,
  role,
}: {
  options: { value: string; label: string }[];
  withHost: boolean;
  participant: SelectProps;
  role: SelectProps;
}) {
  const { t } = useTranslation("secretariat");
  return (
    <>
      <Select
        label={t("fields.participant")}
        data={options}
        searchable
        required
        data-autofocus
        comboboxProps={{ withinPortal: true }}
        {...participant}
      />
      <Select
        label={t("fields.role")}
        data={roleOptions(t, withHost)}
        required
        comboboxProps={{ withinPortal: true }}
        {...role}
      />
    </>
  );
}

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
  const { t, i18n, check, options, byId, notBeforeExistence, post } = useRoleFormBasics(process);
  const form = useForm({
    initialValues: { participantId: "", role: "", fromDate: "", toDate: "", note: "" },
    validate: {
      participantId: check.required,
      role: check.required,
      fromDate: (value, values) => notBeforeExistence(values.participantId, value),
      toDate: (value, values) => check.endNotBeforeStart(values.fromDate, value),
    },
  });
  const save = useRecordForm(form, async (values) => {
    await post("roles", {
      participantId: values.participantId,
      role: values.role,
      fromDate: dateOrNull(values.fromDate),
      toDate: dateOrNull(values.toDate),
      note: textOrNull(values.note),
    });
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
          <ParticipantAndRole
            options={options}
            withHost={false}
            participant={form.getInputProps("participantId")}
            role={form.getInputProps("role")}
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
  const { t, i18n, check, options, notBeforeExistence, post } = useRoleFormBasics(process);
  const form = useForm({
    initialValues: {
      participantId: "",
      role: "",
      change: "",
      occurredOn: "",
      occurredPrecision: "day",
      roundNumber: "" as number | string,
      statement: emptyMultilingual(i18n.language as Locale),
    },
    validate: {
      participantId: check.required,
      role: check.required,
      change: check.required,
      occurredOn: (value, values) => check.required(value) ?? notBeforeExistence(values.participantId, value),
      roundNumber: (value) => (value === "" ? null : check.roundNumber(value)),
      statement: (value) =>
        !isEmptyMultilingual(value) && missingOriginal(value) ? check.required("") : null,
    },
  });
  const save = useRecordForm(form, async (values) => {
    await post("role-changes", {
      participantId: values.participantId,
      role: values.role,
      change: values.change,
      occurredOn: values.occurredOn,
      occurredPrecision: values.occurredPrecision,
      roundNumber: values.roundNumber === "" ? null : Number(values.roundNumber),
      statement: isEmptyMultilingual(values.statement) ? null : multilingualBody(values.statement),
    });
    notifySuccess(t("secretariat:roles.changeRecorded"));
    onDone();
  });
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:roles.changeTitle")}>
      <Stack gap="sm">
        <FormError message={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <ParticipantAndRole
            options={options}
            withHost
            participant={form.getInputProps("participantId")}
            role={form.getInputProps("role")}
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
          <PrecisionSelect {...form.getInputProps("occurredPrecision")} />
        </SimpleGrid>
        <MultilingualField
          label={t("secretariat:fields.statement")}
          minRows={3}
          value={form.values.statement}
          onChange={(statement) => form.setFieldValue("statement", statement)}
          error={form.errors.statement as string | undefined}
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
