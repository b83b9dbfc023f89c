import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type CaseDetail, type CaseStatus, nextStatuses } from "../../../contracts/humanitarian.ts";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { apiPath, useCase, useHumChange } from "./queries.ts";
import { ReadLogPanel } from "./ReadLogPanel.tsx";
import { ArabicName, explain, fullName, PersonTable, StatusBadge, useHumContext } from "./shared.tsx";
import { WithdrawPanel } from "./WithdrawPanel.tsx";
import "./humanitarian.css";

/** The next status, on evidence (the side or the intermediary): only those the case's history allows. */
function StatusForm({ item }: { item: CaseDetail }) {
  const { t } = useTranslation("humanitarian");
  const change = useHumChange();
  const allowed = nextStatuses[item.status];
  const [chosen, setStatus] = useState<CaseStatus | null>(null);
  // After a change the case has moved on: a choice it no longer allows falls back to its first next status.
  const status = chosen && allowed.includes(chosen) ? chosen : (allowed[0] ?? item.status);
  const [evidence, setEvidence] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await change.mutateAsync({
        path: apiPath("humanitarian", "cases", item.id, "status"),
        body: { status, evidence },
      });
      setEvidence("");
      setMessage({ ok: true, text: t("case.statusChanged") });
    } catch (failure) {
      setMessage({ ok: false, text: explain(t, failure) });
    }
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-labelledby="case-status-form"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-status-form">
          {t("case.changeStatus")}
        </Title>
        {message ? (
          <Alert color={message.ok ? "teal" : "red"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </Alert>
        ) : null}
        <NativeSelect
          label={t("cases.status")}
          data={allowed.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as CaseStatus)}
        />
        <Textarea
          label={t("case.evidence")}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={change.isPending} disabled={!evidence.trim()}>
            {t("case.record")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The side that submitted the case, named in the reader's language. */
function SubmittedBy({ processId, participantId }: { processId: string; participantId: string }) {
  const { t } = useTranslation("humanitarian");
  const context = useHumContext(processId);
  return (
    <Text size="sm" data-testid="case-side">
      {t("case.submittedBy", { side: context.nameOf(participantId) })}
    </Text>
  );
}

/** A case: the person's names in both scripts, the status history with evidence, and the forms its readers may use. */
export function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const format = useFormatters();
  const loaded = pageData(useCase(id), t, t("case.title"));
  if ("element" in loaded) return loaded.element;
  const item = loaded.data;
  const title = fullName(item.person.latin) || fullName(item.person.arabic) || t("case.title");
  return (
    <Page
      title={title}
      actions={
        !item.withdrawn && item.can?.update ? (
          <Button
            component={Link}
            to={`/humanitarian/cases/${encodeURIComponent(item.id)}/edit`}
            variant="light"
          >
            {t("caseForm.correct")}
          </Button>
        ) : null
      }
    >
      <Group gap="sm" wrap="wrap">
        <ArabicName parts={item.person.arabic} />
        <StatusBadge status={item.status} />
        <Badge variant="outline">{t(`kind.${item.kind}`)}</Badge>
        <Badge variant="light">{t(`sharing.${item.sharing}`)}</Badge>
        <SubmittedBy processId={item.processId} participantId={item.participantId} />
        {item.openExchangeId ? (
          <Anchor
            component={Link}
            size="sm"
            to={`/humanitarian/exchanges/${encodeURIComponent(item.openExchangeId)}`}
            data-testid="case-exchange"
          >
            {t("case.inExchange")}
          </Anchor>
        ) : null}
      </Group>
      {item.withdrawn ? (
        <Alert color="gray" title={t("withdrawn")}>
          {t("case.withdrawnBecause", {
            reason: item.withdrawn.reason,
            by: item.withdrawn.by,
            at: format.date(item.withdrawn.at),
          })}
        </Alert>
      ) : null}
      <PersonTable person={item.person} />
      <section aria-labelledby="case-history">
        <Title order={2} size="h4" id="case-history" mb="sm">
          {t("case.history")}
        </Title>
        <Timeline active={item.history.length - 1} bulletSize={14}>
          {item.history.map((step) => (
            <Timeline.Item key={step.id} title={t(`status.${step.status}`)}>
              <Text size="sm">{t("case.by", { by: step.byLabel, at: format.dateTime(step.at) })}</Text>
              {step.evidence ? (
                <Text size="sm" dir="auto">
                  {t("case.onEvidence", { evidence: step.evidence })}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </section>
      {!item.withdrawn && item.can?.changeStatus ? <StatusForm item={item} /> : null}
      {!item.withdrawn && item.can?.withdraw ? (
        <WithdrawPanel
          id="case-withdraw"
          title={t("case.withdraw")}
          consequence={t("withdrawPanel.caseConsequence")}
          button={t("case.withdrawButton")}
          path={apiPath("humanitarian", "cases", item.id, "withdraw")}
        />
      ) : null}
      {item.can?.readAudit ? <ReadLogPanel caseId={item.id} /> : null}
    </Page>
  );
}
