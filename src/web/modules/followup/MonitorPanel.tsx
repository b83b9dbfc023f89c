import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { nextVerificationStates } from "./access.ts";
import { apiPath, type IncidentFull, useFollowupChange } from "./queries.ts";

/** One decision's outcome under its form: the server's message on a refusal, "Recorded." otherwise. */
function Outcome({ change }: { change: ReturnType<typeof useFollowupChange> }) {
  const { t } = useTranslation("followup");
  if (change.error)
    return (
      <Alert color="red" role="alert">
        {describeError(t, change.error)}
      </Alert>
    );
  if (change.isSuccess)
    return (
      <Text size="sm" c="green.8" role="status">
        {t("incident.done")}
      </Text>
    );
  return null;
}

/** The monitoring team's decisions on a report: move it along the verification (with a reason), declassify it. */
export function MonitorPanel({ incident }: { incident: IncidentFull }) {
  const { t } = useTranslation("followup");
  const verify = useFollowupChange();
  const declassify = useFollowupChange();
  const choices = nextVerificationStates[incident.verification];
  const [state, setState] = useState<string>(choices[0] ?? "");
  const [reason, setReason] = useState("");
  const [summary, setSummary] = useState(incident.summary ?? "");
  const chosen = choices.includes(state as never) ? state : (choices[0] ?? "");
  return (
    <Stack gap="md" className="followup-no-print">
      <Paper
        withBorder
        p="md"
        component="form"
        aria-labelledby="incident-decide"
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          verify.mutate(
            {
              path: apiPath("incidents", incident.id, "verification"),
              body: { state: chosen, ...(reason.trim() ? { reason: reason.trim() } : {}) },
            },
            { onSuccess: () => setReason("") },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="incident-decide">
            {t("incident.decide")}
          </Title>
          <NativeSelect
            label={t("incident.moveTo")}
            value={chosen}
            onChange={(event) => setState(event.currentTarget.value)}
            data={choices.map((value) => ({ value, label: t(`verification.${value}`) }))}
          />
          <Textarea
            label={t("incident.reason")}
            description={t("incident.reasonHint")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Outcome change={verify} />
          <Group>
            <Button type="submit" loading={verify.isPending}>
              {t("incident.apply")}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {incident.verification === "verified" ? (
        <Paper
          withBorder
          p="md"
          component="form"
          aria-labelledby="incident-declassify"
          onSubmit={(event: React.FormEvent) => {
            event.preventDefault();
            declassify.mutate({
              path: apiPath("incidents", incident.id, "declassify"),
              body: { summary: summary.trim() },
            });
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4" id="incident-declassify">
              {t("incident.declassify")}
            </Title>
            <Text size="sm">{t("incident.declassifyHint")}</Text>
            <Textarea
              label={t("incident.summary")}
              value={summary}
              onChange={(event) => setSummary(event.currentTarget.value)}
              autosize
              minRows={2}
              required
            />
            <Outcome change={declassify} />
            <Group>
              <Button type="submit" loading={declassify.isPending} disabled={!summary.trim()}>
                {t("incident.declassifyAction")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** Confirm or reject a suggested link between the report and a commitment it may breach. */
export function LinkDecision({ linkId }: { linkId: string }) {
  const { t } = useTranslation("followup");
  const decide = useFollowupChange();
  const [reason, setReason] = useState("");
  const send = (decision: "confirmed" | "rejected") =>
    decide.mutate({
      path: apiPath("incident-links", linkId, "decision"),
      body: { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
  return (
    <Stack gap={4} className="followup-no-print">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Textarea
          label={t("incident.linkReason")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={1}
          size="xs"
        />
        <Button size="compact-sm" onClick={() => send("confirmed")} loading={decide.isPending}>
          {t("incident.confirm")}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => send("rejected")}
          loading={decide.isPending}
        >
          {t("incident.reject")}
        </Button>
      </Group>
      <Outcome change={decide} />
    </Stack>
  );
}
