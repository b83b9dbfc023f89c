import { Alert, Badge, Button, Loader, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { ParagraphText } from "./ParagraphText.tsx";
import { type FourColumnView, useFourColumns, useParagraphChange } from "./queries-views.ts";

type Row = FourColumnView["rows"][number];
const noStances = new Map<string, string>();

/** A short form behind a button: a comment, or the pen-holder's compromise wording. */
function InlineForm({
  label,
  submit,
  onSubmit,
}: {
  label: string;
  submit: string;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const done = await onSubmit(text);
        setBusy(false);
        if (done) {
          setText("");
          setOpen(false);
        }
      }}
    >
      <Textarea
        label={label}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
        dir="auto"
        required
      />
      <Button type="submit" size="compact-sm" mt={4} loading={busy}>
        {submit}
      </Button>
    </form>
  );
}

/** One paragraph's four columns: the text, its proposals, the compromise, the comments. */
function FourColumnRow({
  row,
  can,
  act,
}: {
  row: Row;
  can: FourColumnView["can"];
  act: (to: string, body: Record<string, unknown>) => Promise<boolean>;
}) {
  const { t } = useTranslation("texts");
  const name = row.paragraph.number ?? t(`paragraphKind.${row.paragraph.kind}`);
  const column = (title: string, children: React.ReactNode) => (
    <div className="texts-four-cell">
      <Title order={3} size="h6" c="dimmed">
        {title}
      </Title>
      {children}
    </div>
  );
  return (
    <Paper
      component="section"
      withBorder
      p="sm"
      radius="md"
      aria-label={t("four.paragraph", { name })}
      data-testid="four-row"
      className="texts-four-row"
    >
      {column(
        t("four.text"),
        <ParagraphText paragraph={{ ...row.paragraph, revisedInVersion: 0 }} myStances={noStances} />,
      )}
      {column(
        t("four.proposals"),
        row.proposals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("four.noProposals")}
          </Text>
        ) : (
          <Stack gap={6}>
            {row.proposals.map((proposal) => (
              <div key={proposal.id} data-testid="four-proposal">
                <Text size="sm">
                  <b>{proposal.author.name}</b> · {t(`proposalKind.${proposal.kind}`)}{" "}
                  <Badge size="xs" variant="light">
                    {t(`proposalState.${proposal.state}`)}
                  </Badge>
                </Text>
                {proposal.text ? (
                  <Text size="sm" dir="auto">
                    “{proposal.text}”
                  </Text>
                ) : null}
                {proposal.rationale ? (
                  <Text size="xs" c="dimmed" dir="auto">
                    {proposal.rationale}
                  </Text>
                ) : null}
              </div>
            ))}
          </Stack>
        ),
      )}
      {column(
        t("four.compromise"),
        <Stack gap={6}>
          {row.compromise ? (
            <div data-testid="four-compromise">
              <Text size="sm" dir="auto">
                {row.compromise.body}
              </Text>
              {row.compromise.note ? (
                <Text size="xs" c="dimmed" dir="auto">
                  {row.compromise.note}
                </Text>
              ) : null}
            </div>
          ) : (
            <Text size="sm" c="dimmed">
              {t("four.noCompromise")}
            </Text>
          )}
          {can.compromise ? (
            <InlineForm
              label={t("four.writeCompromise")}
              submit={t("four.save")}
              onSubmit={(body) => act("compromise", { body })}
            />
          ) : null}
        </Stack>,
      )}
      {column(
        t("four.comments"),
        <Stack gap={6}>
          {row.comments.map((comment) => (
            <div key={comment.id} data-testid="four-comment">
              <Text size="xs" fw={600}>
                {comment.author.name} · {comment.person}
              </Text>
              <Text size="sm" dir="auto">
                {comment.body}
              </Text>
            </div>
          ))}
          {can.comment ? (
            <InlineForm
              label={t("four.comment")}
              submit={t("four.send")}
              onSubmit={(body) => act("comments", { body })}
            />
          ) : null}
        </Stack>,
      )}
    </Paper>
  );
}

/** The trilogue layout of the draft: each paragraph with its text, proposals, compromise and comments. */
export function FourColumnPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation("texts");
  const query = useFourColumns(documentId);
  const change = useParagraphChange(documentId);
  const [failure, setFailure] = useState<string | null>(null);
  if (query.isPending) return <Loader size="sm" aria-label={t("loading")} />;
  if (query.isError || !query.data)
    return (
      <Alert color="orange" role="alert">
        {describeError(t, query.error)}
      </Alert>
    );
  const view = query.data;
  return (
    <Stack gap="xs" data-testid="four-column">
      {failure ? (
        <Alert color="orange" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      ) : null}
      {view.rows.map((row) => (
        <FourColumnRow
          key={row.paragraph.id}
          row={row}
          can={view.can}
          act={async (to, body) => {
            setFailure(null);
            try {
              await change.mutateAsync({
                paragraphId: row.paragraph.id,
                to,
                body: to === "compromise" ? { baseVersion: view.version, ...body } : body,
              });
              return true;
            } catch (error) {
              setFailure(describeError(t, error));
              return false;
            }
          }}
        />
      ))}
    </Stack>
  );
}
