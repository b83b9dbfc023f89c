import { Anchor, Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Programme } from "./queries.ts";

type Item = Programme["agenda"][number];

/** An agenda item's links: the same subject in the rounds before and after, its sessions, texts, commitments. */
function ItemLinks({ item, programme }: { item: Item; programme: Programme }) {
  const { t } = useTranslation("programme");
  const sessions = programme.sessions.filter((s) => item.sessionIds.includes(s.id));
  const roundLink = (elsewhere: NonNullable<Item["previous"]>, label: string) => (
    <Anchor
      component={Link}
      to={`/rounds/${encodeURIComponent(elsewhere.roundId)}/programme`}
      size="sm"
      title={elsewhere.title}
    >
      {t(label, { number: elsewhere.roundNumber })}
    </Anchor>
  );
  const empty =
    !item.previous &&
    !item.next &&
    sessions.length === 0 &&
    item.documents.length === 0 &&
    item.commitments.length === 0;
  if (empty) return null;
  return (
    <Stack gap={2} mt={2}>
      {item.previous || item.next ? (
        <Group gap="md" wrap="wrap">
          {item.previous ? roundLink(item.previous, "agenda.previous") : null}
          {item.next ? roundLink(item.next, "agenda.next") : null}
        </Group>
      ) : null}
      {sessions.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t("agenda.sessions")}: {sessions.map((s) => s.title).join("; ")}
        </Text>
      ) : null}
      {item.documents.length > 0 ? (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t("agenda.texts")}:
          </Text>
          {item.documents.map((document) => (
            <Anchor
              key={document.id}
              component={Link}
              to={`/texts/${encodeURIComponent(document.id)}`}
              size="sm"
            >
              {document.title}
            </Anchor>
          ))}
        </Group>
      ) : null}
      {item.commitments.length > 0 ? (
        <div>
          <Text size="sm" c="dimmed">
            {t("agenda.commitments")}:
          </Text>
          <List size="sm" spacing={2}>
            {item.commitments.map((commitment) => (
              <List.Item key={commitment.id}>
                <Text span size="sm" dir="auto">
                  {commitment.what}
                </Text>{" "}
                <Badge size="xs" variant="light">
                  {t(`commitmentStatus.${commitment.status}`, { defaultValue: commitment.status })}
                </Badge>
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}

/** The round's agenda, each item with what follows it from round to round. */
export function AgendaSection({ programme }: { programme: Programme }) {
  const { t } = useTranslation("programme");
  if (programme.agenda.length === 0) return null;
  return (
    <section aria-labelledby="programme-agenda">
      <Title order={2} size="h3" id="programme-agenda" mb="xs">
        {programme.agendaAdopted ? t("agenda.adopted") : t("agenda.proposed")}
      </Title>
      <List type="ordered" spacing={6}>
        {programme.agenda.map((item) => (
          <List.Item key={item.id} data-testid="agenda-item">
            <Text span dir="auto">
              {item.title}
            </Text>
            <ItemLinks item={item} programme={programme} />
          </List.Item>
        ))}
      </List>
    </section>
  );
}
