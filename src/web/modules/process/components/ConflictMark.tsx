import { Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProcessConflicts } from "../queries.ts";
import type { Disputed, DisputedField, RecordConflict, ValueConflict } from "../types.ts";
import { ConflictCard, useDisputedFieldLabel } from "./Conflicts.tsx";
import { LoadError, Loading } from "./QueryState.tsx";

/** The conflicts of a shown value, those about the given fields only when fields are named. */
export function conflictsOf(marked: Disputed | null | undefined, fields?: DisputedField[]): ValueConflict[] {
  if (!marked?.conflicted) return [];
  const all = marked.conflicts ?? [];
  const chosen = fields ? all.filter((conflict) => fields.includes(conflict.field)) : all;
  return chosen.filter((conflict, index) => chosen.findIndex((other) => other.id === conflict.id) === index);
}

/** The text alternative of a mark, for a cell or an SVG item that carries it without a button of its own. */
export function useDisputedText() {
  const { t } = useTranslation("process");
  const fieldLabel = useDisputedFieldLabel();
  return (conflicts: ValueConflict[], what?: string) => {
    const first = conflicts[0];
    if (!first) return "";
    return t("disputed.mark", {
      what: what ?? fieldLabel(first.field, first.index),
      kind: t(`conflicts.kinds.${first.kind}.flag`),
      count: conflicts.length,
    });
  };
}

/** The conflicts behind a mark, each with every value and its sources, read from the process's conflicts. */
export function DisputedConflicts({
  conflicts,
  processSlug,
}: {
  conflicts: ValueConflict[];
  processSlug: string;
}) {
  const { t } = useTranslation("process");
  const all = useProcessConflicts(processSlug);
  if (all.isPending) return <Loading />;
  if (all.error) return <LoadError error={all.error} onRetry={() => void all.refetch()} />;
  const byId = new Map<string, RecordConflict>(all.data.items.map((conflict) => [conflict.id, conflict]));
  return (
    <Stack gap="sm">
      {conflicts.some((conflict) => conflict.derived) ? <Text size="sm">{t("disputed.derived")}</Text> : null}
      {conflicts.map((conflict) => {
        const found = byId.get(conflict.id);
        return found ? (
          <ConflictCard key={conflict.id} conflict={found} />
        ) : (
          <Text key={conflict.id} size="sm" c="dimmed">
            {t("disputed.missing")}
          </Text>
        );
      })}
    </Stack>
  );
}

/**
 * The one mark of a disputed value: a visible sign beside the value (the kind's word and a warning
 * icon), a button with an accessible name saying what is disputed, which opens the conflict with each
 * value and its sources. Shows nothing when the value is not disputed: no value is settled silently,
 * and none is flagged without a conflict behind it.
 */
export function ConflictMark({
  marked,
  fields,
  what,
  processSlug,
  compact = false,
}: {
  marked: Disputed | null | undefined;
  /** Only the conflicts about these fields (a round's dates beside its dates, its city beside its city). */
  fields?: DisputedField[];
  /** The value's name for the accessible label and the dialog's title (default: the field's label). */
  what?: string;
  processSlug: string;
  /** The icon alone (in a list row); the kind's word stays in the accessible name. */
  compact?: boolean;
}) {
  const { t } = useTranslation("process");
  const [open, setOpen] = useState(false);
  const fieldLabel = useDisputedFieldLabel();
  const describe = useDisputedText();
  const conflicts = conflictsOf(marked, fields);
  const first = conflicts[0];
  if (!first) return null;
  const title = what ?? fieldLabel(first.field, first.index);
  const flag = t(`conflicts.kinds.${first.kind}.flag`);
  const described = describe(conflicts, title);
  // The words the mark shows are part of its name (WCAG 2.5.3), so speech users can say what they see.
  const name = compact ? described : `${flag}. ${described}`;
  return (
    <>
      <button
        type="button"
        className={`conflict-mark conflict-mark-${first.kind}`}
        aria-label={name}
        aria-haspopup="dialog"
        title={name}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        data-testid="conflict-mark"
        data-conflicts={conflicts.map((conflict) => conflict.id).join(" ")}
        data-derived={conflicts.some((conflict) => conflict.derived) ? "true" : undefined}
      >
        <IconAlertTriangle size={14} aria-hidden />
        {compact ? null : <span aria-hidden>{flag}</span>}
      </button>
      <ConflictDialog
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        conflicts={conflicts}
        processSlug={processSlug}
      />
    </>
  );
}

/** The dialog a mark opens: the conflicts behind a value, for a mark drawn elsewhere (the timeline picture). */
export function ConflictDialog({
  opened,
  onClose,
  title,
  conflicts,
  processSlug,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  conflicts: ValueConflict[];
  processSlug: string;
}) {
  const { t } = useTranslation("process");
  return (
    <Modal opened={opened} onClose={onClose} title={t("disputed.dialogTitle", { what: title })} size="lg">
      {opened ? <DisputedConflicts conflicts={conflicts} processSlug={processSlug} /> : null}
    </Modal>
  );
}
