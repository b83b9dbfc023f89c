import { Anchor, Group, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { commitmentCategories, commitmentStatuses } from "../../../contracts/followup.ts";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { BulkStatusForm } from "./BulkStatusForm.tsx";
import { StatusBadge, TrendMark } from "./CommitmentBadges.tsx";
import { NewCommitmentForm } from "./NewCommitmentForm.tsx";
import { useCommitments } from "./queries.ts";
import "./followup.css";

const day = (value: string) => `${value.slice(0, 10)}T12:00:00Z`;

/** The commitment tracker: every commitment the reader may see, its status, trend, due date and category, filtered. */
export function CommitmentsPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("followup");
  const format = useFormatters();
  const query = useCommitments(slug);
  const [status, setStatus] = useState("");
  const [category, setCategory] = useState("");
  const [text, setText] = useState("");
  const loaded = pageData(query, t, t("commitments.title"));
  if ("element" in loaded) return loaded.element;
  const needle = text.trim().toLocaleLowerCase();
  const items = loaded.data.items.filter(
    (item) =>
      (!status || item.status === status) &&
      (!category || item.category === category) &&
      (!needle || item.what.toLocaleLowerCase().includes(needle)),
  );
  const base = `/processes/${encodeURIComponent(slug)}`;
  return (
    <Page
      title={t("commitments.title")}
      actions={
        <Anchor component={Link} to={`${base}/followup`}>
          {t("links.back")}
        </Anchor>
      }
    >
      <Group gap="sm" align="flex-end" wrap="wrap" className="followup-no-print">
        <NativeSelect
          label={t("commitments.filterStatus")}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value)}
          data={[
            { value: "", label: t("commitments.all") },
            ...commitmentStatuses.map((value) => ({ value, label: t(`status.${value}`) })),
          ]}
        />
        <NativeSelect
          label={t("commitments.filterCategory")}
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
          data={[
            { value: "", label: t("commitments.all") },
            ...commitmentCategories.map((value) => ({ value, label: t(`category.${value}`) })),
          ]}
        />
        <TextInput
          label={t("commitments.search")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          type="search"
        />
      </Group>
      <Text size="sm" role="status">
        {t("commitments.count", { count: items.length })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">{t("commitments.none")}</Text>
      ) : (
        <div className="followup-table-scroll">
          <Table striped withTableBorder data-testid="commitment-tracker">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("commitments.what")}</Table.Th>
                <Table.Th scope="col">{t("commitments.status")}</Table.Th>
                <Table.Th scope="col">{t("commitments.trend")}</Table.Th>
                <Table.Th scope="col">{t("commitments.due")}</Table.Th>
                <Table.Th scope="col">{t("commitments.category")}</Table.Th>
                <Table.Th scope="col">{t("commitments.updated")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const last = item.updates.at(-1);
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`${base}/commitments/${encodeURIComponent(item.id)}`}
                        dir="auto"
                      >
                        {item.what}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      <TrendMark trend={item.trend} />
                    </Table.Td>
                    <Table.Td>
                      {item.dueDate
                        ? format.date(day(item.dueDate))
                        : item.recurrence
                          ? t("commitments.recurring", { recurrence: item.recurrence })
                          : "—"}
                    </Table.Td>
                    <Table.Td>{t(`category.${item.category}`)}</Table.Td>
                    <Table.Td>{last ? format.date(day(last.on)) : "—"}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {loaded.data.can.create ? <NewCommitmentForm slug={slug} /> : null}
      {loaded.data.can.update ? <BulkStatusForm slug={slug} /> : null}
    </Page>
  );
}
