import { Select, SimpleGrid, Stack, TagsInput, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { DateField, FormButtons, FormError, NamesFields, StaleAlert } from "./components.tsx";
import { dateOrNull, namesInput, namesValues, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { useLatestVersion } from "./latest.ts";
import { useAnnounceSaved, useSlugFollowingName } from "./named.ts";
import { keys } from "./queries.ts";
import { type ParticipantKind, type ParticipantSummary, participantKinds } from "./types.ts";

type ParticipantValues = {
  slug: string;
  kind: ParticipantKind;
  names: { en: string; ru: string; ar: string };
  shortName: string;
  existsFrom: string;
  aliases: string[];
};

function valuesOf(participant: ParticipantSummary | null): ParticipantValues {
  return {
    slug: participant?.slug ?? "",
    kind: participant?.kind ?? "state",
    names: namesValues(participant?.names),
    shortName: participant?.shortName ?? "",
    existsFrom: participant?.existsFrom ?? "",
    aliases: participant?.aliases ?? [],
  };
}

/**
 * A participant (a state, a party, an organization), shared by every process: its names in three
 * languages, its address (slug), and the date from which it exists, before which no role can be
 * dated. Edits are saved from the version opened.
 */
export function ParticipantForm({
  participant: opened,
  onDone,
  onCancel,
}: {
  participant?: ParticipantSummary;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const check = recordChecks(t);
  const {
    record: participant,
    reloading,
    reload: reloadLatest,
    save: saveParticipant,
  } = useLatestVersion(opened ?? null, (participant) => ({
    queryKey: [...keys.participants(), participant.id],
    path: `/api/participants/${encodeURIComponent(participant.id)}`,
  }));
  const slug = useSlugFollowingName(Boolean(opened));
  const announceSaved = useAnnounceSaved("participants");
  const form = useForm<ParticipantValues>({
    initialValues: valuesOf(participant),
    validate: { slug: check.slug, names: { en: check.nameEn } },
    onValuesChange: (values, previous) => slug.follow(form, values, previous),
  });

  const save = useRecordForm(form, async (values) => {
    const fields = {
      slug: values.slug.trim(),
      kind: values.kind,
      names: namesInput(values.names),
      shortName: textOrNull(values.shortName),
      existsFrom: dateOrNull(values.existsFrom),
      aliases: values.aliases.map((alias) => alias.trim()).filter(Boolean),
    };
    const saved = await saveParticipant(fields, { path: "/api/participants" });
    await announceSaved(Boolean(participant), saved.names);
    onDone();
  });

  const reload = () =>
    reloadLatest((fresh) => {
      form.setValues(valuesOf(fresh));
      form.clearErrors();
      save.clear();
    });

  return (
    <form
      onSubmit={save.onSubmit}
      noValidate
      aria-label={
        participant ? t("secretariat:participants.editTitle") : t("secretariat:participants.create")
      }
    >
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <NamesFields
          getInputProps={form.getInputProps}
          legend={t("secretariat:fields.participantNames")}
          autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("secretariat:fields.kind")}
            data={participantKinds.map((kind) => ({ value: kind, label: t(`secretariat:kind.${kind}`) }))}
            allowDeselect={false}
            required
            {...form.getInputProps("kind")}
          />
          <TextInput
            label={t("secretariat:fields.slug")}
            description={t("secretariat:fields.slugHelp")}
            dir="ltr"
            required
            {...slug.inputProps(form)}
          />
          <TextInput label={t("secretariat:fields.shortName")} {...form.getInputProps("shortName")} />
          <DateField
            label={t("secretariat:fields.existsFrom")}
            description={t("secretariat:fields.existsFromHelp")}
            {...form.getInputProps("existsFrom")}
          />
        </SimpleGrid>
        <TagsInput
          label={t("secretariat:fields.aliases")}
          description={t("secretariat:fields.aliasesHelp")}
          {...form.getInputProps("aliases")}
        />
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          submitLabel={
            participant ? t("secretariat:actions.save") : t("secretariat:participants.createSubmit")
          }
        />
      </Stack>
    </form>
  );
}
