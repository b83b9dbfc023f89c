// What the humanitarian pages share: the sides' names, a person's names in both scripts (Arabic right
// to left on any page), the colours of statuses and verdicts (always with their word beside them).
import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CaseStatus, ExchangeView, PersonFields } from "../../../contracts/humanitarian.ts";
import { describeError } from "../../shell/errors.ts";
import { InEnglish } from "../../shell/LocalText.tsx";
import { useSession } from "../../shell/session.ts";
import { useProcess } from "./queries.ts";

export const statusColour: Record<CaseStatus, string> = {
  listed: "gray",
  located: "blue",
  confirmed_alive: "teal",
  released: "green",
  deceased: "dark",
  body_handed_over: "violet",
  identified: "indigo",
  family_informed: "cyan",
};

/** A verdict's colour and its mark, so it reads without colour too. */
export const verdictStyle: Record<string, { colour: string; mark: string }> = {
  agree: { colour: "green", mark: "=" },
  close: { colour: "yellow", mark: "≈" },
  disagree: { colour: "red", mark: "≠" },
  missing: { colour: "gray", mark: "?" },
};

type Parts = {
  given?: string | null;
  father?: string | null;
  grandfather?: string | null;
  family?: string | null;
};

/** A name from its parts in reading order (given, father, grandfather, family). */
export function fullName(parts: Parts | null | undefined): string {
  if (!parts) return "";
  return [parts.given, parts.father, parts.grandfather, parts.family].filter(Boolean).join(" ");
}

/** The Arabic name, marked as Arabic so it runs right to left even on an English page. */
export function ArabicName({ parts }: { parts: Parts | null | undefined }) {
  const name = fullName(parts);
  return name ? (
    <Text component="span" lang="ar" dir="rtl" className="hum-arabic">
      {name}
    </Text>
  ) : null;
}

/** A person's names in both scripts, one above the other. */
export function PersonNames({ person }: { person: Pick<PersonFields, "arabic" | "latin"> | null }) {
  const { t } = useTranslation("humanitarian");
  if (!person) return <Text c="dimmed">{t("person.hidden")}</Text>;
  const latin = fullName(person.latin);
  return (
    <Stack gap={0}>
      <ArabicName parts={person.arabic} />
      {latin ? (
        <Text component="span" lang="en" dir="ltr" size="sm">
          {latin}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A person's fields as a two-column table: the names in both scripts, then the rest. */
export function PersonTable({ person }: { person: PersonFields }) {
  const { t } = useTranslation("humanitarian");
  const parts = ["given", "father", "grandfather", "family", "mother"] as const;
  const birth = person.birthDate ?? (person.birthYear ? String(person.birthYear) : null);
  const event = person.eventDate ?? (person.eventYear ? String(person.eventYear) : null);
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("person.field")}</Table.Th>
          <Table.Th scope="col">{t("person.arabic")}</Table.Th>
          <Table.Th scope="col">{t("person.latin")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parts.map((part) => (
          <Table.Tr key={part}>
            <Table.Th scope="row">{t(`person.${part}`)}</Table.Th>
            <Table.Td lang="ar" dir="rtl">
              {person.arabic[part] ?? ""}
            </Table.Td>
            <Table.Td lang="en" dir="ltr">
              {person.latin[part] ?? ""}
            </Table.Td>
          </Table.Tr>
        ))}
        {(
          [
            ["sex", person.sex ? t(`sex.${person.sex}`) : null],
            ["birth", birth],
            ["origin", person.origin],
            ["eventDate", event],
            ["eventPlace", person.eventPlace],
          ] as const
        ).map(([field, value]) => (
          <Table.Tr key={field}>
            <Table.Th scope="row">{t(`person.${field}`)}</Table.Th>
            <Table.Td colSpan={2} dir="auto">
              {value ?? "—"}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation("humanitarian");
  return (
    <Badge variant="light" color={statusColour[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** A field's verdict: its colour, mark and word (without the field's name in a row that already says it). */
export function VerdictBadge({
  field,
  verdict,
  named = true,
}: {
  field: string;
  verdict: string;
  named?: boolean;
}) {
  const { t } = useTranslation("humanitarian");
  const style = verdictStyle[verdict] ?? { colour: "gray", mark: "?" };
  return (
    <Badge variant="light" color={style.colour} data-verdict={verdict} style={{ flexShrink: 0 }}>
      {named ? `${t(`person.${field}`)}: ` : ""}
      {style.mark} {t(`verdict.${verdict}`)}
    </Badge>
  );
}

export function Verdicts({ fields }: { fields: { field: string; verdict: string }[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {fields.map((field) => (
        <VerdictBadge key={field.field} field={field.field} verdict={field.verdict} />
      ))}
    </Group>
  );
}

/**
 * An exchange's place or date note: the record's past exchanges give them in English (marked so for a
 * reader of another language); an operation's are as typed by who planned it.
 */
export function ExchangeText({
  exchange,
  text,
}: {
  exchange: Pick<ExchangeView, "kind">;
  text: string | null;
}) {
  if (!text) return <>—</>;
  return exchange.kind === "aggregate" ? <InEnglish text={text} /> : <span dir="auto">{text}</span>;
}

/** An exchange's agreed (or reported) numbers as "N for M" in the reader's words; null when one is unknown. */
export function ratioOf(t: TFunction, exchange: Pick<ExchangeView, "first" | "second">): string | null {
  const { first, second } = exchange;
  return first.releases != null && second.releases != null
    ? t("exchanges.ratioOf", { first: first.releases, second: second.releases })
    : null;
}

/**
 * A side of an exchange in the reader's language: its participant's name when the exchange names one
 * (operations planned here); else the record's English label, translated when it is one of the two the
 * record uses; else "first side" or "second side".
 */
export function sideName(
  t: TFunction,
  side: Pick<ExchangeView["first"], "participantId" | "label">,
  nameOf: (participantId: string) => string,
  which: "first" | "second",
): string {
  // Until the process's names have loaded, `nameOf` answers the id: the recorded label reads better.
  const named = side.participantId ? nameOf(side.participantId) : null;
  if (named && named !== side.participantId) return named;
  if (side.label) return t(`recordSides.${side.label}`, { defaultValue: side.label });
  return t(`exchanges.${which}`);
}

/**
 * The process as the humanitarian pages need it: its id, the participants' names by id (sides are
 * named by their participant), and the reader's own delegations there and their roles.
 */
export function useHumContext(slug: string) {
  const { i18n } = useTranslation();
  const process = useProcess(slug);
  const account = useSession().account;
  const language = i18n.language.slice(0, 2);
  const names = new Map<string, string>();
  const roles = process.data?.roles ?? [];
  for (const role of roles)
    names.set(role.participant.id, role.participant.names[language as "en"] ?? role.participant.name);
  const processId = process.data?.id ?? "";
  const mine = (account?.memberships ?? []).filter((m) => m.processId === processId);
  const holds = (role: string) => mine.some((m) => m.roles.includes(role));
  return {
    process,
    processId,
    names,
    nameOf: (participantId: string | null | undefined) =>
      (participantId && names.get(participantId)) ?? participantId ?? "—",
    parties: roles.filter((role) => role.role === "party").map((role) => role.participant),
    mySides: mine.filter((m) => m.roles.includes("party")),
    isIntermediary: holds("intermediary"),
    isWorkingGroup: holds("guarantor") || holds("international_organization") || holds("intermediary"),
    signedIn: Boolean(account),
    mine,
  };
}

/**
 * A refusal in the reader's language: the shell's `describeError`, which takes this module's translation
 * of its code with the counts and names the server gave, and lists each refused field with why.
 */
export function explain(t: TFunction, error: unknown): string {
  return describeError(t, error);
}
