import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { apiPath, type Programme, type SessionView, useJob, useProgrammeChange } from "./queries.ts";
import { clockOf, withNames } from "./shared.ts";

/** Runs the scheduler within a budget, shows its progress, the last run's summary and reasons, and publishes. */
export function SchedulerPanel({ programme, names }: { programme: Programme; names: Map<string, string> }) {
  const { t } = useTranslation("programme");
  const change = useProgrammeChange();
  const [budget, setBudget] = useState<number | string>(10);
  const [error, setError] = useState<string | null>(null);
  const run = programme.lastRun;
  const running = run?.state === "queued" || run?.state === "running";
  const job = useJob(run?.jobId, running);
  const act = async (path: string, body: Record<string, unknown> = {}) => {
    setError(null);
    try {
      await change.mutateAsync({ path, body });
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const base = ["rounds", programme.roundId, "programme"];
  return (
    <Paper withBorder p="md" radius="md" className="programme-no-print" aria-labelledby="scheduler-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="scheduler-title">
          {t("scheduler.title")}
        </Title>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group align="end" wrap="wrap">
          <NumberInput
            label={t("scheduler.budget")}
            min={1}
            max={300}
            value={budget}
            onChange={setBudget}
            w={180}
          />
          <Button
            onClick={() => act(apiPath(...base, "schedule"), { budgetSeconds: Number(budget) || 10 })}
            disabled={running}
            loading={change.isPending && !running}
          >
            {run ? t("scheduler.rerun") : t("scheduler.run")}
          </Button>
          {running ? (
            <Button variant="light" color="red" onClick={() => act(apiPath(...base, "schedule", "cancel"))}>
              {t("scheduler.cancel")}
            </Button>
          ) : null}
          <Button
            variant="outline"
            onClick={() => act(apiPath(...base, "publish"))}
            disabled={programme.sessions.length === 0 || running}
          >
            {t("scheduler.publish")}
          </Button>
        </Group>
        {running ? (
          <Stack gap={4}>
            <Text size="sm" id="scheduler-progress">
              {t("scheduler.running", {
                percent: Math.round((job.data?.progress ?? 0) * 100),
                placed: job.data?.detail.placed ?? 0,
              })}
            </Text>
            <Progress value={(job.data?.progress ?? 0) * 100} aria-labelledby="scheduler-progress" animated />
          </Stack>
        ) : null}
        {run && !running ? (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">
              {run.state === "succeeded"
                ? t("scheduler.summary", {
                    placed: run.placed ?? 0,
                    moved: run.moved ?? 0,
                    unplaced: run.unplaced?.length ?? 0,
                  })
                : t(`scheduler.state.${run.state}`, { defaultValue: run.state })}
            </Text>
            {(run.unplaced ?? []).length > 0 ? (
              <List size="sm" aria-label={t("scheduler.unplaced")}>
                {(run.unplaced ?? []).map((u) => (
                  <List.Item key={u.requestId}>
                    <Text size="sm" span fw={600}>
                      {t(`reason.${u.code}`, { defaultValue: u.code })}:
                    </Text>{" "}
                    <Text size="sm" span dir="auto">
                      {withNames(u.message, names)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A session's actions for the secretariat: lock or unlock, and move by form (a clash is refused with its reason). */
export function SessionActions({ programme, session }: { programme: Programme; session: SessionView }) {
  const { t } = useTranslation("programme");
  const change = useProgrammeChange();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(session.day);
  const [time, setTime] = useState(clockOf(session.startsAt));
  const [room, setRoom] = useState(session.room?.id ?? "");
  const [error, setError] = useState<string | null>(null);
  const offset = session.startsAt.slice(19);
  const move = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await change.mutateAsync({
        method: "PATCH",
        path: apiPath("programme", "sessions", session.id),
        body: {
          startsAt: `${day}T${time}:00${offset}`,
          roomId: room || null,
          expectedUpdatedAt: session.updatedAt,
        },
      });
      setOpen(false);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  return (
    <Group gap="xs" wrap="nowrap" className="programme-no-print">
      <Button
        size="compact-sm"
        variant="light"
        onClick={() =>
          change.mutate({
            path: apiPath("programme", "sessions", session.id, "lock"),
            body: { locked: !session.locked },
          })
        }
      >
        {session.locked ? t("actions.unlock") : t("actions.lock")}
      </Button>
      <Button size="compact-sm" variant="subtle" onClick={() => setOpen(true)} disabled={session.locked}>
        {t("actions.move")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("move.title", { title: session.title })}>
        <form onSubmit={move}>
          <Stack gap="sm">
            {error ? (
              <Alert color="red" role="alert" data-testid="move-error">
                {error}
              </Alert>
            ) : null}
            <NativeSelect
              label={t("move.day")}
              data={programme.days.map((d) => d.date)}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
            />
            <TextInput
              label={t("move.time")}
              type="time"
              step={300}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              required
            />
            <NativeSelect
              label={t("move.room")}
              data={[
                { value: "", label: t("move.noRoom") },
                ...programme.rooms.map((r) => ({ value: r.id, label: `${r.name} (${r.capacity})` })),
              ]}
              value={room}
              onChange={(e) => setRoom(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={change.isPending}>
                {t("move.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
