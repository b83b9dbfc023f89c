import { Alert, Button, Menu, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import {
  IconCalendarPause,
  IconChevronDown,
  IconCircleCheck,
  IconCircleX,
  IconPencil,
  IconPlayerPlay,
  IconSpeakerphone,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../shell/i18n.ts";
import {
  emptyMultilingual,
  MultilingualField,
  type MultilingualValue,
  missingOriginal,
  multilingualBody,
} from "../../shell/MultilingualField.tsx";
import {
  ActionDialog,
  DateField,
  FormButtons,
  FormError,
  LoadFailure,
  Loading,
  StaleAlert,
} from "./components.tsx";
import { useDays } from "./format.ts";
import { dateOrNull, recordChecks, useRecordForm } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordApi as api, keys, recordKey, useRound } from "./queries.ts";
import { RoundForm } from "./RoundForm.tsx";
import type { ProcessDetail, RoundDetail, RoundSummary } from "./types.ts";

export type RoundAction = "edit" | "announce" | "open" | "conclude" | "postpone" | "cancel";

const actionIcons = {
  edit: IconPencil,
  announce: IconSpeakerphone,
  open: IconPlayerPlay,
  conclude: IconCircleCheck,
  postpone: IconCalendarPause,
  cancel: IconCircleX,
} as const;

/** The actions the server says the reader may take on this round, in the order of its life. */
export function allowedRoundActions(round: RoundSummary): RoundAction[] {
  const order: [RoundAction, boolean][] = [
    ["edit", round.can.update],
    ["announce", round.can.announce],
    ["open", round.can.open],
    ["conclude", round.can.conclude],
    ["postpone", round.can.postpone],
    ["cancel", round.can.cancel],
  ];
  return order.filter(([, allowed]) => allowed).map(([action]) => action);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Loads the round afresh (for a dialog opened from a list, and after a conflict). */
function useFreshRound() {
  const client = useQueryClient();
  return (roundId: string) =>
    client.fetchQuery({
      queryKey: keys.round(roundId),
      queryFn: () => api.get<RoundDetail>(`/api/rounds/${encodeURIComponent(roundId)}`),
      staleTime: 0,
    });
}

type StatusValues = {
  text: MultilingualValue;
  publishedOn: string;
  reason: string;
  startDate: string;
  endDate: string;
};

/**
 * One change of a round's status, with what it needs: the announcement's text and date, the reason
 * of a postponement (and the new dates, if known) or of a cancellation; opening and concluding a
 * session only ask to confirm. Each is sent with the version the dialog loaded.
 */
function StatusForm({
  action,
  round: opened,
  onDone,
  onCancel,
}: {
  action: Exclude<RoundAction, "edit">;
  round: RoundDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(["secretariat", "shell"]);
  const client = useQueryClient();
  const days = useDays();
  const check = recordChecks(t);
  const fresh = useFreshRound();
  const [round, setRound] = useState(opened);
  const [reloading, setReloading] = useState(false);
  const form = useForm<StatusValues>({
    initialValues: {
      text: emptyMultilingual(i18n.language as Locale),
      publishedOn: today(),
      reason: "",
      startDate: "",
      endDate: "",
    },
    validate: {
      text: (value) => (action === "announce" && missingOriginal(value) ? check.required("") : null),
      publishedOn: (value) => (action === "announce" ? check.required(value) : null),
      reason: (value) => (action === "postpone" || action === "cancel" ? check.required(value) : null),
      endDate: (value, values) =>
        action === "postpone" ? check.endNotBeforeStart(values.startDate, value) : null,
    },
  });
  // The server's `can` carries the operation's own preconditions (an announced round needs its dates).
  const missingDates = action === "announce" && !round.can.announce;

  const save = useRecordForm(form, async (values) => {
    const body =
      action === "announce"
        ? { text: multilingualBody(values.text), publishedOn: values.publishedOn }
        : action === "postpone"
          ? {
              reason: values.reason.trim(),
              startDate: dateOrNull(values.startDate),
              endDate: dateOrNull(values.endDate),
            }
          : action === "cancel"
            ? { reason: values.reason.trim() }
            : {};
    const saved = await api.post<RoundDetail>(`/api/rounds/${encodeURIComponent(round.id)}/${action}`, {
      ...body,
      version: round.version,
    });
    client.setQueryData(keys.round(saved.id), saved);
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(t(`secretariat:roundActions.${action}Done`, { number: saved.number }));
    onDone();
  });

  const reload = async () => {
    setReloading(true);
    try {
      setRound(await fresh(round.id));
      save.clear();
    } finally {
      setReloading(false);
    }
  };

  const dates = days.span(round.startDate, round.endDate);
  return (
    <form
      onSubmit={save.onSubmit}
      noValidate
      aria-label={t(`secretariat:roundActions.${action}Title`, { number: round.number })}
    >
      <Stack gap="sm">
        {save.stale ? <StaleAlert onReload={reload} reloading={reloading} /> : null}
        <FormError message={save.error} />
        <Text size="sm">
          {t(`secretariat:roundActions.${action}Explain`, {
            number: round.number,
            dates: dates ?? t("secretariat:rounds.noDates"),
            city: round.city ?? "—",
          })}
        </Text>
        {missingDates ? (
          <Alert color="orange" role="alert">
            {t("secretariat:roundActions.announceNeedsDates")}
          </Alert>
        ) : null}
        {action === "announce" ? (
          <>
            <MultilingualField
              label={t("secretariat:fields.announcementText")}
              description={t("secretariat:fields.announcementTextHelp")}
              required
              autoFocus
              value={form.values.text}
              onChange={(text) => form.setFieldValue("text", text)}
              error={form.errors.text as string | undefined}
            />
            <DateField
              label={t("secretariat:fields.publishedOn")}
              required
              w={{ base: "100%", xs: 220 }}
              {...form.getInputProps("publishedOn")}
            />
          </>
        ) : null}
        {action === "postpone" || action === "cancel" ? (
          <Textarea
            label={t("secretariat:fields.reason")}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps("reason")}
          />
        ) : null}
        {action === "postpone" ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={t("secretariat:fields.newStartDate")} {...form.getInputProps("startDate")} />
            <DateField label={t("secretariat:fields.newEndDate")} {...form.getInputProps("endDate")} />
          </SimpleGrid>
        ) : null}
        <FormButtons
          onCancel={onCancel}
          submitting={save.submitting}
          disabled={missingDates}
          color={action === "cancel" ? "red" : undefined}
          submitLabel={t(`secretariat:roundActions.${action}Submit`)}
        />
      </Stack>
    </form>
  );
}

/**
 * The round for a dialog: the cached one the page shows (or a fresh load from the list of rounds).
 * The form inside keeps the version it first received, so a colleague's save in between is a conflict.
 */
function WithRound({ roundId, children }: { roundId: string; children: (round: RoundDetail) => ReactNode }) {
  const round = useRound(roundId);
  if (round.isPending) return <Loading />;
  if (round.error) return <LoadFailure error={round.error} />;
  return children(round.data);
}

/**
 * The round's actions as buttons (on the round's page) or a menu (in the list of rounds), each in a
 * dialog; only those the server allows are offered.
 */
export function RoundActions({
  round,
  process,
  variant,
}: {
  round: RoundSummary;
  process: ProcessDetail;
  variant: "buttons" | "menu";
}) {
  const { t } = useTranslation("secretariat");
  const [action, setAction] = useState<RoundAction | null>(null);
  const actions = allowedRoundActions(round);
  if (actions.length === 0) return null;
  const close = () => setAction(null);
  const title = action
    ? action === "edit"
      ? t("rounds.editTitle", { number: round.number })
      : t(`roundActions.${action}Title`, { number: round.number })
    : "";

  return (
    <>
      {variant === "buttons" ? (
        <div className="record-actions">
          {actions.map((name) => {
            const Icon = actionIcons[name];
            return (
              <Button
                key={name}
                variant={name === "announce" || name === "open" || name === "conclude" ? "filled" : "default"}
                color={name === "cancel" ? "red" : undefined}
                leftSection={<Icon size={16} aria-hidden />}
                onClick={() => setAction(name)}
              >
                {t(`roundActions.${name}`)}
              </Button>
            );
          })}
        </div>
      ) : (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="default"
              size="compact-sm"
              rightSection={<IconChevronDown size={14} aria-hidden />}
              aria-label={t("rounds.actionsFor", { number: round.number })}
            >
              {t("rounds.actions")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {actions.map((name) => {
              const Icon = actionIcons[name];
              return (
                <Menu.Item
                  key={name}
                  color={name === "cancel" ? "red" : undefined}
                  leftSection={<Icon size={16} aria-hidden />}
                  onClick={() => setAction(name)}
                >
                  {t(`roundActions.${name}`)}
                </Menu.Item>
              );
            })}
          </Menu.Dropdown>
        </Menu>
      )}
      <ActionDialog
        opened={action !== null}
        onClose={close}
        title={title}
        size={action === "edit" ? "xl" : "lg"}
      >
        <WithRound roundId={round.id}>
          {(detail) =>
            action === "edit" ? (
              <RoundForm process={process} round={detail} onDone={close} onCancel={close} />
            ) : action ? (
              <StatusForm action={action} round={detail} onDone={close} onCancel={close} />
            ) : null
          }
        </WithRound>
      </ActionDialog>
    </>
  );
}
