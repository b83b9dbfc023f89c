import { SimpleGrid, Stack } from "@mantine/core";
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
  multilingualOf,
} from "../../shell/MultilingualField.tsx";
import { DateField, FormButtons, FormError } from "./components.tsx";
import { dateOrNull, recordChecks, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey } from "./queries.ts";
import type { RoundDetail } from "./types.ts";

/**
 * What a round decided about the next one, as loosely as it was said: the wording ("in Astana, in the
 * second half of 2024"), and where known a city and a window of dates, so the platform can later set
 * what was announced against what was held. The wording and the city are written in any of the
 * languages (a tab each, and the original), like announcements; editing starts from every version kept.
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
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const writing = i18n.language as Locale;
  const versions = round.nextRound?.versions;
  const form = useForm({
    initialValues: {
      wording: versions ? multilingualOf(versions.wording) : emptyMultilingual(writing),
      city: versions?.city ? multilingualOf(versions.city) : emptyMultilingual(writing),
      windowStart: round.nextRound?.windowStart ?? "",
      windowEnd: round.nextRound?.windowEnd ?? "",
    },
    validate: {
      wording: (value) => (missingOriginal(value) ? check.required("") : null),
      city: (value) => (!isEmptyMultilingual(value) && missingOriginal(value) ? check.required("") : null),
      windowEnd: (value, values) => check.endNotBeforeStart(values.windowStart, value),
    },
  });
  const save = useRecordForm(form, async (values) => {
    const saved = await api.put<RoundDetail>(`/api/rounds/${encodeURIComponent(round.id)}/next-round`, {
      wording: multilingualBody(values.wording),
      city: isEmptyMultilingual(values.city) ? null : multilingualBody(values.city),
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
        <MultilingualField
          label={t("secretariat:fields.wording")}
          description={t("secretariat:fields.wordingHelp")}
          required
          autoFocus
          minRows={2}
          value={form.values.wording}
          onChange={(wording) => form.setFieldValue("wording", wording)}
          error={form.errors.wording as string | undefined}
        />
        <MultilingualField
          label={t("secretariat:fields.city")}
          minRows={1}
          value={form.values.city}
          onChange={(city) => form.setFieldValue("city", city)}
          error={form.errors.city as string | undefined}
        />
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
