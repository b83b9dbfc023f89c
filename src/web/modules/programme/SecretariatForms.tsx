import { ActionIcon, Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { apiPath, type Programme, useProgrammeChange } from "./queries.ts";
import { sessionKinds } from "./shared.ts";

// The secretariat's forms for a round's programme on its workspace page: days and hours, rooms, the
// agenda, and the fixed sessions (plenary, press conference), each a shell FormPanel (its heading names
// the form, its refusal is announced above its fields).

/** Sends one of the forms' changes; a refusal is kept, in the reader's language, for the form's panel. */
function useAct() {
  const { t } = useTranslation("programme");
  const change = useProgrammeChange();
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown, method: "POST" | "PUT" | "PATCH" = "POST") => {
    setError(null);
    try {
      await change.mutateAsync({ method, path, body });
      return true;
    } catch (failure) {
      setError(describeError(t, failure));
      return false;
    }
  };
  return { act, error, pending: change.isPending };
}

export function DaysForm({
  programme,
  startDate,
  endDate,
}: {
  programme: Programme;
  startDate: string;
  endDate: string;
}) {
  const { t } = useTranslation("programme");
  const { act, error, pending } = useAct();
  const first = programme.days[0];
  const [from, setFrom] = useState(first?.from ?? "09:00");
  const [to, setTo] = useState(first?.to ?? "18:00");
  const [lunchFrom, setLunchFrom] = useState(first?.breaks[0]?.from ?? "13:00");
  const [lunchTo, setLunchTo] = useState(first?.breaks[0]?.to ?? "14:00");
  const [slot, setSlot] = useState<number | string>(programme.slotMinutes);
  const dates: string[] = [];
  if (startDate && endDate)
    for (
      let d = new Date(`${startDate}T00:00:00Z`);
      d <= new Date(`${endDate}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    )
      dates.push(d.toISOString().slice(0, 10));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void act(
      apiPath("rounds", programme.roundId, "programme", "settings"),
      {
        utcOffset: programme.utcOffset,
        slotMinutes: Number(slot),
        days: dates.map((date) => ({
          date,
          from,
          to,
          breaks: lunchFrom && lunchTo ? [{ from: lunchFrom, to: lunchTo }] : [],
        })),
      },
      "PUT",
    );
  };
  return (
    <FormPanel
      id="programme-days"
      title={t("setup.days", { count: dates.length })}
      onSubmit={submit}
      error={error}
    >
      <Group grow wrap="wrap">
        <TextInput
          type="time"
          label={t("setup.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t("setup.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t("setup.lunchFrom")}
          value={lunchFrom}
          onChange={(e) => setLunchFrom(e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t("setup.lunchTo")}
          value={lunchTo}
          onChange={(e) => setLunchTo(e.currentTarget.value)}
        />
        <NumberInput label={t("setup.slot")} min={5} max={120} step={5} value={slot} onChange={setSlot} />
      </Group>
      <Group>
        <Button type="submit" loading={pending} disabled={dates.length === 0}>
          {t("setup.save")}
        </Button>
      </Group>
    </FormPanel>
  );
}

export function RoomsForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation("programme");
  const { act, error, pending } = useAct();
  const [name, setName] = useState("");
  const [capacity, setCapacity] = useState<number | string>(12);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (
      await act(apiPath("rounds", programme.roundId, "programme", "rooms"), {
        name,
        capacity: Number(capacity),
      })
    )
      setName("");
  };
  return (
    <FormPanel id="programme-rooms" title={t("setup.rooms")} onSubmit={submit} error={error}>
      {programme.rooms.length > 0 ? (
        <Text size="sm">{programme.rooms.map((room) => `${room.name} (${room.capacity})`).join(" · ")}</Text>
      ) : null}
      <Group align="end" wrap="wrap">
        <TextInput
          label={t("setup.roomName")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          dir="auto"
        />
        <NumberInput label={t("setup.capacity")} min={1} value={capacity} onChange={setCapacity} w={140} />
        <Button type="submit" loading={pending}>
          {t("setup.addRoom")}
        </Button>
      </Group>
    </FormPanel>
  );
}

export function AgendaForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation("programme");
  const { act, error, pending } = useAct();
  const [title, setTitle] = useState("");
  const [key, setKey] = useState("");
  const items = programme.agenda;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = key.trim() ? { title, key: key.trim() } : { title };
    if (await act(apiPath("rounds", programme.roundId, "programme", "agenda"), body)) {
      setTitle("");
      setKey("");
    }
  };
  const swap = async (a: number, b: number) => {
    const first = items[a];
    const second = items[b];
    if (!first || !second) return;
    await act(apiPath("programme", "agenda", first.id), { position: second.position }, "PATCH");
    await act(apiPath("programme", "agenda", second.id), { position: first.position }, "PATCH");
  };
  return (
    <FormPanel
      id="programme-agenda-edit"
      title={programme.agendaAdopted ? t("agenda.adopted") : t("agenda.proposed")}
      onSubmit={submit}
      error={error}
    >
      <Stack gap={4} component="ol" style={{ paddingInlineStart: 20, margin: 0 }}>
        {items.map((item, index) => (
          <Group key={item.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" dir="auto">
              {item.title}
              {item.key ? (
                <Text span size="xs" c="dimmed">
                  {" "}
                  · <bdi>{item.key}</bdi>
                </Text>
              ) : null}
            </Text>
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={t("agenda.up", { title: item.title })}
                disabled={index === 0}
                onClick={() => swap(index, index - 1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t("agenda.down", { title: item.title })}
                disabled={index === items.length - 1}
                onClick={() => swap(index, index + 1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Stack>
      <Group align="end" wrap="wrap">
        <TextInput
          label={t("agenda.item")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          dir="auto"
          style={{ flex: 1, minWidth: 220 }}
        />
        <TextInput
          label={t("agenda.key")}
          description={t("agenda.keyHint")}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          maxLength={60}
          dir="ltr"
          w={200}
        />
        <Button type="submit" loading={pending}>
          {t("agenda.propose")}
        </Button>
        <Button
          variant="outline"
          disabled={items.length === 0 || programme.agendaAdopted}
          onClick={() => act(apiPath("rounds", programme.roundId, "programme", "agenda", "adopt"), {})}
        >
          {t("agenda.adopt")}
        </Button>
      </Group>
    </FormPanel>
  );
}

export function SessionForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation("programme");
  const { act, error, pending } = useAct();
  const [kind, setKind] = useState("plenary");
  const [title, setTitle] = useState("");
  const [day, setDay] = useState(programme.days.at(-1)?.date ?? "");
  const [from, setFrom] = useState("15:00");
  const [to, setTo] = useState("16:30");
  const [room, setRoom] = useState("");
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const moment = (time: string) => `${day}T${time}:00${programme.utcOffset}`;
    if (
      await act(apiPath("rounds", programme.roundId, "programme", "sessions"), {
        kind,
        title,
        startsAt: moment(from),
        endsAt: moment(to),
        roomId: room || null,
      })
    )
      setTitle("");
  };
  return (
    <FormPanel id="programme-session" title={t("setup.session")} onSubmit={submit} error={error}>
      <Group grow wrap="wrap">
        <NativeSelect
          label={t("setup.kind")}
          data={sessionKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
        />
        <TextInput
          label={t("setup.sessionTitle")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          dir="auto"
        />
      </Group>
      <Group grow wrap="wrap">
        <NativeSelect
          label={t("move.day")}
          data={programme.days.map((d) => d.date)}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t("setup.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="time"
          label={t("setup.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <NativeSelect
          label={t("move.room")}
          data={[
            { value: "", label: t("move.noRoom") },
            ...programme.rooms.map((r) => ({ value: r.id, label: r.name })),
          ]}
          value={room}
          onChange={(e) => setRoom(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button type="submit" loading={pending} disabled={programme.days.length === 0}>
          {t("setup.addSession")}
        </Button>
      </Group>
    </FormPanel>
  );
}
