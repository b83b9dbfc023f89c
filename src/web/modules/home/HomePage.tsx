import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Page } from "../../shell/Page.tsx";
import { useSession } from "../../shell/session.ts";

/** A placeholder start page; the process module replaces it with the process overview. */
export function HomePage() {
  const { t } = useTranslation("shell");
  const { account } = useSession();
  return (
    <Page title={account ? t("home.welcome", { name: account.name }) : t("home.title")}>
      <Text maw={640}>{t("home.intro")}</Text>
    </Page>
  );
}
