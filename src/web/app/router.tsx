import { createBrowserRouter } from "react-router";
import { Layout } from "../shell/Layout.tsx";
import { AccountPage } from "../shell/pages/AccountPage.tsx";
import { NotFoundPage } from "../shell/pages/NotFoundPage.tsx";
import { RouteErrorPage } from "../shell/pages/RouteErrorPage.tsx";
import { SetupPage } from "../shell/pages/SetupPage.tsx";
import { SignInPage } from "../shell/pages/SignInPage.tsx";
import { TwoFactorPage } from "../shell/pages/TwoFactorPage.tsx";
import { RequireAccess } from "../shell/RequireAccess.tsx";
import type { AppRoute } from "../shell/routes.ts";

/** The shell's own pages; the modules' pages come from their manifests. */
export const shellRoutes: AppRoute[] = [
  { path: "/sign-in", Component: SignInPage, access: "public" },
  { path: "/setup", Component: SetupPage, access: "public" },
  { path: "/account", Component: AccountPage, access: "signed-in" },
  { path: "/account/two-factor", Component: TwoFactorPage, access: "signed-in" },
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
