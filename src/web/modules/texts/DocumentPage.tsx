import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { FourColumnPanel } from "./FourColumnPanel.tsx";
import { ExportMenu } from "./io/ExportMenu.tsx";
import { LanguagesPanel } from "./LanguagesPanel.tsx";
import { ParagraphText } from "./ParagraphText.tsx";
import { ProposalForm } from "./ProposalForm.tsx";
import { ProposalList } from "./ProposalList.tsx";
import { exportPath, useDocument, useDocumentChange } from "./queries.ts";
import { RedlinePanel } from "./RedlinePanel.tsx";
import { ViewersBar } from "./ViewersBar.tsx";
import "./texts.css";

/** What a failed change tells the reader: a stale one in words, with the current text already reloaded. */
function useChangeError() {
  const { t } = useTranslation("texts");
  const [message, setMessage] = useState<string | null>(null);
  const report = (error: unknown) => {
    if (error instanceof ApiError && error.code === "stale_version") {
      const current = (error.details as { current?: { version?: number } } | null)?.current?.version;
      setMessage(t("stale", { version: current ?? "?" }));
    } else setMessage(describeError(t, error));
  };
  return { message, report, clear: () => setMessage(null) };
}

/** A negotiated text: the compilation with its brackets, proposals and positions, and what the reader may do next. */
export function DocumentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("texts");
  const query = useDocument(id);
  const change = useDocumentChange(id);
  const failure = useChangeError();
  const [search, setSearch] = useSearchParams();
  const { hash } = useLocation();
  const loadedOnce = query.data !== undefined;
  // A link to a paragraph (`#paragraph-<id>`, e.g. from a commitment made of it) brings it into view and
  // moves the focus there, once the text has loaded.
  useEffect(() => {
    if (!loadedOnce || !hash.startsWith("#paragraph-")) return;
    const target = window.document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }, [loadedOnce, hash]);
  const loaded = pageData(query, t, t("notFoundTitle"));
  if ("element" in loaded) return loaded.element;
  const view = loaded.data;
  const { document, can } = view;
  // The negotiation's views (redline, four columns) are the draft's readers'; a published text shows its words.
  const negotiation = document.status !== "published";
  const tab = search.get("view") ?? "text";
  const baseVersion = document.version;
  const act = async (to: string[], body: Record<string, unknown> = {}, method: "POST" | "PATCH" = "POST") => {
    failure.clear();
    try {
      await change.mutateAsync({ method, to, body: { baseVersion, ...body } });
      return true;
    } catch (error) {
      failure.report(error);
      return false;
    }
  };
  const mine = new Set(view.actingAs.map((p) => p.id));
  const myStances = new Map<string, string>();
  for (const paragraph of view.paragraphs)
    for (const segment of paragraph.segments)
      if (segment.kind === "bracket")
        for (const option of segment.options)
          for (const position of option.positions)
            if (mine.has(position.participant.id)) myStances.set(option.id, position.stance);

  return (
    <Page
      title={document.title}
      actions={
        <Group gap="xs">
          {can.approve ? (
            <Button variant="light" onClick={() => act(["approve"])} loading={change.isPending}>
              {t("actions.approve", { version: baseVersion })}
            </Button>
          ) : null}
          {can.adopt ? <Button onClick={() => act(["adopt"])}>{t("actions.adopt")}</Button> : null}
          {can.publish ? <Button onClick={() => act(["publish"])}>{t("actions.publish")}</Button> : null}
          <Anchor href={exportPath(document.id)} download>
            {t("actions.export")}
          </Anchor>
          <ExportMenu view={view} />
        </Group>
      }
    >
      <Group gap="xs" wrap="wrap">
        <Badge variant="light">{t(`kind.${document.kind}`)}</Badge>
        <Badge
          variant="outline"
          color={document.status === "draft" ? "orange" : "teal"}
          data-testid="document-status"
        >
          {t(`status.${document.status}`)}
        </Badge>
        <Badge variant="outline" color="gray" data-testid="document-version">
          {t("version", { version: document.version })}
        </Badge>
        {document.publishedOn ? (
          <Text size="sm">{t("list.published", { date: document.publishedOn })}</Text>
        ) : null}
        {document.adoptedBy.length > 0 ? (
          <Text size="sm">{t("adoptedBy", { names: document.adoptedBy.map((p) => p.name).join(", ") })}</Text>
        ) : null}
      </Group>
      <ViewersBar documentId={document.id} enabled={document.status === "draft"} />
      {failure.message ? (
        <Alert color="orange" role="alert" withCloseButton onClose={failure.clear} data-testid="change-error">
          {failure.message}
        </Alert>
      ) : null}
      {document.status === "draft" ? (
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" fw={600}>
            {t("rule.title")}
          </Text>
          <Group gap="xs" mt={4}>
            {view.rule.map((member) => (
              <Badge key={member.participant.id} color={member.approved ? "teal" : "gray"} variant="light">
                {member.participant.name}: {member.approved ? t("rule.approved") : t("rule.pending")}
              </Badge>
            ))}
          </Group>
          {view.adoptionBlockers.length > 0 ? (
            <Text size="sm" c="dimmed" mt={4}>
              {view.adoptionBlockers.join(" ")}
            </Text>
          ) : null}
        </Paper>
      ) : null}

      <Tabs
        value={tab}
        onChange={(value) => setSearch(value && value !== "text" ? { view: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="text">{t("views.text")}</Tabs.Tab>
          {negotiation ? <Tabs.Tab value="four">{t("views.four")}</Tabs.Tab> : null}
          {negotiation ? <Tabs.Tab value="redline">{t("views.redline")}</Tabs.Tab> : null}
          <Tabs.Tab value="languages">{t("views.languages")}</Tabs.Tab>
        </Tabs.List>
        {negotiation ? (
          <Tabs.Panel value="four" pt="sm">
            <FourColumnPanel documentId={document.id} />
          </Tabs.Panel>
        ) : null}
        {negotiation ? (
          <Tabs.Panel value="redline" pt="sm">
            <RedlinePanel documentId={document.id} version={document.version} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="languages" pt="sm">
          <LanguagesPanel documentId={document.id} />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Stack gap="xs" component="section" aria-label={t("text")} data-testid="compilation">
            {view.paragraphs.map((paragraph) => (
              <Paper
                key={paragraph.id}
                id={`paragraph-${paragraph.id}`}
                tabIndex={-1}
                className={
                  hash === `#paragraph-${paragraph.id}` ? "texts-paragraph is-linked" : "texts-paragraph"
                }
                withBorder
                p="sm"
                radius="md"
                data-testid="paragraph"
                data-state={paragraph.state}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  {paragraph.kind === "heading" ? (
                    <Title order={2} size="h5" dir="auto">
                      {paragraph.body}
                    </Title>
                  ) : (
                    <ParagraphText
                      paragraph={paragraph}
                      myStances={myStances}
                      onPosition={
                        can.takePosition
                          ? (optionId, stance) => act(["positions"], { optionId, stance })
                          : undefined
                      }
                    />
                  )}
                  <Group gap={4} wrap="nowrap">
                    {paragraph.state !== "draft" ? (
                      <Badge
                        size="sm"
                        variant="dot"
                        color={paragraph.state === "bracketed" ? "orange" : "teal"}
                      >
                        {t(`state.${paragraph.state}`)}
                      </Badge>
                    ) : null}
                    {can.edit && paragraph.state !== "bracketed" ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t("state.set", { number: paragraph.number ?? "" })}
                        value={paragraph.state}
                        onChange={(event) =>
                          act(["paragraphs", paragraph.id, "state"], { state: event.currentTarget.value })
                        }
                        data={["draft", "ad_referendum", "agreed"].map((value) => ({
                          value,
                          label: t(`state.${value}`),
                        }))}
                      />
                    ) : null}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>

          {view.proposals.length > 0 ? <ProposalList view={view} mine={mine} act={act} /> : null}
          {can.propose ? <ProposalForm view={view} act={act} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
