import { Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Page } from "../../shell/Page.tsx";
import { useSession } from "../../shell/session.ts";
import { ProcessCards } from "../process/index.ts";

/** The start page: what the platform is, then the processes the reader may follow. */
export function HomePage() {
  const { t } = useTranslation(["shell", "process"]);
  const { account } = useSession();
  return (
    <Page title={account ? t("shell:home.welcome", { name: account.name }) : t("shell:home.title")}>
      <Text maw={640}>{t("shell:home.intro")}</Text>
      <section aria-labelledby="home-processes">
        <Title order={2} size="h3" id="home-processes" mb="sm">
          {t("process:processes.title")}
        </Title>
        <ProcessCards />
      </section>
    </Page>
  );
}
