import { Button, Paper, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconFlag, IconPlayerPause, IconPlayerPlay, IconRocket } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../shell/i18n.ts";
import { LocalText } from "../../shell/LocalText.tsx";
import {
  emptyMultilingual,
  MultilingualField,
  type MultilingualValue,
  missingOriginal,
  multilingualBody,
} from "../../shell/MultilingualField.tsx";
import type { SectionContexts } from "../../shell/module.ts";
import {
  ActionDialog,
  DateField,
  FormButtons,
  FormError,
  NamesFields,
  ProcessStatusBadge,
  StaleAlert,
} from "./components.tsx";
import { useDays } from "./format.ts";
import { namesInput, namesValues, recordChecks, textOrNull, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey } from "./queries.ts";
import type { ProcessDetail } from "./types.ts";
import { useWorkspaceProcess } from "./Workspace.tsx";

type Transition = "launch" | "suspend" | "conclude" | "resume";
const transitionIcons = {
  launch: IconRocket,
  suspend: IconPlayerPause,
  conclude: IconFlag,
  resume: IconPlayerPlay,
};

function useReloadProcess(slug: string) {
  const client = useQueryClient();
  return () =>
    client.fetchQuery({
      queryKey: keys.process(slug),
      queryFn: () => api.get<ProcessDetail>(`/api/processes/${encodeURIComponent(slug)}`),
      staleTime: 0,
    });
}

function processValues(process: ProcessDetail) {
  return {
    names: namesValues(process.names),
    defaultCity: process.defaultCity ?? "",
    defaultVenue: process.defaultVenue ?? "",
    timezone: process.timezone,
  };
}

/** The process's names, default place and time zone, saved from the version the form opened with. */
function ProcessForm({ process: opened }: { process: ProcessDetail }) {
  const { t } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const reloadProcess = useReloadProcess(opened.slug);
  const [process, setProcess] = useState(opened);
  const [reloading, setReloading] = useState(false);
  const form = useForm({
    initialValues: processValues(process),
    validate: { names: { en: check.nameEn }, timezone: check.required },
  });
  // An untouched form follows the process as it changes; one being edited keeps the version it began from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a newer version arrives
  useEffect(() => {
    if (opened.version > process.version && !form.isDirty()) {
      setProcess(opened);
      form.setValues(processValues(opened));
      form.resetDirty(processValues(opened));
    }
  }, [opened.version]);
  const save = useRecordForm(form, async (values) => {
    const saved = await api.patch<ProcessDetail>(`/api/processes/${encodeURIComponent(process.slug)}`, {
      version: process.version,
      names: namesInput(values.names),
      defaultCity: textOrNull(values.defaultCity),
      defaultVenue: textOrNull(values.defaultVenue),
      timezone: values.timezone.trim(),
    });
    setProcess(saved);
    form.setValues(processValues(saved));
    form.resetDirty(processValues(saved));
    client.setQueryData(keys.process(saved.slug), saved);
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t("secretariat:process.saved"));
  });
  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await reloadProcess();
      setProcess(fresh);
      form.setValues(processValues(fresh));
      form.resetDirty(processValues(fresh));
      form.clearErrors();
      save.clear();
    } finally {
      setReloading(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={save.onSubmit} noValidate aria-label={t("secretariat:process.editTitle")}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("secretariat:process.editTitle")}
          </Title>
          {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
          <FormError message={save.error} />
          <NamesFields getInputProps={form.getInputProps} legend={t("secretariat:fields.processNames")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t("secretariat:fields.defaultCity")} {...form.getInputProps("defaultCity")} />
            <TextInput label={t("secretariat:fields.defaultVenue")} {...form.getInputProps("defaultVenue")} />
            <TextInput
              label={t("secretariat:fields.timezone")}
              description={t("secretariat:fields.timezoneHelp")}
              dir="ltr"
              required
              {...form.getInputProps("timezone")}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={save.submitting} disabled={!process.can.update}>
              {t("secretariat:actions.save")}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** A lifecycle decision: when, who decided or requested it, and its text. */
function DecisionForm({
  transition,
  process: opened,
  onDone,
  onCancel,
}: {
  transition: Transition;
  process: ProcessDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const check = recordChecks(t);
  const reloadProcess = useReloadProcess(opened.slug);
  const [process, setProcess] = useState(opened);
  const [reloading, setReloading] = useState(false);
  const form = useForm({
    initialValues: {
      decidedOn: new Date().toISOString().slice(0, 10),
      decidedBy: "",
      text: emptyMultilingual(i18n.language as Locale),
    },
    validate: {
      decidedOn: check.required,
      decidedBy: check.required,
      text: (value: MultilingualValue) => (missingOriginal(value) ? check.required("") : null),
    },
  });
  const save = useRecordForm(form, async (values) => {
    const saved = await api.post<ProcessDetail>(
      `/api/processes/${encodeURIComponent(process.slug)}/${transition}`,
      {
        decidedOn: values.decidedOn,
        decidedBy: values.decidedBy.trim(),
        text: multilingualBody(values.text),
        version: process.version,
      },
    );
    client.setQueryData(keys.process(saved.slug), saved);
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t(`secretariat:process.${transition}Done`));
    onDone();
  });
  const reload = async () => {
    setReloading(true);
    try {
      setProcess(await reloadProcess());
      save.clear();
    } finally {
      setReloading(false);
    }
  };
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label={t(`secretariat:process.${transition}Title`)}>
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <Text size="sm">{t(`secretariat:process.${transition}Explain`)}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t("secretariat:fields.decidedOn")}
            required
            data-autofocus
            {...form.getInputProps("decidedOn")}
          />
          <TextInput
            label={t("secretariat:fields.decidedBy")}
            description={t("secretariat:fields.decidedByHelp")}
            required
            {...form.getInputProps("decidedBy")}
          />
        </SimpleGrid>
        <MultilingualField
          label={t("secretariat:fields.decisionText")}
          required
          value={form.values.text}
          onChange={(text) => form.setFieldValue("text", text)}
          error={form.errors.text as string | undefined}
        />
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          color={transition === "conclude" ? "red" : undefined}
          submitLabel={t(`secretariat:process.${transition}Submit`)}
        />
      </Stack>
    </form>
  );
}

/** The process's status, the decisions that brought it there, and the ones the secretariat may take next. */
function Lifecycle({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation("secretariat");
  const days = useDays();
  const [transition, setTransition] = useState<Transition | null>(null);
  const allowed = (["launch", "suspend", "conclude", "resume"] as const).filter((name) => process.can[name]);
  const decisions = [...process.decisions].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("process.lifecycle")}
        </Title>
        <div>
          <ProcessStatusBadge status={process.status} />
        </div>
        {decisions.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("process.noDecisions")}
          </Text>
        ) : (
          <Timeline bulletSize={18} lineWidth={2} active={decisions.length - 1}>
            {decisions.map((decision) => (
              <Timeline.Item
                key={decision.id}
                title={t("process.decisionTitle", {
                  kind: t(`process.kind.${decision.kind}`),
                  date: days.day(decision.decidedOn),
                })}
              >
                <Text size="sm" c="dimmed">
                  <LocalText value={decision.localized.decidedBy} />
                </Text>
                <Text size="sm" className="pre-line">
                  <LocalText value={decision.localized.text} />
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {allowed.length > 0 ? (
          <div className="record-actions">
            {allowed.map((name) => {
              const Icon = transitionIcons[name];
              return (
                <Button
                  key={name}
                  variant="default"
                  color={name === "conclude" ? "red" : undefined}
                  leftSection={<Icon size={16} aria-hidden />}
                  onClick={() => setTransition(name)}
                >
                  {t(`process.${name}`)}
                </Button>
              );
            })}
          </div>
        ) : null}
      </Stack>
      <ActionDialog
        opened={transition !== null}
        onClose={() => setTransition(null)}
        title={transition ? t(`process.${transition}Title`) : ""}
      >
        {transition ? (
          <DecisionForm
            transition={transition}
            process={process}
            onDone={() => setTransition(null)}
            onCancel={() => setTransition(null)}
          />
        ) : null}
      </ActionDialog>
    </Paper>
  );
}

/** The workspace's "Process" section: the process itself, its details and its lifecycle. */
export function ProcessSection(context: SectionContexts["workspace"]) {
  const process = useWorkspaceProcess(context.process);
  if (!process) return null;
  return (
    <Stack gap="md">
      <Lifecycle process={process} />
      <ProcessForm process={process} />
    </Stack>
  );
}
