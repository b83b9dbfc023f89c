import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { describeError } from "../../shell/errors.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { apiPath, type Requests, useProgrammeChange, useRequests } from "./queries.ts";
import { nameIn, withNames } from "./shared.ts";

const preferences = ["must", "would-like", "not-needed"] as const;
const stateColour: Record<string, string> = {
  accepted: "teal",
  declined: "red",
  pending: "orange",
  withdrawn: "gray",
};

/** The form a delegation (or the secretariat, for a note received) files a request with. */
function FileRequestForm({ roundId, data }: { roundId: string; data: Requests }) {
  const { t, i18n } = useTranslation("programme");
  const change = useProgrammeChange();
  const [requesterId, setRequesterId] = useState(data.fileAs[0]?.id ?? "");
  const [inviteeIds, setInviteeIds] = useState<string[]>([]);
  const [duration, setDuration] = useState<number | string>(60);
  const [preference, setPreference] = useState<string>("would-like");
  const [preferredDay, setPreferredDay] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await change.mutateAsync({
        path: apiPath("rounds", roundId, "programme", "requests"),
        body: {
          requesterId,
          inviteeIds,
          durationMinutes: Number(duration),
          preference,
          ...(preferredDay ? { preferredDay } : {}),
        },
      });
      setInviteeIds([]);
      setDone(true);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const others = data.delegations
    .filter((d) => d.id !== requesterId)
    .map((d) => ({ value: d.id, label: nameIn(i18n.language, d) }));
  return (
    <FormPanel id="file-request" title={t("requests.file")} onSubmit={submit} error={error}>
      {done ? (
        <Alert color="teal" role="status">
          {t("requests.filed")}
        </Alert>
      ) : null}
      <NativeSelect
        label={t("requests.from")}
        data={data.fileAs.map((d) => ({ value: d.id, label: nameIn(i18n.language, d) }))}
        value={requesterId}
        onChange={(e) => setRequesterId(e.currentTarget.value)}
      />
      <MultiSelect
        label={t("requests.with")}
        data={others}
        value={inviteeIds}
        onChange={setInviteeIds}
        searchable
        required
      />
      <Group grow wrap="wrap">
        <NumberInput
          label={t("requests.duration")}
          min={5}
          max={480}
          step={15}
          value={duration}
          onChange={setDuration}
        />
        <NativeSelect
          label={t("requests.preference")}
          data={preferences.map((p) => ({ value: p, label: t(`preference.${p}`) }))}
          value={preference}
          onChange={(e) => setPreference(e.currentTarget.value)}
        />
        <TextInput
          label={t("requests.preferredDay")}
          type="date"
          value={preferredDay}
          onChange={(e) => setPreferredDay(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button type="submit" loading={change.isPending} disabled={inviteeIds.length === 0}>
          {t("requests.submit")}
        </Button>
      </Group>
    </FormPanel>
  );
}

/** The round's consultation requests: a delegation's own (file, accept, decline), or all of them for the secretariat. */
export function RequestsPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("programme");
  const query = useRequests(id);
  const change = useProgrammeChange();
  const [error, setError] = useState<string | null>(null);
  const loaded = pageData(query, t, t("requests.title"));
  if ("element" in loaded) return loaded.element;
  const data = loaded.data;
  const names = new Map(data.delegations.map((d) => [d.id, nameIn(i18n.language, d)]));
  const answer = async (requestId: string, value: "accepted" | "declined", asParticipantId: string) => {
    setError(null);
    try {
      await change.mutateAsync({
        path: apiPath("programme", "requests", requestId, "answer"),
        body: { answer: value, asParticipantId },
      });
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  return (
    <Page title={t("requests.title")}>
      {data.fileAs.length > 0 ? <FileRequestForm roundId={id} data={data} /> : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {data.items.length === 0 ? (
        <Text c="dimmed">{t("requests.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Caption>{t("requests.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("requests.from")}</Table.Th>
                <Table.Th scope="col">{t("requests.with")}</Table.Th>
                <Table.Th scope="col">{t("requests.duration")}</Table.Th>
                <Table.Th scope="col">{t("requests.preference")}</Table.Th>
                <Table.Th scope="col">{t("requests.state")}</Table.Th>
                <Table.Th scope="col">{t("grid.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((request) => (
                <Table.Tr key={request.id} data-testid="request-row">
                  <Table.Td>{nameIn(i18n.language, request.requester)}</Table.Td>
                  <Table.Td>
                    {request.invitees.map((invitee) => (
                      <Text key={invitee.id} size="sm">
                        {nameIn(i18n.language, invitee)}: {t(`answer.${invitee.answer}`)}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{t("requests.minutes", { count: request.durationMinutes })}</Table.Td>
                  <Table.Td>{t(`preference.${request.preference}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={stateColour[request.state]}>
                      {t(`requestState.${request.state}`)}
                    </Badge>
                    {request.sessionId ? <Text size="xs">{t("requests.placed")}</Text> : null}
                    {request.unplaced ? (
                      <Text size="xs" c="red.8" dir="auto">
                        {withNames(request.unplaced.message, names)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {request.can.answerAs.map((as) => (
                        <Group key={as} gap={4} wrap="nowrap">
                          {request.can.answerAs.length > 1 ? <Text size="xs">{names.get(as)}</Text> : null}
                          <Button
                            size="compact-xs"
                            onClick={() => answer(request.id, "accepted", as)}
                            aria-label={t("requests.acceptFor", { name: names.get(as) ?? as })}
                          >
                            {t("requests.accept")}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => answer(request.id, "declined", as)}
                            aria-label={t("requests.declineFor", { name: names.get(as) ?? as })}
                          >
                            {t("requests.decline")}
                          </Button>
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
