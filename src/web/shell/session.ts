import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ApiError, api } from "./api.ts";
import type { Locale } from "./i18n.ts";

export type Membership = { processId: string; delegationId: string; participantId: string; roles: string[] };

/** The signed-in account as `GET /api/me` describes it. */
export type Me = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  locale?: Locale;
  twoFactorEnabled?: boolean;
  /** An administrator who must set up two-factor authentication before anything else (REQUIRE_ADMIN_TWO_FACTOR). */
  mustSetUpTwoFactor?: boolean;
  memberships: Membership[];
};

export const sessionKey = ["session"] as const;
export const setupKey = ["setup"] as const;

/** The signed-in account, or null for a visitor; 401 is an answer here, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/api/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in account (null for a visitor), shared by every component through the query cache. */
export const sessionQuery = { queryKey: sessionKey, queryFn: fetchMe, staleTime: 60_000 };

export function useSession() {
  const query = useQuery(sessionQuery);
  return { account: query.data ?? null, isLoading: query.isPending, error: query.error };
}

/** Whether the first-run setup is still open (no administrator exists yet). */
export function useSetupNeeded() {
  const query = useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<{ needed: boolean }>("/api/setup"),
    staleTime: 5 * 60_000,
  });
  return { needed: query.data?.needed ?? false, isLoading: query.isPending };
}

export type SignInResult = "signed-in" | "second-factor";

/** Password step. better-auth answers `twoFactorRedirect` when the account has a second factor. */
export async function signIn(client: QueryClient, email: string, password: string): Promise<SignInResult> {
  const result = await api.post<{ twoFactorRedirect?: boolean }>("/api/auth/sign-in/email", {
    email,
    password,
  });
  if (result?.twoFactorRedirect) return "second-factor";
  await client.resetQueries();
  return "signed-in";
}

/** Second step: a code from the authenticator app, or one of the backup codes. */
export async function verifySecondFactor(client: QueryClient, code: string, kind: "totp" | "backup") {
  const path =
    kind === "totp" ? "/api/auth/two-factor/verify-totp" : "/api/auth/two-factor/verify-backup-code";
  await api.post(path, { code: code.replace(/\s+/g, "") });
  await client.resetQueries();
}

/** Ends the session and forgets every cached answer, which belonged to the signed-in account. */
export function useSignOut() {
  const client = useQueryClient();
  return useCallback(async () => {
    await api.post("/api/auth/sign-out", {});
    await client.resetQueries();
  }, [client]);
}
