import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";
import { ApiError } from "../../../shell/api.ts";
import { Page } from "../../../shell/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useProcessRounds } from "../queries.ts";

/** /processes/astana/rounds/22: the readable address of a round, leading to its page. */
export function RoundByNumberPage() {
  const { t } = useTranslation("process");
  const { slug = "", number = "" } = useParams();
  const rounds = useProcessRounds(slug);
  if (rounds.isPending) return <Loading />;
  if (rounds.error) return <LoadError error={rounds.error} />;
  const round = rounds.data.items.find((item) => String(item.number) === number);
  if (!round) {
    return (
      <Page title={t("round.notFoundTitle")}>
        <LoadError error={new ApiError(404, "not_found", "")} />
      </Page>
    );
  }
  return <Navigate to={`/rounds/${encodeURIComponent(round.id)}`} replace />;
}
