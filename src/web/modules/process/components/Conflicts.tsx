import { Badge, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconEye,
  IconQuestionMark,
  IconTag,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { InEnglish, LocalText } from "../../../shell/LocalText.tsx";
import type { ConflictKind, DisputedField, RecordConflict } from "../types.ts";
import { Sources, uniqueSources } from "./Sources.tsx";

const kindStyle: Record<ConflictKind, { color: string; icon: ReactNode }> = {
  disagreement: { color: "red", icon: <IconAlertTriangle size={14} aria-hidden /> },
  plan_changed: { color: "orange", icon: <IconArrowsExchange size={14} aria-hidden /> },
  naming_variant: { color: "blue", icon: <IconTag size={14} aria-hidden /> },
  single_source: { color: "grape", icon: <IconEye size={14} aria-hidden /> },
  ambiguity: { color: "gray", icon: <IconQuestionMark size={14} aria-hidden /> },
};

/** The label of a disputed field in the reader's language ("Outcome 2", "Dates"), never the record's internal name. */
export function useDisputedFieldLabel() {
  const { t } = useTranslation("process");
  return (field: DisputedField, index: number | null = null) =>
    t(`disputedFields.${field}`, { number: (index ?? 0) + 1, defaultValue: t("disputedFields.other") });
}

/** The kind of a conflict, labelled, with what the kind means on hover or focus. */
export function ConflictKindBadge({ kind }: { kind: ConflictKind }) {
  const { t } = useTranslation("process");
  const style = kindStyle[kind] ?? kindStyle.ambiguity;
  return (
    <Tooltip
      label={t(`conflicts.kinds.${kind}.explain`)}
      multiline
      w={300}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge color={style.color} variant="light" leftSection={style.icon} tabIndex={0} data-kind={kind}>
        {t(`conflicts.kinds.${kind}.label`)}
      </Badge>
    </Tooltip>
  );
}

/** One conflict of the record: its kind and what it means, the field, and every value with its sources. */
export function ConflictCard({ conflict, context }: { conflict: RecordConflict; context?: ReactNode }) {
  const { t } = useTranslation("process");
  const fieldLabel = useDisputedFieldLabel();
  const valueSourceIds = new Set(
    conflict.values.flatMap((value) => value.sources.map((source) => source.id)),
  );
  const otherSources = uniqueSources(conflict.sources).filter((source) => !valueSourceIds.has(source.id));
  const titleId = `conflict-${conflict.id}-title`;
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      radius="md"
      id={`conflict-${conflict.id}`}
      aria-labelledby={titleId}
      className="conflict"
      data-kind={conflict.kind}
      data-testid="conflict"
    >
      <Stack gap={8}>
        <Group gap="xs" wrap="wrap">
          <ConflictKindBadge kind={conflict.kind} />
          {conflict.uncertain ? (
            <Badge color="gray" variant="outline" size="sm">
              {t("conflicts.unresolved")}
            </Badge>
          ) : null}
          {context}
        </Group>
        <Text id={titleId} fw={600} size="sm">
          {conflict.field ? (
            <>
              {t("conflicts.field")}: <bdi>{fieldLabel(conflict.fieldKey, conflict.fieldIndex)}</bdi>
            </>
          ) : (
            t(`conflicts.kinds.${conflict.kind}.label`)
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`conflicts.kinds.${conflict.kind}.explain`)}
        </Text>
        <Text size="sm">
          <LocalText value={conflict.localized?.text} fallback={conflict.text} />
        </Text>
        {conflict.values.length > 0 ? (
          <ul className="conflict-values" aria-label={t("conflicts.values")}>
            {conflict.values.map((value, index) => (
              <li key={value.id} className="conflict-value" data-testid="conflict-value">
                <Text size="sm" fw={600}>
                  <span className="conflict-value-index">
                    {t("conflicts.valueNumber", { number: index + 1 })}
                  </span>{" "}
                  <bdi>
                    <InEnglish text={value.value} />
                  </bdi>
                </Text>
                <Text size="xs" c="dimmed" mt={2}>
                  {t("conflicts.givenBy", { count: value.sources.length })}
                </Text>
                <Sources sources={value.sources} />
              </li>
            ))}
          </ul>
        ) : null}
        {conflict.note ? (
          <Text size="sm">
            <b>{t("conflicts.note")}:</b> <LocalText value={conflict.localized.note} />
          </Text>
        ) : null}
        {otherSources.length > 0 ? (
          <div>
            <Text size="xs" fw={600}>
              {conflict.values.length > 0 ? t("conflicts.alsoCited") : t("conflicts.sources")}
            </Text>
            <Sources sources={otherSources} />
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The conflicts of a record, shown plainly: each with its kind, its field and its values side by side.
 * The record does not choose between the sources, and neither does this list.
 */
export function Conflicts({
  conflicts,
  emptyText,
  contextOf,
}: {
  conflicts: RecordConflict[];
  emptyText?: string;
  contextOf?: (conflict: RecordConflict) => ReactNode;
}) {
  const { t } = useTranslation("process");
  if (conflicts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText ?? t("conflicts.none")}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {conflicts.map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} context={contextOf?.(conflict)} />
      ))}
    </Stack>
  );
}
