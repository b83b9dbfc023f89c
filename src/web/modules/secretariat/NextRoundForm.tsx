import { SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DateField, FormButtons, FormError } from "./components.tsx";
import { dateOrNull, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey } from "./queries.ts";
import type { RoundDetail } from "./types.ts";

/**
 * What a round decided about the next one, as loosely as it was said: the wording ("in Astana, in the
 * second half of 2024"), and where known a city and a window of dates, so the platform can later set
 * what was announced against what was held.
 */
export function NextRoundForm({
  round,
  onDone,
  onCancel,
}: {
  round: RoundDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const form = useForm({
    initialValues: {
      wording: round.nextRound?.wording ?? "",
      city: round.nextRound?.city ?? "",
      windowStart: round.nextRound?.windowStart ?? "",
      windowEnd: round.nextRound?.windowEnd ?? "",
    },
    validate: {
      wording: check.required,
      windowEnd: (value, values) => check.endNotBeforeStart(values.windowStart, value),
    },
  });
  const save = useRecordForm(form, async (values) => {
    const saved = await api.put<RoundDetail>(`/api/rounds/${encodeURIComponent(round.id)}/next-round`, {
      wording: values.wording.trim(),
      city: textOrNull(values.city),
      windowStart: dateOrNull(values.windowStart),
      windowEnd: dateOrNull(values.windowEnd),
    });
    client.setQueryData(keys.round(saved.id), saved);
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t("secretariat:nextRound.saved", { number: saved.number }));
    onDone();
  });
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:nextRound.title")}>
      <Stack gap="sm">
        <FormError message={save.error} />
        <Textarea
          label={t("secretariat:fields.wording")}
          description={t("secretariat:fields.wordingHelp")}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("wording")}
        />
        <TextInput label={t("secretariat:fields.city")} {...form.getInputProps("city")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={t("secretariat:fields.windowStart")} {...form.getInputProps("windowStart")} />
          <DateField label={t("secretariat:fields.windowEnd")} {...form.getInputProps("windowEnd")} />
        </SimpleGrid>
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          submitLabel={t("secretariat:actions.save")}
        />
      </Stack>
    </form>
  );
}
