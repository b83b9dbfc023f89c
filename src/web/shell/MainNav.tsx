import { NavLink as MantineNavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { namespacesOfKeys, useNamespacesReady } from "./namespaces.tsx";
import { type AppRoute, mayOpen } from "./routes.ts";
import { useSession } from "./session.ts";

/**
 * The main navigation: the modules' pages that the reader may open, in their declared order, shown
 * once their modules' strings have arrived (a signed-in reader's entries fetch theirs).
 */
export function MainNav({ routes, onNavigate }: { routes: readonly AppRoute[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const items = routes
    .filter((route) => route.nav && mayOpen(route.access, account))
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0));
  const ready = useNamespacesReady(
    namespacesOfKeys(items.flatMap((route) => (route.nav ? [route.nav.label] : []))),
  );
  if (!ready) return <nav aria-label={t("shell:nav.label")} />;
  return (
    <nav aria-label={t("shell:nav.label")}>
      <Stack gap={4}>
        {items.map((route) => {
          const nav = route.nav;
          if (!nav) return null;
          const Icon = nav.icon;
          return (
            <MantineNavLink
              key={route.path}
              component={NavLink}
              to={route.path}
              end={nav.end}
              label={t(nav.label)}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              onClick={onNavigate}
              className="main-nav-link"
            />
          );
        })}
      </Stack>
    </nav>
  );
}
