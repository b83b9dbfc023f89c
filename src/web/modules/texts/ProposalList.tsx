import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CompilationView } from "./queries.ts";

type Act = (to: string[], body?: Record<string, unknown>) => Promise<boolean>;

/** The proposals with their states; the pen-holder decides them, their authors may withdraw them. */
export function ProposalList({
  view,
  mine,
  act,
}: {
  view: CompilationView & { can: Record<string, boolean> };
  mine: Set<string>;
  act: Act;
}) {
  const { t } = useTranslation("texts");
  const numberOf = new Map(view.paragraphs.map((p) => [p.id, p.number ?? p.body.slice(0, 30)]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="proposals">
      <Title order={2} size="h4" id="proposals">
        {t("proposals.title")}
      </Title>
      {view.proposals.map((proposal) => {
        const live = proposal.state === "open" || proposal.state === "bracketed";
        return (
          <Paper
            key={proposal.id}
            withBorder
            p="sm"
            radius="md"
            data-testid="proposal"
            data-state={proposal.state}
          >
            <Group gap="xs" wrap="wrap">
              <b>{proposal.author.name}</b>
              <Badge size="sm" variant="light">
                {t(`proposalKind.${proposal.kind}`)}
              </Badge>
              <Badge size="sm" variant="outline">
                {t(`proposalState.${proposal.state}`)}
              </Badge>
              {proposal.paragraphId ? (
                <Text size="sm" c="dimmed">
                  {t("proposals.on", { paragraph: numberOf.get(proposal.paragraphId) ?? "—" })}
                </Text>
              ) : null}
            </Group>
            <Text size="sm" dir="auto" mt={4}>
              {proposal.spanText ? <del>{proposal.spanText}</del> : null}{" "}
              {proposal.text ? <ins>{proposal.text}</ins> : null}
            </Text>
            {proposal.rationale ? (
              <Text size="sm" c="dimmed" dir="auto">
                {proposal.rationale}
              </Text>
            ) : null}
            {live ? (
              <Group gap="xs" mt="xs">
                {view.can.decide ? (
                  <>
                    <Button
                      size="xs"
                      onClick={() => act(["proposals", proposal.id, "decide"], { decision: "accept" })}
                    >
                      {t("decide.accept")}
                    </Button>
                    {proposal.state === "open" ? (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => act(["proposals", proposal.id, "decide"], { decision: "bracket" })}
                      >
                        {t("decide.bracket")}
                      </Button>
                    ) : null}
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => act(["proposals", proposal.id, "decide"], { decision: "reject" })}
                    >
                      {t("decide.reject")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        act(["proposals", proposal.id, "decide"], { decision: "defer_capitals" })
                      }
                    >
                      {t("decide.defer_capitals")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        act(["proposals", proposal.id, "decide"], { decision: "defer_next_round" })
                      }
                    >
                      {t("decide.defer_next_round")}
                    </Button>
                  </>
                ) : null}
                {mine.has(proposal.author.id) ? (
                  <Button
                    size="xs"
                    variant="outline"
                    color="gray"
                    onClick={() => act(["proposals", proposal.id, "withdraw"])}
                  >
                    {t("proposals.withdraw")}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}
