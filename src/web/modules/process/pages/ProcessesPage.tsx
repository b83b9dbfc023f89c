import { useTranslation } from "react-i18next";
import { Page } from "../../../shell/Page.tsx";
import { ProcessCards } from "../components/ProcessCards.tsx";

/** Every process the reader may see. */
export function ProcessesPage() {
  const { t } = useTranslation("process");
  return (
    <Page title={t("processes.title")}>
      <ProcessCards />
    </Page>
  );
}
