import { Anchor, Badge, Button, Group, NativeSelect, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { caseKinds, caseStatuses } from "../../../contracts/humanitarian.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { useCases } from "./queries.ts";
import { PersonNames, StatusBadge, useHumContext } from "./shared.tsx";
import "./humanitarian.css";

const pageSize = 100;

/** The cases the reader may read, filtered by kind, status and side. */
export function CasesPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const context = useHumContext(slug);
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState("");
  const [side, setSide] = useState("");
  const [withdrawn, setWithdrawn] = useState("exclude");
  const [offset, setOffset] = useState(0);
  const query = useCases(slug, {
    kind: kind || undefined,
    status: status || undefined,
    delegationId: side || undefined,
    withdrawn,
    limit: pageSize,
    offset,
  });
  const loaded = pageData(query, t, t("cases.title"));
  if ("element" in loaded) return loaded.element;
  const { cases, total } = loaded.data;
  const sides = new Map<string, string>();
  for (const item of cases) sides.set(item.delegationId, context.nameOf(item.participantId));
  if (side && !sides.has(side)) sides.set(side, side);
  const any = { value: "", label: t("cases.any") };
  return (
    <Page
      title={t("cases.title")}
      actions={
        context.mySides.length > 0 ? (
          <Button component={Link} to={`/processes/${encodeURIComponent(slug)}/humanitarian/cases/new`}>
            {t("caseForm.newTitle")}
          </Button>
        ) : null
      }
    >
      <Group gap="sm" wrap="wrap" align="end" role="search" aria-label={t("cases.filters")}>
        <NativeSelect
          label={t("cases.kind")}
          data={[any, ...caseKinds.map((value) => ({ value, label: t(`kind.${value}`) }))]}
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <NativeSelect
          label={t("cases.status")}
          data={[any, ...caseStatuses.map((value) => ({ value, label: t(`status.${value}`) }))]}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <NativeSelect
          label={t("side")}
          data={[any, ...[...sides].map(([value, label]) => ({ value, label }))]}
          value={side}
          onChange={(e) => {
            setSide(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <NativeSelect
          label={t("cases.withdrawn")}
          data={["exclude", "include", "only"].map((value) => ({
            value,
            label: t(`withdrawnFilter.${value}`),
          }))}
          value={withdrawn}
          onChange={(e) => setWithdrawn(e.currentTarget.value)}
        />
      </Group>
      {cases.length === 0 ? (
        <Text c="dimmed">{t("cases.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder>
            <Table.Caption>
              {t("cases.caption", { from: offset + 1, to: offset + cases.length, total })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("person.name")}</Table.Th>
                <Table.Th scope="col">{t("cases.kind")}</Table.Th>
                <Table.Th scope="col">{t("cases.status")}</Table.Th>
                <Table.Th scope="col">{t("side")}</Table.Th>
                <Table.Th scope="col">{t("cases.open")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((item) => (
                <Table.Tr key={item.id} data-testid="case-row">
                  <Table.Td>
                    <PersonNames person={item.person} />
                  </Table.Td>
                  <Table.Td>{t(`kind.${item.kind}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                    {item.withdrawn ? (
                      <Badge ms={4} color="gray" variant="outline">
                        {t("withdrawn")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{context.nameOf(item.participantId)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/humanitarian/cases/${encodeURIComponent(item.id)}`}>
                      {t("cases.openOne")}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <Button
          variant="light"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - pageSize))}
        >
          {t("previous")}
        </Button>
        <Button
          variant="light"
          disabled={offset + pageSize >= total}
          onClick={() => setOffset(offset + pageSize)}
        >
          {t("next")}
        </Button>
      </Group>
    </Page>
  );
}
