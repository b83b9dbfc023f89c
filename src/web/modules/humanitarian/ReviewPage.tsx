import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { QueueProgress } from "./Pictures.tsx";
import { apiPath, type QueueItem, useHumChange, useReviewQueue } from "./queries.ts";
import { RunMatchingForm } from "./RunMatchingForm.tsx";
import { explain, PersonNames, useHumContext, VerdictBadge } from "./shared.tsx";
import "./humanitarian.css";

type Side = QueueItem["left"];

/** The value a field's verdict is about, on one side (names in both scripts, sex in the reader's words). */
function fieldValue(t: TFunction, side: Side, field: string): string {
  const person = side.person;
  if (!person) return "";
  if (field === "sex") return person.sex ? t(`sex.${person.sex}`, { defaultValue: person.sex }) : "";
  if (field === "birth") return person.birthDate ?? (person.birthYear ? String(person.birthYear) : "");
  if (field === "origin") return person.origin ?? "";
  if (field === "kind") return person.kind ? t(`kind.${person.kind}`) : "";
  if (field === "eventDate") return person.eventDate ?? (person.eventYear ? String(person.eventYear) : "");
  if (field === "eventPlace") return person.eventPlace ?? "";
  const part = field as "given";
  return [person.arabic[part], person.latin[part]].filter(Boolean).join(" · ");
}

/** What the reviewer also weighs though the matcher does not score it: the kind, when and where. */
const unscoredFields = ["kind", "eventDate", "eventPlace"] as const;

/** One candidate: both persons side by side, the score, each field's verdict, and the decision. */
function CandidateCard({
  item,
  current,
  index,
  onSelect,
  reasonRef,
  reason,
  setReason,
  decide,
  busy,
  nameOf,
}: {
  item: QueueItem;
  nameOf: (participantId: string | null | undefined) => string;
  current: boolean;
  index: number;
  onSelect: () => void;
  reasonRef: React.RefObject<HTMLInputElement | null>;
  reason: string;
  setReason: (value: string) => void;
  decide: (decision: "confirm" | "reject") => void;
  busy: boolean;
}) {
  const { t } = useTranslation("humanitarian");
  const format = useFormatters();
  const side = (label: string, value: Side) => (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid="candidate-source" dir="auto">
        {value.kind === "case"
          ? t("review.fromCase", { side: nameOf(value.participantId) })
          : t("review.fromList", {
              side: nameOf(value.participantId),
              list: value.listTitle ?? "—",
              row: value.rowNumber ?? "—",
            })}
      </Text>
      <PersonNames
        person={value.person ? { arabic: value.person.arabic, latin: value.person.latin } : null}
      />
    </Stack>
  );
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      className="hum-candidate"
      data-current={current}
      data-testid="candidate"
      aria-current={current ? "true" : undefined}
      aria-labelledby={`candidate-${item.id}`}
      component="article"
      onClick={onSelect}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={`candidate-${item.id}`}>
            {t("review.candidate", { n: index + 1, score: Math.round(item.score * 100) })}
          </Title>
          <Badge
            variant="light"
            color={item.state === "confirmed" ? "green" : item.state === "rejected" ? "red" : "blue"}
          >
            {t(`candidateState.${item.state}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {side(t("review.leftSide"), item.left)}
          {side(t("review.rightSide"), item.right)}
        </SimpleGrid>
        <Table.ScrollContainer minWidth={340}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("person.field")}</Table.Th>
                <Table.Th scope="col">{t("review.leftSide")}</Table.Th>
                <Table.Th scope="col">{t("review.rightSide")}</Table.Th>
                <Table.Th scope="col">{t("review.verdict")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.fields.map((field) => (
                <Table.Tr key={field.field}>
                  <Table.Th scope="row">{t(`person.${field.field}`)}</Table.Th>
                  <Table.Td dir="auto">{fieldValue(t, item.left, field.field)}</Table.Td>
                  <Table.Td dir="auto">{fieldValue(t, item.right, field.field)}</Table.Td>
                  <Table.Td>
                    <VerdictBadge field={field.field} verdict={field.verdict} named={false} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {unscoredFields.map((field) => (
                <Table.Tr key={field} data-testid="unscored-field">
                  <Table.Th scope="row">{t(field === "kind" ? "cases.kind" : `person.${field}`)}</Table.Th>
                  <Table.Td dir="auto">{fieldValue(t, item.left, field) || "—"}</Table.Td>
                  <Table.Td dir="auto">{fieldValue(t, item.right, field) || "—"}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t("review.notScored")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {item.state !== "pending" ? (
          <Text size="sm" dir="auto">
            {t("review.decided", {
              by: item.decidedByLabel ?? "",
              at: item.decidedAt ? format.dateTime(item.decidedAt) : "",
              reason: item.reason ?? "",
            })}
          </Text>
        ) : current && item.can.decide ? (
          <Group align="end" wrap="wrap">
            <TextInput
              ref={reasonRef}
              label={t("review.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button color="green" onClick={() => decide("confirm")} loading={busy} aria-keyshortcuts="c">
              {t("review.confirm")}
            </Button>
            <Button
              color="red"
              variant="light"
              onClick={() => decide("reject")}
              loading={busy}
              aria-keyshortcuts="r"
            >
              {t("review.reject")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The intermediary's review queue: candidates best first; j/k or the arrows move, c confirms and r
 * rejects (with the reason typed in the current candidate's field), and the buttons do the same.
 */
export function ReviewPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const [state, setState] = useState("pending");
  const context = useHumContext(slug);
  const query = useReviewQueue(context.processId, state);
  const change = useHumChange();
  const [position, setPosition] = useState(0);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reasonRef = useRef<HTMLInputElement | null>(null);
  const items = query.data?.items ?? [];
  const current = items[Math.min(position, Math.max(0, items.length - 1))];
  const decide = async (decision: "confirm" | "reject") => {
    if (!current) return;
    if (!reason.trim()) {
      setMessage({ ok: false, text: t("review.sayWhy") });
      reasonRef.current?.focus();
      return;
    }
    try {
      await change.mutateAsync({
        path: apiPath("humanitarian", "candidates", current.id, "decision"),
        body: { decision, reason },
      });
      setReason("");
      setMessage({ ok: true, text: t(decision === "confirm" ? "review.confirmed" : "review.rejected") });
    } catch (failure) {
      setMessage({ ok: false, text: explain(t, failure) });
    }
  };
  const decideRef = useRef(decide);
  decideRef.current = decide;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
      if (typing) {
        if (event.key === "Escape") target.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j" || event.key === "ArrowDown") {
        setPosition((p) => Math.min(p + 1, Math.max(0, items.length - 1)));
        event.preventDefault();
      } else if (event.key === "k" || event.key === "ArrowUp") {
        setPosition((p) => Math.max(p - 1, 0));
        event.preventDefault();
      } else if (event.key === "c") void decideRef.current("confirm");
      else if (event.key === "r") void decideRef.current("reject");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items.length]);
  useEffect(() => {
    if (current) document.getElementById(`candidate-${current.id}`)?.scrollIntoView({ block: "nearest" });
  }, [current]);
  const loaded = pageData(query, t, t("review.title"));
  if ("element" in loaded) return loaded.element;
  const queue = loaded.data;
  return (
    <Page title={t("review.title")}>
      <RunMatchingForm slug={slug} />
      <QueueProgress counts={queue.counts} title={t("pictures.review")} />
      <Text size="sm" c="dimmed" id="review-keys">
        {t("review.keys")}
      </Text>
      <SegmentedControl
        value={state}
        onChange={(value) => {
          setState(value);
          setPosition(0);
        }}
        data={["pending", "confirmed", "rejected"].map((value) => ({
          value,
          label: t(`candidateState.${value}`),
        }))}
        aria-label={t("review.show")}
      />
      {message ? (
        <Alert color={message.ok ? "teal" : "red"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </Alert>
      ) : null}
      {items.length === 0 ? <Text c="dimmed">{t("review.empty")}</Text> : null}
      <Stack gap="md" aria-describedby="review-keys">
        {items.map((item, index) => (
          <CandidateCard
            key={item.id}
            item={item}
            index={index}
            current={item.id === current?.id}
            onSelect={() => setPosition(index)}
            reasonRef={reasonRef}
            reason={reason}
            setReason={setReason}
            decide={decide}
            busy={change.isPending}
            nameOf={context.nameOf}
          />
        ))}
      </Stack>
    </Page>
  );
}
