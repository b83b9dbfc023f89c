import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { roleOptions, useParticipantOptions } from "./choices.ts";
import {
  DateField,
  FormButtons,
  FormError,
  NamesFields,
  PrecisionSelect,
  StaleAlert,
} from "./components.tsx";
import { dateOrNull, namesInput, namesValues, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { useLatestVersion } from "./latest.ts";
import { useAnnounceSaved, useSlugFollowingName } from "./named.ts";
import { keys } from "./queries.ts";
import {
  type DatePrecision,
  type Meeting,
  type MeetingKind,
  meetingKinds,
  type ProcessDetail,
} from "./types.ts";

type Attendee = { key: string; participantId: string; role: string };
type MeetingValues = {
  slug: string;
  kind: MeetingKind;
  level: string;
  names: { en: string; ru: string; ar: string };
  city: string;
  venue: string;
  host: string;
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  dateNote: string;
  participants: Attendee[];
};

let attendeeKey = 0;
const newAttendee = (participantId = "", role = ""): Attendee => ({
  key: `attendee-${++attendeeKey}`,
  participantId,
  role,
});

function valuesOf(meeting: Meeting | null): MeetingValues {
  return {
    slug: meeting?.slug ?? "",
    kind: meeting?.kind ?? "ministerial",
    level: meeting?.level ?? "",
    names: namesValues(meeting?.names),
    city: meeting?.city ?? "",
    venue: meeting?.venue ?? "",
    host: meeting?.host ?? "",
    startDate: meeting?.startDate ?? "",
    endDate: meeting?.endDate ?? "",
    datePrecision: meeting?.datePrecision ?? "day",
    dateNote: meeting?.dateNote ?? "",
    participants: (meeting?.participants ?? []).map((entry) => newAttendee(entry.participant.id, entry.role)),
  };
}

/**
 * A meeting in the format outside the rounds (a ministerial meeting, a summit, quadrilateral
 * consultations, a congress) with the participants who took part and in what role.
 */
export function MeetingForm({
  process,
  meeting: opened,
  onDone,
  onCancel,
}: {
  process: ProcessDetail;
  meeting?: Meeting;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const check = recordChecks(t);
  const {
    record: meeting,
    reloading,
    reload: reloadLatest,
    save: saveMeeting,
  } = useLatestVersion(opened ?? null, (meeting) => ({
    queryKey: [...keys.meetings(process.slug), meeting.id],
    path: `/api/meetings/${encodeURIComponent(meeting.id)}`,
  }));
  const slug = useSlugFollowingName(Boolean(opened));
  const announceSaved = useAnnounceSaved("meetings");
  const form = useForm<MeetingValues>({
    initialValues: valuesOf(meeting),
    validate: {
      slug: check.slug,
      names: { en: check.nameEn },
      endDate: (value, values) => check.endNotBeforeStart(values.startDate, value),
      participants: {
        participantId: (value, values) => {
          if (!value) return t("shell:validation.required");
          const twice = values.participants.filter((entry) => entry.participantId === value).length > 1;
          return twice ? t("secretariat:meetings.listedTwice") : null;
        },
        role: check.required,
      },
    },
    onValuesChange: (values, previous) => slug.follow(form, values, previous),
  });

  const save = useRecordForm(form, async (values) => {
    const fields = {
      kind: values.kind,
      level: textOrNull(values.level),
      names: namesInput(values.names),
      city: textOrNull(values.city),
      venue: textOrNull(values.venue),
      host: textOrNull(values.host),
      startDate: dateOrNull(values.startDate),
      endDate: dateOrNull(values.endDate),
      datePrecision: values.datePrecision,
      dateNote: textOrNull(values.dateNote),
      participants: values.participants.map((entry) => ({
        participantId: entry.participantId,
        role: entry.role,
      })),
    };
    const saved = await saveMeeting(fields, {
      path: `/api/processes/${encodeURIComponent(process.slug)}/meetings`,
      fields: { slug: values.slug.trim() },
    });
    await announceSaved(Boolean(meeting), saved.names);
    onDone();
  });

  const reload = () =>
    reloadLatest((fresh) => {
      form.setValues(valuesOf(fresh));
      form.clearErrors();
      save.clear();
    });

  const { options: participantOptions } = useParticipantOptions();
  const attendees = form.getValues().participants;

  return (
    <form
      onSubmit={save.onSubmit}
      noValidate
      aria-label={meeting ? t("secretariat:meetings.editTitle") : t("secretariat:meetings.create")}
    >
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <NamesFields
          getInputProps={form.getInputProps}
          legend={t("secretariat:fields.meetingNames")}
          autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t("secretariat:fields.meetingKind")}
            data={meetingKinds.map((kind) => ({ value: kind, label: t(`secretariat:meetingKind.${kind}`) }))}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("kind")}
          />
          <TextInput
            label={t("secretariat:fields.level")}
            description={t("secretariat:fields.levelHelp")}
            {...form.getInputProps("level")}
          />
          <TextInput
            label={t("secretariat:fields.slug")}
            description={t("secretariat:fields.slugHelp")}
            dir="ltr"
            required
            disabled={Boolean(meeting)}
            {...slug.inputProps(form)}
          />
          <TextInput label={t("secretariat:fields.city")} {...form.getInputProps("city")} />
          <TextInput label={t("secretariat:fields.venue")} {...form.getInputProps("venue")} />
          <TextInput label={t("secretariat:fields.meetingHost")} {...form.getInputProps("host")} />
          <DateField label={t("secretariat:fields.startDate")} {...form.getInputProps("startDate")} />
          <DateField label={t("secretariat:fields.endDate")} {...form.getInputProps("endDate")} />
          <PrecisionSelect {...form.getInputProps("datePrecision")} />
        </SimpleGrid>
        <TextInput label={t("secretariat:fields.dateNote")} {...form.getInputProps("dateNote")} />
        <Fieldset legend={t("secretariat:fields.participants")} variant="unstyled">
          <Stack gap="xs">
            {attendees.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("secretariat:meetings.noParticipants")}
              </Text>
            ) : null}
            {attendees.map((attendee, index) => (
              <Group key={attendee.key} align="flex-start" gap="xs" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
                  <Select
                    label={t("secretariat:fields.participant")}
                    data={participantOptions}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps(`participants.${index}.participantId`)}
                  />
                  <Select
                    label={t("secretariat:fields.role")}
                    data={roleOptions(t)}
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps(`participants.${index}.role`)}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  onClick={() => form.removeListItem("participants", index)}
                  aria-label={t("secretariat:meetings.removeParticipant", { n: index + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <div>
              <Button
                variant="light"
                size="compact-md"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.insertListItem("participants", newAttendee())}
              >
                {t("secretariat:meetings.addParticipant")}
              </Button>
            </div>
          </Stack>
        </Fieldset>
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          submitLabel={meeting ? t("secretariat:actions.save") : t("secretariat:meetings.createSubmit")}
        />
      </Stack>
    </form>
  );
}
