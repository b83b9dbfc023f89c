import { Anchor, Button, Group, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { useSession } from "../../shell/session.ts";
import { apiPath, useOwnProgramme } from "./queries.ts";
import { clockOf, nameIn } from "./shared.ts";
import "./programme.css";

/** One delegation's own programme (what the reader may see of it) and its calendar to subscribe to. */
/**
 * A calendar app sends no cookie: a signed-in reader makes a feed token (revocable on the account
 * page) and copies the address that carries it, shown once.
 */
function SubscriptionAddress({ path, name }: { path: string; name: string }) {
  const { t } = useTranslation("programme");
  const [address, setAddress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    setError(null);
    try {
      const made = await api.post<{ token: string }>("/api/me/tokens", {
        name: t("delegation.tokenName", { name }),
        access: "feed",
      });
      setAddress(`${window.location.origin}${path}?token=${made.token}`);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  if (address)
    return (
      <TextInput
        label={t("delegation.address")}
        description={t("delegation.addressHelp")}
        value={address}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
    );
  return (
    <Group gap="sm">
      <Button variant="light" onClick={make}>
        {t("delegation.makeAddress")}
      </Button>
      {error ? (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
    </Group>
  );
}

export function DelegationPage() {
  const { id = "", participant = "" } = useParams();
  const { t, i18n } = useTranslation("programme");
  const query = useOwnProgramme(id, participant);
  const me = useSession().account;
  const loaded = pageData(query, t, t("title"));
  if ("element" in loaded) return loaded.element;
  const { sessions, participant: delegation } = loaded.data;
  const calendarPath = apiPath("rounds", id, "programme", "participants", participant, "calendar.ics");
  const who = nameIn(i18n.language, delegation);
  return (
    <Page
      title={t("delegation.title", { name: who })}
      actions={
        <Group gap="sm" className="programme-no-print">
          <Anchor href={apiPath("rounds", id, "programme", "participants", participant, "calendar.ics")}>
            {t("links.subscribe")}
          </Anchor>
        </Group>
      }
    >
      {me ? <SubscriptionAddress path={calendarPath} name={who} /> : null}
      {sessions.length === 0 ? (
        <Text c="dimmed">{t("delegation.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped withTableBorder>
            <Table.Caption>{t("delegation.caption", { name: who })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("grid.date")}</Table.Th>
                <Table.Th scope="col">{t("grid.time")}</Table.Th>
                <Table.Th scope="col">{t("grid.session")}</Table.Th>
                <Table.Th scope="col">{t("grid.room")}</Table.Th>
                <Table.Th scope="col">{t("grid.participants")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id} data-testid="own-session">
                  <Table.Td>
                    <bdi>{session.day}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{`${clockOf(session.startsAt)}–${clockOf(session.endsAt)}`}</bdi>
                  </Table.Td>
                  <Table.Td dir="auto">
                    {session.title}{" "}
                    <Text span size="xs" c="dimmed">
                      ({t(`kind.${session.kind}`)})
                    </Text>
                  </Table.Td>
                  <Table.Td>{session.room?.name ?? "—"}</Table.Td>
                  <Table.Td>{session.participants.map((p) => nameIn(i18n.language, p)).join(", ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
