import { Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormButtons, FormError, StaleAlert } from "./components.tsx";
import { localName, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { useLatestVersion } from "./latest.ts";
import { MembersTable } from "./MembersTable.tsx";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey } from "./queries.ts";
import type { RoundDelegation } from "./types.ts";

export type Decision = "accredit" | "requestChanges";

/** Accredits a submitted list (an optional note) or sends it back with a note saying what to change. */
export function DecisionForm({
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
