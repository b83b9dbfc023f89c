import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type ExchangeDetail, nextStatuses } from "../../../contracts/humanitarian.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { useFormatters } from "../../shell/format.ts";
import { InEnglish } from "../../shell/LocalText.tsx";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { exchangeStateColour } from "./ExchangesPage.tsx";
import { apiPath, useCases, useExchange, useHumChange } from "./queries.ts";
import { explain, fullName, PersonNames, ratioOf, StatusBadge, sideName, useHumContext } from "./shared.tsx";
import "./humanitarian.css";

/** Adds a person (a case of one of the two sides, not yet in the exchange) that a side releases. */
function AddPersonForm({
  exchange,
  onError,
  nameOf,
}: {
  exchange: ExchangeDetail;
  onError: (text: string | null) => void;
  nameOf: (participantId: string) => string;
}) {
  const { t } = useTranslation("humanitarian");
  const change = useHumChange();
  const sides = [exchange.first, exchange.second].filter((side) => side.delegationId);
  const [releasing, setReleasing] = useState(sides[0]?.delegationId ?? "");
  const cases = useCases(exchange.processId, { limit: 500 }).data?.cases ?? [];
  const taken = new Set(exchange.people.filter((p) => !p.withdrawn).map((p) => p.caseId));
  // A side releases the people it holds: the other side's cases, free (in no other open exchange) and
  // in a status from which a release may be recorded.
  const held = cases.filter(
    (c) =>
      !c.withdrawn &&
      !taken.has(c.id) &&
      !c.openExchangeId &&
      nextStatuses[c.status].includes("released") &&
      c.delegationId !== releasing &&
      sides.some((s) => s.delegationId === c.delegationId),
  );
  const [caseId, setCaseId] = useState("");
  const chosen = caseId && held.some((c) => c.id === caseId) ? caseId : (held[0]?.id ?? "");
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    onError(null);
    try {
      await change.mutateAsync({
        path: apiPath("humanitarian", "exchanges", exchange.id, "people"),
        body: { caseId: chosen, releasingDelegationId: releasing },
      });
    } catch (failure) {
      onError(explain(t, failure));
    }
  };
  return (
    <FormPanel id="add-person" title={t("exchange.add")} onSubmit={submit}>
      <Group grow wrap="wrap" align="end">
        <NativeSelect
          label={t("exchange.releasedBy")}
          data={sides.map((side, index) => ({
            value: side.delegationId ?? "",
            label: sideName(t, side, nameOf, index === 0 ? "first" : "second"),
          }))}
          value={releasing}
          onChange={(e) => setReleasing(e.currentTarget.value)}
        />
        <NativeSelect
          label={t("exchange.person")}
          data={held.map((c) => ({
            value: c.id,
            label: fullName(c.person.latin) || fullName(c.person.arabic) || c.id,
          }))}
          value={chosen}
          onChange={(e) => setCaseId(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <Button type="submit" loading={change.isPending} disabled={!chosen || !releasing}>
          {t("exchange.addButton")}
        </Button>
      </Group>
    </FormPanel>
  );
}

/**
 * What the record's sources say about a past exchange beyond its numbers: where they disagree or leave
 * it uncertain, and how the counts were taken (in the sources' words, English), so no doubt is hidden.
 */
function RecordNotes({ exchange }: { exchange: ExchangeDetail }) {
  const { t } = useTranslation("humanitarian");
  if (exchange.kind !== "aggregate" || (exchange.conflicts.length === 0 && !exchange.note)) return null;
  return (
    <section aria-labelledby="exchange-doubts">
      <Title order={2} size="h4" id="exchange-doubts" mb="xs">
        {t("exchange.doubts", { count: exchange.conflicts.length })}
      </Title>
      {exchange.conflicts.length > 0 ? (
        <List size="sm" data-testid="exchange-conflicts" spacing={4}>
          {exchange.conflicts.map((conflict) => (
            <List.Item key={conflict.text}>
              <InEnglish text={conflict.text} />
            </List.Item>
          ))}
        </List>
      ) : null}
      {exchange.note ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t("exchange.countsNote")} <InEnglish text={exchange.note} />
        </Text>
      ) : null}
    </section>
  );
}

/**
 * One exchange: its terms, the people each side releases with the intermediary's confirmation of each,
 * and completing it (every case released together or none: the server's refusal is shown as it says).
 */
export function ExchangePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const format = useFormatters();
  const change = useHumChange();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const query = useExchange(id);
  const context = useHumContext(query.data?.processId ?? "");
  const loaded = pageData(query, t, t("exchange.title"));
  if ("element" in loaded) return loaded.element;
  const exchange = loaded.data;
  const act = async (path: string, body: unknown, success: string) => {
    setError(null);
    setDone(null);
    try {
      await change.mutateAsync({ path, body });
      setDone(success);
    } catch (failure) {
      setError(explain(t, failure));
    }
  };
  const open = exchange.state === "planned" || exchange.state === "in_progress";
  const people = exchange.people.filter((p) => !p.withdrawn);
  const confirmed = people.filter((p) => p.confirmedAt).length;
  const sides = [exchange.first, exchange.second];
  const sideLabel = (delegationId: string) => {
    const index = sides.findIndex((side) => side.delegationId === delegationId);
    const side = sides[index];
    return side ? sideName(t, side, context.nameOf, index === 0 ? "first" : "second") : delegationId;
  };
  const ratio = ratioOf(t, exchange);
  const title = t("exchange.heading", {
    on: exchange.on ?? exchange.dateNote ?? "",
    place: exchange.place ?? "",
  });
  return (
    <Page title={title}>
      <Group gap="sm" wrap="wrap">
        <Badge variant="light" color={exchangeStateColour[exchange.state]}>
          {t(`exchangeState.${exchange.state}`)}
        </Badge>
        {ratio ? <Badge variant="outline">{t("exchange.ratio", { ratio })}</Badge> : null}
        {exchange.intermediary.name ? (
          <Text size="sm">{t("exchange.via", { name: exchange.intermediary.name })}</Text>
        ) : null}
      </Group>
      {exchange.kind === "aggregate" ? <Text>{t("exchange.aggregateNote")}</Text> : null}
      {sides.map((side, index) => (
        <Text key={side.delegationId ?? index} size="sm">
          {t("exchange.sideLine", {
            side: sideName(t, side, context.nameOf, index === 0 ? "first" : "second"),
            agreed: side.releases ?? "?",
            added: side.added,
            confirmed: side.confirmed,
          })}
        </Text>
      ))}
      {exchange.sources.length > 0 ? (
        <Group gap="sm">
          <Text size="sm">{t("exchanges.sources")}:</Text>
          {exchange.sources.map((source, index) => (
            <Anchor key={source.url} href={source.url} target="_blank" rel="noreferrer" size="sm">
              {source.title ?? t("exchanges.source", { n: index + 1 })}
            </Anchor>
          ))}
        </Group>
      ) : null}
      <RecordNotes exchange={exchange} />
      {error ? (
        <Alert color="red" role="alert" title={t("exchange.refused")}>
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      ) : null}
      {exchange.kind === "operation" ? (
        <section aria-labelledby="exchange-people">
          <Title order={2} size="h4" id="exchange-people" mb="sm">
            {t("exchange.people")}
          </Title>
          <Text size="sm" id="release-progress">
            {t("exchange.confirmedOf", { confirmed, total: people.length })}
          </Text>
          <Progress
            value={people.length ? (confirmed / people.length) * 100 : 0}
            aria-labelledby="release-progress"
            mb="sm"
          />
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("person.name")}</Table.Th>
                  <Table.Th scope="col">{t("exchange.releasedBy")}</Table.Th>
                  <Table.Th scope="col">{t("cases.status")}</Table.Th>
                  <Table.Th scope="col">{t("exchange.release")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((person) => (
                  <Table.Tr key={person.id} data-testid="exchange-person">
                    <Table.Td>
                      <PersonNames person={person.person} />
                      <Anchor
                        component={Link}
                        size="xs"
                        to={`/humanitarian/cases/${encodeURIComponent(person.caseId)}`}
                      >
                        {t("lists.openCase")}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{sideLabel(person.releasingDelegationId)}</Table.Td>
                    <Table.Td>
                      {person.caseStatus ? <StatusBadge status={person.caseStatus} /> : "—"}
                    </Table.Td>
                    <Table.Td>
                      {person.confirmedAt ? (
                        <Text size="sm">
                          {t("exchange.confirmedBy", {
                            by: person.confirmedByLabel ?? "",
                            at: format.dateTime(person.confirmedAt),
                          })}
                        </Text>
                      ) : exchange.can?.confirm && open ? (
                        <Button
                          size="compact-sm"
                          onClick={() =>
                            act(
                              apiPath("humanitarian", "exchange-people", person.id, "confirm"),
                              {},
                              t("exchange.releaseConfirmed"),
                            )
                          }
                          aria-label={t("exchange.confirmFor", {
                            name:
                              fullName(person.person?.latin) ||
                              fullName(person.person?.arabic) ||
                              person.caseId,
                          })}
                        >
                          {t("exchange.confirm")}
                        </Button>
                      ) : (
                        t("exchange.notYet")
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ) : null}
      {open && exchange.can?.addPeople ? (
        <AddPersonForm exchange={exchange} onError={setError} nameOf={context.nameOf} />
      ) : null}
      {open && exchange.can?.complete ? (
        <Group>
          <Button
            color="green"
            onClick={() =>
              act(apiPath("humanitarian", "exchanges", exchange.id, "complete"), {}, t("exchange.completed"))
            }
            loading={change.isPending}
          >
            {t("exchange.complete")}
          </Button>
        </Group>
      ) : null}
      {open && exchange.can?.cancel ? (
        <Paper withBorder p="md" radius="md" aria-labelledby="cancel-exchange">
          <Stack gap="sm">
            <Title order={2} size="h4" id="cancel-exchange">
              {t("exchange.cancel")}
            </Title>
            <Textarea
              label={t("case.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button
                color="red"
                variant="light"
                disabled={!reason.trim()}
                onClick={() =>
                  act(
                    apiPath("humanitarian", "exchanges", exchange.id, "cancel"),
                    { reason },
                    t("exchange.cancelled"),
                  )
                }
              >
                {t("exchange.cancelButton")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Page>
  );
}
