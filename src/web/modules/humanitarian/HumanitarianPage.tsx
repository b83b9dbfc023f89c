import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatters } from "../../shell/format.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { CaseCountsPicture, ExchangeTimelinePicture, ReviewProgressPicture } from "./Pictures.tsx";
import { useLists } from "./queries.ts";
import { useHumContext } from "./shared.tsx";
import "./humanitarian.css";

/** Where a process's humanitarian working group starts: its pages, the lists the reader may read, its pictures. */
export function HumanitarianPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const format = useFormatters();
  const context = useHumContext(slug);
  const lists = useLists(slug, context.signedIn);
  const loaded = pageData(context.process, t, t("title"));
  if ("element" in loaded) return loaded.element;
  const base = `/processes/${encodeURIComponent(slug)}/humanitarian`;
  return (
    <Page
      title={t("title")}
      actions={
        context.mySides.length > 0 ? (
          <Button component={Link} to={`${base}/lists/new`}>
            {t("lists.upload")}
          </Button>
        ) : null
      }
    >
      <Text>{t("intro")}</Text>
      <Group gap="md" wrap="wrap" component="nav" aria-label={t("title")}>
        {context.signedIn ? (
          <Anchor component={Link} to={`${base}/cases`}>
            {t("cases.title")}
          </Anchor>
        ) : null}
        {context.isIntermediary ? (
          <Anchor component={Link} to={`${base}/review`}>
            {t("review.title")}
          </Anchor>
        ) : null}
        <Anchor component={Link} to={`${base}/exchanges`}>
          {t("exchanges.title")}
        </Anchor>
      </Group>
      {context.signedIn ? (
        <section aria-labelledby="hum-lists">
          <Title order={2} size="h3" id="hum-lists" mb="sm">
            {t("lists.title")}
          </Title>
          {(lists.data?.lists.length ?? 0) === 0 ? (
            <Text c="dimmed">{t("lists.none")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder>
                <Table.Caption>{t("lists.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("lists.name")}</Table.Th>
                    <Table.Th scope="col">{t("side")}</Table.Th>
                    <Table.Th scope="col">{t("lists.rows")}</Table.Th>
                    <Table.Th scope="col">{t("lists.sharing")}</Table.Th>
                    <Table.Th scope="col">{t("lists.submitted")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lists.data?.lists.map((list) => (
                    <Table.Tr key={list.id} data-testid="list-row">
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/humanitarian/lists/${encodeURIComponent(list.id)}`}
                          dir="auto"
                        >
                          {list.title}
                        </Anchor>
                        {list.withdrawn ? (
                          <Badge ms="xs" color="gray" variant="outline">
                            {t("withdrawn")}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{context.nameOf(list.participantId)}</Table.Td>
                      <Table.Td>
                        {t("lists.counts", { imported: list.imported, rejected: list.rejected })}
                      </Table.Td>
                      <Table.Td>{t(`sharing.${list.sharing}`)}</Table.Td>
                      <Table.Td>
                        {list.submittedByLabel} · {format.date(list.createdAt)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: context.isIntermediary ? 2 : 1 }} spacing="lg">
        {context.signedIn ? (
          <Paper withBorder p="md" radius="md">
            <CaseCountsPicture slug={slug} nameOf={context.nameOf} />
          </Paper>
        ) : null}
        {context.isIntermediary ? (
          <Paper withBorder p="md" radius="md">
            <ReviewProgressPicture slug={slug} />
          </Paper>
        ) : null}
      </SimpleGrid>
      <Stack gap="sm">
        <ExchangeTimelinePicture slug={slug} nameOf={context.nameOf} />
      </Stack>
    </Page>
  );
}
