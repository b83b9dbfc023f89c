import { Badge, Group, NativeSelect, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CompilationView } from "./queries.ts";

type Paragraph = CompilationView["paragraphs"][number];
type Segment = Paragraph["segments"][number];
type Option = Extract<Segment, { kind: "bracket" }>["options"][number];

const stanceColor: Record<string, string> = {
  supports: "teal",
  can_accept: "blue",
  reserves: "yellow",
  objects: "red",
};

/** One option of a bracket: its letter, wording (or "delete"), who proposed it and every position on it. */
function BracketOption({
  option,
  onPosition,
  myStance,
}: {
  option: Option;
  onPosition?: (optionId: string, stance: string) => void;
  myStance?: string;
}) {
  const { t } = useTranslation("texts");
  return (
    <span
      className="texts-option"
      data-testid="bracket-option"
      data-withdrawn={option.withdrawn || undefined}
    >
      <b>{option.label}:</b>{" "}
      <span dir="auto" style={option.withdrawn ? { textDecoration: "line-through" } : undefined}>
        {option.isDelete ? <i>{t("bracket.delete")}</i> : option.text}
      </span>{" "}
      <Text span size="xs" c="dimmed">
        (
        {option.proposedBy.length > 0
          ? option.proposedBy.map((p) => p.name).join(", ")
          : t("bracket.standing")}
        {option.withdrawn ? `, ${t("bracket.withdrawn")}` : ""})
      </Text>
      {option.positions.length > 0 ? (
        <Group gap={4} component="span" display="inline-flex" ms={4}>
          {option.positions.map((position) => (
            <Badge
              key={position.participant.id}
              size="xs"
              variant="light"
              color={stanceColor[position.stance]}
            >
              {position.participant.name}: {t(`stance.${position.stance}`)}
            </Badge>
          ))}
        </Group>
      ) : null}
      {onPosition && !option.withdrawn ? (
        <NativeSelect
          size="xs"
          display="inline-block"
          ms={6}
          aria-label={t("bracket.yourPosition", { label: option.label })}
          value={myStance ?? ""}
          onChange={(event) => event.currentTarget.value && onPosition(option.id, event.currentTarget.value)}
          data={[
            { value: "", label: t("bracket.choosePosition") },
            ...["supports", "can_accept", "reserves", "objects"].map((value) => ({
              value,
              label: t(`stance.${value}`),
            })),
          ]}
        />
      ) : null}
    </span>
  );
}

/** A paragraph's words with its brackets shown as diplomats write them: [A: … / B: …], each option attributed. */
export function ParagraphText({
  paragraph,
  onPosition,
  myStances,
}: {
  paragraph: Paragraph;
  onPosition?: (optionId: string, stance: string) => void;
  myStances: Map<string, string>;
}) {
  return (
    <Text component="div" dir="auto" className="texts-paragraph">
      {paragraph.number && paragraph.kind === "operative" ? <b>{paragraph.number} </b> : null}
      {paragraph.segments.map((segment, index) =>
        segment.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <span key={index}>{segment.text}</span>
        ) : (
          <span key={segment.bracketId} className="texts-bracket" data-testid="bracket">
            [
            {segment.options.map((option, at) => (
              <span key={option.id}>
                {at > 0 ? " / " : null}
                <BracketOption option={option} onPosition={onPosition} myStance={myStances.get(option.id)} />
              </span>
            ))}
            ]
          </span>
        ),
      )}
    </Text>
  );
}
