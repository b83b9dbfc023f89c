import { Alert, Center, Loader } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { mayOpen, type PageAccess } from "./routes.ts";
import { useSession } from "./session.ts";

/**
 * Shows a page only to those it is for: a visitor is sent to sign in and comes back afterwards; a
 * signed-in account without the right sees why. The server decides again on every request.
 */
export function RequireAccess({ access, children }: { access: PageAccess; children: ReactNode }) {
  const { t } = useTranslation("shell");
  const { account, isLoading } = useSession();
  const location = useLocation();
  if (access === "public") return children;
  if (isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t("loading")} />
      </Center>
    );
  }
  if (!account) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!mayOpen(access, account)) {
    return (
      <Alert color="orange" icon={<IconLock aria-hidden />} title={t("forbidden.title")} role="alert">
        {t("forbidden.text")}
      </Alert>
    );
  }
  return children;
}
