import { Badge, Tooltip } from "@mantine/core";
import { IconFlask } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Marks records of the demonstration data set, which a reader must not take for the live record. */
export function DemoBadge() {
  const { t } = useTranslation("process");
  return (
    <Tooltip label={t("demo.explain")} multiline w={280} events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color="yellow"
        variant="light"
        leftSection={<IconFlask size={14} aria-hidden />}
        tabIndex={0}
        aria-label={`${t("demo.badge")}. ${t("demo.explain")}`}
        data-testid="demo-badge"
      >
        {t("demo.badge")}
      </Badge>
    </Tooltip>
  );
}
