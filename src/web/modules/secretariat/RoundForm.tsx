import { Alert, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DateField, FormButtons, FormError, NamesFields, StaleAlert } from "./components.tsx";
import {
  dateOrNull,
  hasPastDate,
  namesInput,
  namesValues,
  recordChecks,
  textOrNull,
  useRecordForm,
} from "./forms.ts";
import { useLatestVersion } from "./latest.ts";
import { notifySuccess } from "./notices.tsx";
import { keys, recordKey } from "./queries.ts";
import type { ProcessDetail, RoundDetail } from "./types.ts";

type RoundValues = {
  number: number | string;
  names: { en: string; ru: string; ar: string };
  city: string;
  venue: string;
  startDate: string;
  endDate: string;
};

function valuesOf(round: RoundDetail | null, process: ProcessDetail, nextNumber: number): RoundValues {
  return {
    number: round?.number ?? nextNumber,
    names: namesValues(round?.names),
    city: round ? (round.city ?? "") : (process.defaultCity ?? ""),
    venue: round ? (round.venue ?? "") : (process.defaultVenue ?? ""),
    startDate: round?.startDate ?? "",
    endDate: round?.endDate ?? "",
  };
}

/**
 * Plans a round (number, names, place, dates) or edits one from the version it was opened with. The
 * checks the server makes (end not before start, a number used once) answer next to the fields; a
 * colleague's save in between is reported as a conflict, never overwritten.
 */
export function RoundForm({
  process,
  round: opened,
  nextNumber = 1,
  onDone,
  onCancel,
}: {
  process: ProcessDetail;
  /** The round to edit, as loaded when the form opened; absent to plan a new one. */
  round?: RoundDetail;
  nextNumber?: number;
  onDone: (round: RoundDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const {
    record: round,
    reloading,
    reload: reloadLatest,
    save: saveRound,
  } = useLatestVersion(opened ?? null, (round) => ({
    queryKey: keys.round(round.id),
    path: `/api/rounds/${encodeURIComponent(round.id)}`,
  }));
  const form = useForm<RoundValues>({
    initialValues: valuesOf(round, process, nextNumber),
    validate: {
      number: (value) => (round ? null : check.roundNumber(value)),
      // Marked required, so required: the English name is what every reader falls back on.
      names: { en: check.nameEn },
      endDate: (value, values) => check.endNotBeforeStart(values.startDate, value),
    },
  });

  const save = useRecordForm(form, async (values) => {
    const fields = {
      names: namesInput(values.names),
      city: textOrNull(values.city),
      venue: textOrNull(values.venue),
      startDate: dateOrNull(values.startDate),
      endDate: dateOrNull(values.endDate),
    };
    const saved = await saveRound(fields, {
      path: `/api/processes/${encodeURIComponent(process.slug)}/rounds`,
      fields: { number: Number(values.number) },
    });
    client.setQueryData(keys.round(saved.id), saved);
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(
      round
        ? t("secretariat:rounds.saved", { number: saved.number })
        : t("secretariat:rounds.planned", { number: saved.number }),
    );
    onDone(saved);
  });

  const reload = () =>
    reloadLatest((fresh) => {
      form.setValues(valuesOf(fresh, process, nextNumber));
      form.resetDirty();
      form.clearErrors();
      save.clear();
    });

  return (
    <form
      onSubmit={save.onSubmit}
      noValidate
      aria-label={
        round ? t("secretariat:rounds.editTitle", { number: round.number }) : t("secretariat:rounds.plan")
      }
    >
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <NumberInput
          label={t("secretariat:fields.roundNumber")}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          allowNegative={false}
          disabled={Boolean(round)}
          data-autofocus={round ? undefined : true}
          w={{ base: "100%", xs: 200 }}
          {...form.getInputProps("number")}
        />
        <NamesFields
          getInputProps={form.getInputProps}
          legend={round ? t("secretariat:fields.roundName") : t("secretariat:fields.roundNames")}
          autofocus={Boolean(round)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("secretariat:fields.city")} {...form.getInputProps("city")} />
          <TextInput label={t("secretariat:fields.venue")} {...form.getInputProps("venue")} />
          <DateField label={t("secretariat:fields.startDate")} {...form.getInputProps("startDate")} />
          <DateField label={t("secretariat:fields.endDate")} {...form.getInputProps("endDate")} />
        </SimpleGrid>
        {hasPastDate([form.values.startDate, form.values.endDate]) ? (
          <Alert
            color="yellow"
            icon={<IconAlertTriangle aria-hidden />}
            role="status"
            data-testid="past-date"
          >
            {t("secretariat:validation.pastDate")}
          </Alert>
        ) : null}
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          submitLabel={round ? t("secretariat:actions.save") : t("secretariat:rounds.planSubmit")}
        />
      </Stack>
    </form>
  );
}
