import { Alert, Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { ReactElement } from "react";
import { ApiError } from "./api.ts";
import { describeError } from "./errors.ts";
import { Page } from "./Page.tsx";

/**
 * A page's data once loaded, or what the page shows meanwhile: a loader while it loads; its title and
 * a plain message when it cannot (a 404 says "not found", as a hidden record must look like a missing
 * one). `t` is the module's, which names `loading` and `notFound`.
 */
export function pageData<Data>(
  query: UseQueryResult<Data>,
  t: TFunction,
  title: string,
): { data: Data } | { element: ReactElement } {
  if (query.isPending)
    return {
      element: (
        <Center py="xl">
          <Loader aria-label={t("loading")} />
        </Center>
      ),
    };
  if (query.isError || query.data === undefined)
    return {
      element: (
        <Page title={title}>
          <Alert color="gray" role="alert">
            {query.error instanceof ApiError && query.error.status === 404
              ? t("notFound")
              : describeError(t, query.error)}
          </Alert>
        </Page>
      ),
    };
  return { data: query.data };
}
