import "@mantine/core/styles.css";
import "./shell/shell.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { webModules } from "./app/modules.ts";
import { Providers, queryClient } from "./app/Providers.tsx";
import { createAppRouter, shellRoutes } from "./app/router.tsx";
import { startI18n } from "./shell/i18n.ts";
import { composeModules, preloadPages } from "./shell/module.ts";
import { sessionQuery } from "./shell/session.ts";

const modules = composeModules(webModules);
const router = createAppRouter(modules.routes);
const root = document.getElementById("root");
if (root) {
  // The reader's language is fetched first, so no page shows a bare key; the page's code and who is
  // signed in meanwhile.
  preloadPages([...shellRoutes, ...modules.routes], window.location.pathname);
  void queryClient.prefetchQuery(sessionQuery);
  void startI18n(window.location.pathname, modules).then(() =>
    createRoot(root).render(
      <StrictMode>
        <Providers modules={modules}>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  );
}
