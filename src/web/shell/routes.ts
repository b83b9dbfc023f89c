import type { Icon } from "@tabler/icons-react";
import type { ComponentType } from "react";
import type { Me } from "./session.ts";

/**
 * Who may open a page: anyone, a signed-in account, an administrator, or the accounts a rule admits
 * (e.g. the host secretariat). It only decides what the interface offers; the server decides again.
 */
export type PageAccess = "public" | "signed-in" | "admin" | ((account: Me) => boolean);

/**
 * A page a module contributes. The app's route list is the concatenation of every module's list
 * (src/web/app/routes.ts), so a new module adds its pages with one line there.
 */
export type AppRoute = {
  /** Absolute path, e.g. "/accounts" or "/processes/:processId". */
  path: string;
  Component: ComponentType;
  access: PageAccess;
  /**
   * For a page whose address has parameters: addresses of it in the demonstration record. The browser
   * tests check each page these name (and every page without parameters) for accessibility, in every
   * language, as the first account whose access rule admits it (test/e2e/accessibility.spec.ts).
   */
  examples?: readonly string[];
  /** Shown in the main navigation when present, ordered by `order`. */
  nav?: {
    /** An i18n key with its namespace, e.g. "core:nav.accounts". */
    label: string;
    icon: Icon;
    order: number;
    /** Marks the link active only on an exact match (for "/"). */
    end?: boolean;
  };
};

/** Whether the reader (null: a visitor) may open a page with this access rule. */
export function mayOpen(access: PageAccess, account: Me | null): boolean {
  if (access === "public") return true;
  if (!account) return false;
  if (access === "signed-in") return true;
  if (access === "admin") return account.isAdmin;
  return account.isAdmin || access(account);
}
