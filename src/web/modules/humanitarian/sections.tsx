import { Anchor, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SectionContexts } from "../../shell/module.ts";

/** The process page's section: the way to the humanitarian working group's pages (the public sees the exchanges). */
export function ProcessHumanitarianSection({ process }: SectionContexts["process"]) {
  const { t } = useTranslation("humanitarian");
  return (
    <section aria-labelledby="process-humanitarian">
      <Title order={2} size="h3" id="process-humanitarian" mb="sm">
        {t("title")}
      </Title>
      <Text size="sm" mb={4}>
        {t("sectionIntro")}
      </Text>
      <Anchor component={Link} to={`/processes/${encodeURIComponent(process.slug)}/humanitarian`}>
        {t("open")}
      </Anchor>
    </section>
  );
}
