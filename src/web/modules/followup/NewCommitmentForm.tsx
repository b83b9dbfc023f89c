import {
  Anchor,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { commitmentCategories } from "../../../contracts/followup.ts";
import { api } from "../../shell/api.ts";
import { FollowupForm, useFollowupSend } from "./FollowupForm.tsx";
import { apiPath, useZones } from "./queries.ts";

type Rounds = { items: { id: string; number: number; name: string }[] };
type Texts = { items: { id: string; title: string; status: string }[] };
type Compiled = { paragraphs: { id: string; kind: string; number: string | null; body: string }[] };

/** The adopted (or published) texts of a round, and one text's operative paragraphs, as the reader may read them. */
function useAdoptedTexts(roundId: string) {
  return useQuery({
    queryKey: ["followup", "texts-of-round", roundId],
    enabled: Boolean(roundId),
    queryFn: async ({ signal }) =>
      (await api.get<Texts>(apiPath("rounds", roundId, "texts"), { signal })).items.filter(
        (text) => text.status === "adopted" || text.status === "published",
      ),
  });
}
function useOperativeParagraphs(documentId: string) {
  return useQuery({
    queryKey: ["followup", "paragraphs-of-text", documentId],
    enabled: Boolean(documentId),
    queryFn: async ({ signal }) =>
      (await api.get<Compiled>(apiPath("texts", documentId), { signal })).paragraphs.filter(
        (paragraph) => paragraph.kind === "operative",
      ),
  });
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The secretariat's and guarantors' form to record a commitment: from an operative paragraph of an
 * adopted text of the process (round → text → paragraph, whose words it takes unless others are
 * written) or by hand; with its category, who answers for it, by when or how often, its indicators
 * and the zones it covers. The server's refusal (a text not adopted, a bad day) is shown in its words.
 */
export function NewCommitmentForm({ slug }: { slug: string }) {
  const { t } = useTranslation("followup");
  const sending = useFollowupSend();
  const rounds = useQuery({
    queryKey: ["followup", "rounds", slug],
    queryFn: ({ signal }) => api.get<Rounds>(apiPath("processes", slug, "rounds"), { signal }),
  });
  const { i18n } = useTranslation();
  // Who may answer for it: the participants holding a role in the process today.
  const participants = useQuery({
    queryKey: ["followup", "process-roles", slug, i18n.language],
    queryFn: async ({ signal }) => {
      const process = await api.get<{
        roles: {
          participant: { id: string; name: string; localized?: { name?: { text: string } } | null };
        }[];
      }>(apiPath("processes", slug), { signal });
      const unique = new Map(process.roles.map((role) => [role.participant.id, role.participant]));
      return [...unique.values()];
    },
  });
  const zones = useZones(slug);
  const [fromText, setFromText] = useState("text");
  const [roundId, setRoundId] = useState("");
  const [documentId, setDocumentId] = useState("");
  const [paragraphId, setParagraphId] = useState("");
  const [what, setWhat] = useState("");
  const [category, setCategory] = useState<string>("ceasefire");
  const [responsible, setResponsible] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState("");
  const [recurrence, setRecurrence] = useState("");
  const [indicators, setIndicators] = useState("");
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [externalId, setExternalId] = useState("");
  const texts = useAdoptedTexts(fromText === "text" ? roundId : "");
  const paragraphs = useOperativeParagraphs(fromText === "text" ? documentId : "");
  const submit = () =>
    sending.send(
      apiPath("processes", slug, "commitments"),
      {
        ...(what.trim() ? { what: what.trim() } : {}),
        ...(fromText === "text" && documentId ? { documentId } : {}),
        ...(fromText === "text" && paragraphId ? { paragraphId } : {}),
        category,
        responsibleParticipantIds: responsible,
        ...(dueDate.trim() ? { dueDate: dueDate.trim() } : {}),
        ...(recurrence.trim() ? { recurrence: recurrence.trim() } : {}),
        indicators: lines(indicators),
        zoneIds,
        ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
      },
      () => {
        setWhat("");
        setParagraphId("");
        setIndicators("");
        setExternalId("");
      },
    );
  const choose = (label: string) => [{ value: "", label }];
  return (
    <FollowupForm
      id="commitment-new"
      testId="commitment-new"
      title={t("newCommitment.title")}
      sending={sending}
      onSubmit={submit}
      saved={(created) => (
        <>
          {t("newCommitment.created")}{" "}
          <Anchor
            component={Link}
            to={`/processes/${encodeURIComponent(slug)}/commitments/${encodeURIComponent(created)}`}
          >
            {t("newCommitment.open")}
          </Anchor>
        </>
      )}
      submitLabel={t("newCommitment.save")}
    >
      <Radio.Group value={fromText} onChange={setFromText} label={t("newCommitment.source")}>
        <Group gap="md" mt={4}>
          <Radio value="text" label={t("newCommitment.fromText")} />
          <Radio value="hand" label={t("newCommitment.byHand")} />
        </Group>
      </Radio.Group>
      {fromText === "text" ? (
        <Group grow wrap="wrap" align="flex-start">
          <NativeSelect
            label={t("newCommitment.round")}
            value={roundId}
            onChange={(event) => {
              setRoundId(event.currentTarget.value);
              setDocumentId("");
              setParagraphId("");
            }}
            data={[
              ...choose(t("newCommitment.chooseRound")),
              ...[...(rounds.data?.items ?? [])]
                .sort((a, b) => b.number - a.number)
                .map((round) => ({ value: round.id, label: round.name })),
            ]}
          />
          <NativeSelect
            label={t("newCommitment.text")}
            value={documentId}
            disabled={!roundId}
            onChange={(event) => {
              setDocumentId(event.currentTarget.value);
              setParagraphId("");
            }}
            data={[
              ...choose(
                roundId && texts.data?.length === 0
                  ? t("newCommitment.noText")
                  : t("newCommitment.chooseText"),
              ),
              ...(texts.data ?? []).map((text) => ({ value: text.id, label: text.title })),
            ]}
          />
        </Group>
      ) : null}
      {fromText === "text" && documentId ? (
        <NativeSelect
          label={t("newCommitment.paragraph")}
          value={paragraphId}
          onChange={(event) => setParagraphId(event.currentTarget.value)}
          data={[
            ...choose(t("newCommitment.chooseParagraph")),
            ...(paragraphs.data ?? []).map((paragraph) => ({
              value: paragraph.id,
              // The number as the text writes it ("2."), then the paragraph's first words.
              label:
                `${paragraph.number ?? ""} ${paragraph.body.length > 110 ? `${paragraph.body.slice(0, 109)}…` : paragraph.body}`.trim(),
            })),
          ]}
        />
      ) : null}
      <Textarea
        label={t("newCommitment.what")}
        description={fromText === "text" ? t("newCommitment.whatHint") : undefined}
        value={what}
        onChange={(event) => setWhat(event.currentTarget.value)}
        autosize
        minRows={2}
        required={fromText === "hand"}
      />
      <Group grow wrap="wrap" align="flex-start">
        <NativeSelect
          label={t("commitments.category")}
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
          data={commitmentCategories.map((value) => ({ value, label: t(`category.${value}`) }))}
        />
        <MultiSelect
          label={t("commitments.responsible")}
          value={responsible}
          onChange={setResponsible}
          searchable
          data={(participants.data ?? []).map((item) => ({
            value: item.id,
            label: item.localized?.name?.text ?? item.name,
          }))}
        />
      </Group>
      <Group grow wrap="wrap" align="flex-start">
        <TextInput
          label={t("newCommitment.due")}
          value={dueDate}
          onChange={(event) => setDueDate(event.currentTarget.value)}
          placeholder="2025-12-31"
        />
        <TextInput
          label={t("newCommitment.recurrence")}
          value={recurrence}
          onChange={(event) => setRecurrence(event.currentTarget.value)}
        />
      </Group>
      <Textarea
        label={t("commitments.indicators")}
        description={t("newCommitment.indicatorsHint")}
        value={indicators}
        onChange={(event) => setIndicators(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <TextInput
        label={t("newCommitment.externalId")}
        description={t("newCommitment.externalIdHint")}
        value={externalId}
        onChange={(event) => setExternalId(event.currentTarget.value)}
        dir="ltr"
      />
      {(zones.data?.items.length ?? 0) > 0 ? (
        <Checkbox.Group label={t("commitments.zones")} value={zoneIds} onChange={setZoneIds}>
          <Group gap="md" mt={4}>
            {(zones.data?.items ?? []).map((zone) => (
              <Checkbox key={zone.id} value={zone.id} label={zone.name} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : null}
    </FollowupForm>
  );
}
