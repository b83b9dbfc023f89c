import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { inTimeOrder } from "./exchange-order.ts";
import { ExchangeTimelinePicture } from "./Pictures.tsx";
import { apiPath, useExchangeSides, useExchanges, useHumChange } from "./queries.ts";
import { ExchangeText, explain, ratioOf, useHumContext } from "./shared.tsx";
import "./humanitarian.css";

export const exchangeStateColour: Record<string, string> = {
  planned: "blue",
  in_progress: "orange",
  completed: "green",
  cancelled: "gray",
};

/**
 * The sides an exchange may name: the process's parties with their delegations (ids only, from the
 * server), named in the reader's language. A guarantor plans with them without reading any side's list.
 */
function useSides(slug: string, nameOf: (participantId: string) => string) {
  const sides = useExchangeSides(slug, true).data?.sides ?? [];
  return sides.map((side) => ({ value: side.delegationId, label: nameOf(side.participantId) }));
}

/** The intermediary or a guarantor plans an exchange: date, place, intermediary, guarantors, the ratio. */
function PlanForm({ slug }: { slug: string }) {
  const { t } = useTranslation("humanitarian");
  const navigate = useNavigate();
  const context = useHumContext(slug);
  const sides = useSides(slug, context.nameOf);
  const roles = context.process.data?.roles ?? [];
  const intermediaries = roles
    .filter((r) => r.role === "intermediary")
    .map((r) => ({ value: r.participant.id, label: context.nameOf(r.participant.id) }));
  const guarantors = roles
    .filter((r) => r.role === "guarantor")
    .map((r) => ({ value: r.participant.id, label: context.nameOf(r.participant.id) }));
  const change = useHumChange();
  const [on, setOn] = useState("");
  const [place, setPlace] = useState("");
  const [intermediary, setIntermediary] = useState("");
  const [guarantorIds, setGuarantorIds] = useState<string[]>([]);
  const [first, setFirst] = useState("");
  const [second, setSecond] = useState("");
  const [firstReleases, setFirstReleases] = useState<number | string>(5);
  const [secondReleases, setSecondReleases] = useState<number | string>(5);
  const [error, setError] = useState<string | null>(null);
  const firstId = first || sides[0]?.value || "";
  const secondId = second || sides.find((s) => s.value !== firstId)?.value || "";
  const intermediaryId = intermediary || intermediaries[0]?.value || "";
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await change.mutateAsync({
        path: apiPath("processes", slug, "humanitarian", "exchanges"),
        body: {
          on,
          place,
          ...(intermediaryId ? { intermediaryParticipantId: intermediaryId } : {}),
          guarantorParticipantIds: guarantorIds,
          firstDelegationId: firstId,
          secondDelegationId: secondId,
          firstReleases: Number(firstReleases),
          secondReleases: Number(secondReleases),
        },
      });
      navigate(`/humanitarian/exchanges/${encodeURIComponent(String(created.id))}`);
    } catch (failure) {
      setError(explain(t, failure));
    }
  };
  return (
    <FormPanel id="plan-exchange" title={t("exchanges.plan")} onSubmit={submit} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput
          label={t("exchanges.date")}
          type="date"
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t("exchanges.place")}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          required
        />
        <NativeSelect
          label={t("exchanges.intermediary")}
          data={intermediaries}
          value={intermediaryId}
          onChange={(e) => setIntermediary(e.currentTarget.value)}
        />
        <MultiSelect
          label={t("exchanges.guarantors")}
          data={guarantors}
          value={guarantorIds}
          onChange={setGuarantorIds}
        />
        <NativeSelect
          label={t("exchanges.first")}
          data={sides}
          value={firstId}
          onChange={(e) => setFirst(e.currentTarget.value)}
        />
        <NumberInput
          label={t("exchanges.firstReleases")}
          min={1}
          value={firstReleases}
          onChange={setFirstReleases}
        />
        <NativeSelect
          label={t("exchanges.second")}
          data={sides}
          value={secondId}
          onChange={(e) => setSecond(e.currentTarget.value)}
        />
        <NumberInput
          label={t("exchanges.secondReleases")}
          min={1}
          value={secondReleases}
          onChange={setSecondReleases}
        />
      </SimpleGrid>
      <Group>
        <Button
          type="submit"
          loading={change.isPending}
          disabled={!on || !place || !firstId || !secondId || firstId === secondId}
        >
          {t("exchanges.planButton")}
        </Button>
      </Group>
    </FormPanel>
  );
}

/** The exchanges: operations planned here and the record's past exchanges (public aggregates), and the time line. */
export function ExchangesPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const context = useHumContext(slug);
  const loaded = pageData(useExchanges(slug), t, t("exchanges.title"));
  if ("element" in loaded) return loaded.element;
  const { exchanges } = loaded.data;
  const mayPlan = context.isIntermediary || context.mine.some((m) => m.roles.includes("guarantor"));
  return (
    <Page title={t("exchanges.title")}>
      {mayPlan ? <PlanForm slug={slug} /> : null}
      {exchanges.length === 0 ? (
        <Text c="dimmed">{t("exchanges.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder>
            <Table.Caption>{t("exchanges.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("exchanges.date")}</Table.Th>
                <Table.Th scope="col">{t("exchanges.place")}</Table.Th>
                <Table.Th scope="col">{t("exchanges.ratio")}</Table.Th>
                <Table.Th scope="col">{t("exchanges.state")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inTimeOrder(exchanges).map((exchange) => (
                <Table.Tr key={exchange.id} data-testid="exchange-row">
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/humanitarian/exchanges/${encodeURIComponent(exchange.id)}`}
                    >
                      {exchange.on ?? <ExchangeText exchange={exchange} text={exchange.dateNote} />}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ExchangeText exchange={exchange} text={exchange.place} />
                  </Table.Td>
                  <Table.Td>{ratioOf(t, exchange) ?? "—"}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={exchangeStateColour[exchange.state]}>
                      {t(`exchangeState.${exchange.state}`)}
                    </Badge>
                    {exchange.kind === "aggregate" ? (
                      <Badge ms={4} variant="outline">
                        {t("exchanges.aggregate")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ExchangeTimelinePicture slug={slug} nameOf={context.nameOf} />
    </Page>
  );
}
