import { Alert, Anchor, Badge, Button, Group, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../shell/api.ts";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { apiPath, useList } from "./queries.ts";
import { PersonNames } from "./shared.tsx";
import { WithdrawPanel } from "./WithdrawPanel.tsx";
import "./humanitarian.css";

const pageSize = 100;

/** One list and its rows, as the reader's tier allows (the other side gets "not found", and it is audited). */
export function ListPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const format = useFormatters();
  const [offset, setOffset] = useState(0);
  const query = useList(id, offset);
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Page title={t("lists.one")}>
        <Alert color="red" role="alert" title={t("lists.refusedTitle")}>
          {t("lists.refused")}
        </Alert>
      </Page>
    );
  const loaded = pageData(query, t, t("lists.one"));
  if ("element" in loaded) return loaded.element;
  const list = loaded.data;
  return (
    <Page title={list.title}>
      <Group gap="sm" wrap="wrap">
        <Badge variant="light">{t(`sharing.${list.sharing}`)}</Badge>
        {list.withdrawn ? <Badge color="gray">{t("withdrawn")}</Badge> : null}
        <Text size="sm">
          {t("lists.about", {
            file: list.fileName,
            format: list.format.toUpperCase(),
            encoding: list.encoding,
            by: list.submittedByLabel,
            at: format.date(list.createdAt),
          })}
        </Text>
      </Group>
      {list.withdrawn ? (
        <Alert color="gray" title={t("withdrawn")} data-testid="list-withdrawn">
          {t("case.withdrawnBecause", {
            reason: list.withdrawn.reason,
            by: list.withdrawn.by,
            at: format.date(list.withdrawn.at),
          })}
        </Alert>
      ) : null}
      <Text>{t("lists.counts", { imported: list.imported, rejected: list.rejected })}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder>
          <Table.Caption>
            {t("lists.rowsCaption", {
              from: offset + 1,
              to: offset + list.entries.length,
              total: list.total,
            })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("upload.row")}</Table.Th>
              <Table.Th scope="col">{t("person.name")}</Table.Th>
              <Table.Th scope="col">{t("person.birth")}</Table.Th>
              <Table.Th scope="col">{t("cases.kind")}</Table.Th>
              <Table.Th scope="col">{t("lists.case")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.entries.map((entry) => (
              <Table.Tr key={entry.id} data-testid="entry-row">
                <Table.Td>{entry.rowNumber}</Table.Td>
                <Table.Td>
                  <PersonNames person={entry.person} />
                  {entry.withdrawn ? (
                    <Badge size="xs" color="gray" variant="outline" me={4}>
                      {t("withdrawn")}
                    </Badge>
                  ) : null}
                  {entry.flags.map((flag) => (
                    <Badge key={`${flag.field}-${flag.code}`} size="xs" color="yellow" variant="light" me={4}>
                      {t(`column.${flag.field}`, { defaultValue: flag.field })}:{" "}
                      {t(`finding.${flag.code}`, { defaultValue: flag.code })}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{entry.person.birthDate ?? entry.person.birthYear ?? "—"}</Table.Td>
                <Table.Td>{t(`kind.${entry.kind}`)}</Table.Td>
                <Table.Td>
                  {entry.caseId ? (
                    <Anchor component={Link} to={`/humanitarian/cases/${encodeURIComponent(entry.caseId)}`}>
                      {t("lists.openCase")}
                    </Anchor>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
          disabled={offset + pageSize >= list.total}
          onClick={() => setOffset(offset + pageSize)}
        >
          {t("next")}
        </Button>
      </Group>
      {list.can?.withdraw ? (
        <WithdrawPanel
          id="list-withdraw"
          title={t("withdrawPanel.listTitle")}
          consequence={t("withdrawPanel.listConsequence", { count: list.imported })}
          button={t("withdrawPanel.listButton")}
          path={apiPath("humanitarian", "lists", list.id, "withdraw")}
        />
      ) : null}
    </Page>
  );
}
