import { createBrowserRouter } from "react-router";
import { Layout } from "../shell/Layout.tsx";
import { lazyNamed } from "../shell/module.ts";
import { NotFoundPage } from "../shell/pages/NotFoundPage.tsx";
import { RouteErrorPage } from "../shell/pages/RouteErrorPage.tsx";
import { RequireAccess } from "../shell/RequireAccess.tsx";
import type { AppRoute } from "../shell/routes.ts";

/**
 * The shell's own pages; the modules' pages come from their manifests. Loaded when opened, as the
 * modules' are: a reader of the public record never fetches the sign-in, account or two-factor code.
 */
export const shellRoutes: AppRoute[] = [
  {
    path: "/sign-in",
    Component: lazyNamed(() => import("../shell/pages/SignInPage.tsx"), "SignInPage"),
    access: "public",
  },
  {
    path: "/setup",
    Component: lazyNamed(() => import("../shell/pages/SetupPage.tsx"), "SetupPage"),
    access: "public",
  },
  {
    path: "/account",
    Component: lazyNamed(() => import("../shell/pages/AccountPage.tsx"), "AccountPage"),
    access: "signed-in",
  },
  {
    path: "/account/two-factor",
    Component: lazyNamed(() => import("../shell/pages/TwoFactorPage.tsx"), "TwoFactorPage"),
    access: "signed-in",
  },
];

/**
 * Every page inside the shell's layout, each behind its access rule (checked before a lazily loaded
 * page's code is fetched); unknown addresses get "not found".
 */
export function createAppRouter(moduleRoutes: readonly AppRoute[]) {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteErrorPage />,
      children: [
        ...[...shellRoutes, ...moduleRoutes].map(({ path, Component, access }) => ({
          path,
          element: (
            <RequireAccess access={access}>
              <Component />
            </RequireAccess>
          ),
        })),
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
