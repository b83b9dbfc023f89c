import { Badge, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LocalText } from "../../../shell/LocalText.tsx";
import type { Fact } from "../types.ts";
import { ConflictMark } from "./ConflictMark.tsx";
import { SourcesButton } from "./Sources.tsx";

/** Facts or outcomes of the record, each with its sources and, where the record doubts it, a mark. */
export function Facts({
  facts,
  emptyText,
  subject,
  processSlug,
}: {
  facts: Fact[];
  emptyText?: string;
  subject: string;
  /** The process whose conflicts a disputed fact opens (its mark is shown when given). */
  processSlug?: string;
}) {
  const { t } = useTranslation("process");
  if (facts.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {emptyText ?? t("record.noFacts")}
      </Text>
    );
  }
  return (
    <ul className="facts">
      {facts.map((fact, index) => (
        <li key={fact.id} className="fact" data-testid="fact">
          <Text size="sm" component="span">
            <LocalText value={fact.localized?.text ?? { text: fact.text, lang: "en", fallback: true }} />
          </Text>{" "}
          <span className="fact-marks">
            {fact.uncertain ? (
              <Badge color="gray" variant="outline" size="xs">
                {t("record.uncertain")}
              </Badge>
            ) : null}
            <SourcesButton sources={fact.sources} subject={`${subject} ${index + 1}`} />
            {processSlug ? (
              <ConflictMark marked={fact} processSlug={processSlug} what={`${subject} ${index + 1}`} />
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A list of labelled values ("Dates", "City", …) that reflows into one column on a phone. */
export function FieldList({ children }: { children: ReactNode }) {
  return <dl className="field-list">{children}</dl>;
}

export function FieldItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
