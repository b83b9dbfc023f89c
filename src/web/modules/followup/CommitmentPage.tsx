import {
  Anchor,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { commitmentStatuses } from "../../../contracts/followup.ts";
import { useFormatters } from "../../shell/format.ts";
import { LocalText } from "../../shell/LocalText.tsx";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { StatusBadge, TrendMark } from "./CommitmentBadges.tsx";
import { FollowupForm, useFollowupSend } from "./FollowupForm.tsx";
import {
  apiPath,
  type Commitment,
  useCommitment,
  useCommitments,
  useParticipantNames,
  useZones,
} from "./queries.ts";
import "./followup.css";
import { useSlugAddress } from "./canonical.ts";

const day = (value: string) => `${value.slice(0, 10)}T12:00:00Z`;

/** The form to record a commitment's new status with its evidence and a source (secretariat, guarantors, monitors). */
function MarkStatusForm({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation("followup");
  const sending = useFollowupSend();
  const [status, setStatus] = useState<string>(commitment.status);
  const [evidence, setEvidence] = useState("");
  const [on, setOn] = useState("");
  const [source, setSource] = useState("");
  const submit = () =>
    sending.send(
      apiPath("commitments", commitment.id, "updates"),
      {
        status,
        ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
        ...(on.trim() ? { on: on.trim() } : {}),
        sources: source.trim() ? [{ url: source.trim() }] : [],
      },
      () => {
        setEvidence("");
        setSource("");
      },
    );
  return (
    <FollowupForm
      id="commitment-mark"
      title={t("commitments.mark")}
      sending={sending}
      onSubmit={submit}
      saved={() => t("commitments.saved")}
      submitLabel={t("commitments.save")}
    >
      <NativeSelect
        label={t("commitments.newStatus")}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value)}
        data={commitmentStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
      />
      <Textarea
        label={t("commitments.evidence")}
        value={evidence}
        onChange={(event) => setEvidence(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group grow wrap="wrap">
        <TextInput
          label={t("commitments.date")}
          value={on}
          onChange={(event) => setOn(event.currentTarget.value)}
          placeholder="2025-03-31"
        />
        <TextInput
          label={t("commitments.sourceUrl")}
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
          type="url"
        />
      </Group>
    </FollowupForm>
  );
}

/** One commitment: what, who, by when, its indicators, its status history with evidence and sources. */
export function CommitmentPage() {
  const { slug = "", id = "" } = useParams();
  useSlugAddress(slug);
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const query = useCommitment(id);
  const list = useCommitments(slug);
  const zones = useZones(slug);
  const people = useParticipantNames();
  const loaded = pageData(query, t, t("commitments.title"));
  if ("element" in loaded) return loaded.element;
  const commitment = loaded.data;
  const participants = new Map((people.data?.items ?? []).map((item) => [item.id, item]));
  const zoneNames = new Map((zones.data?.items ?? []).map((zone) => [zone.id, zone.name]));
  // Who recorded each update is shown to the process's delegations only (the server leaves it out otherwise).
  const showBy = commitment.updates.some((update) => update.by !== null);
  return (
    <Page
      title={commitment.what}
      actions={
        <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/commitments`}>
          {t("commitments.title")}
        </Anchor>
      }
    >
      <Group gap="md" wrap="wrap">
        <StatusBadge status={commitment.status} />
        <TrendMark trend={commitment.trend} />
        <Text size="sm">
          {t("commitments.category")}: {t(`category.${commitment.category}`)}
        </Text>
        <Text size="sm">
          {t("commitments.due")}:{" "}
          {commitment.dueDate
            ? format.date(day(commitment.dueDate))
            : commitment.recurrence
              ? t("commitments.recurring", { recurrence: commitment.recurrence })
              : "—"}
        </Text>
      </Group>
      {commitment.paragraph ? (
        <Text size="sm" data-testid="commitment-source">
          {t("commitments.fromParagraph")}{" "}
          <Anchor
            component={Link}
            to={`/texts/${encodeURIComponent(commitment.paragraph.documentId)}#paragraph-${encodeURIComponent(commitment.paragraphId ?? "")}`}
            dir="auto"
          >
            {commitment.paragraph.number
              ? t("commitments.paragraphOf", {
                  // Numbered as the text writes it ("2."); the sentence gives its own punctuation.
                  number: commitment.paragraph.number.replace(/\.$/, ""),
                  title: commitment.paragraph.title,
                })
              : commitment.paragraph.title}
          </Anchor>
        </Text>
      ) : commitment.documentId ? (
        <Text size="sm" c="dimmed" data-testid="commitment-source">
          {t("commitments.fromUnreadText")}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="commitment-facts">
        <div>
          <Text size="xs" c="dimmed">
            {t("commitments.responsible")}
          </Text>
          <Text size="sm" component="div">
            {commitment.responsibleParticipantIds.length === 0
              ? "—"
              : commitment.responsibleParticipantIds.map((participantId, index) => {
                  const participant = participants.get(participantId);
                  return (
                    <span key={participantId}>
                      {index > 0 ? ", " : null}
                      {participant ? (
                        <LocalText value={participant.localized?.name} fallback={participant.name} />
                      ) : (
                        participantId
                      )}
                    </span>
                  );
                })}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t("commitments.zones")}
          </Text>
          <Text size="sm" component="div">
            {commitment.zoneIds.length === 0
              ? "—"
              : commitment.zoneIds.map((zoneId, index) => (
                  <span key={zoneId}>
                    {index > 0 ? ", " : null}
                    <Anchor
                      component={Link}
                      to={`/processes/${encodeURIComponent(slug)}/zones/${encodeURIComponent(zoneId)}`}
                      size="sm"
                      dir="auto"
                    >
                      {zoneNames.get(zoneId) ?? zoneId}
                    </Anchor>
                  </span>
                ))}
          </Text>
        </div>
      </SimpleGrid>
      {commitment.indicators.length > 0 ? (
        <section aria-labelledby="commitment-indicators">
          <Title order={2} size="h4" id="commitment-indicators" mb="xs">
            {t("commitments.indicators")}
          </Title>
          <List>
            {commitment.indicators.map((indicator) => (
              <List.Item key={indicator}>
                <Text span dir="auto">
                  {indicator}
                </Text>
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
      <section aria-labelledby="commitment-history">
        <Title order={2} size="h4" id="commitment-history" mb="xs">
          {t("commitments.history")}
        </Title>
        <div className="followup-table-scroll">
          <Table withTableBorder data-testid="commitment-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("commitments.on")}</Table.Th>
                <Table.Th scope="col">{t("commitments.status")}</Table.Th>
                <Table.Th scope="col">{t("commitments.evidence")}</Table.Th>
                <Table.Th scope="col">{t("commitments.sources")}</Table.Th>
                {showBy ? <Table.Th scope="col">{t("commitments.by")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...commitment.updates].reverse().map((update) => (
                <Table.Tr key={`${update.on}-${update.status}-${update.by}-${update.evidence ?? ""}`}>
                  <Table.Td>{format.date(day(update.on))}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={update.status} />
                  </Table.Td>
                  <Table.Td dir="auto">{update.evidence ?? "—"}</Table.Td>
                  <Table.Td>
                    {update.sources.map((source) => (
                      <Anchor
                        key={source.url}
                        href={source.url}
                        size="sm"
                        display="block"
                        rel="noreferrer"
                        dir="auto"
                      >
                        {source.title ?? source.url}
                      </Anchor>
                    ))}
                  </Table.Td>
                  {showBy ? <Table.Td dir="auto">{update.by ?? "—"}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
      {list.data?.can.update ? <MarkStatusForm commitment={commitment} /> : null}
    </Page>
  );
}
