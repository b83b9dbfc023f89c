import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePresence } from "../../shell/live-events.ts";

/** Who else views this draft now, live; shown only to its readers (the server tells nobody else). */
export function ViewersBar({ documentId, enabled }: { documentId: string; enabled: boolean }) {
  const { t } = useTranslation("texts");
  const viewers = usePresence("text_document", documentId, enabled);
  if (!enabled) return null;
  return (
    <Group gap={6} aria-live="polite" data-testid="viewers" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t("viewers.label", { count: viewers.length })}
      </Text>
      {viewers.map((viewer) => (
        <Badge key={`${viewer.delegation}-${viewer.person}`} variant="dot" color="teal" data-testid="viewer">
          {viewer.person} ({viewer.delegation || "—"})
        </Badge>
      ))}
    </Group>
  );
}
