import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../Page.tsx";

/** An address no page answers; a link leads back to the start. */
export function NotFoundPage() {
  const { t } = useTranslation("shell");
  return (
    <Page title={t("notFound.title")}>
      <Text>{t("notFound.text")}</Text>
      <Anchor component={Link} to="/">
        {t("notFound.home")}
      </Anchor>
    </Page>
  );
}
