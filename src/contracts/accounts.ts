import { z } from "zod";
import { PlainText } from "./common.ts";
import { processRoles } from "./enums.ts";

export const supportedLocales = ["en", "ru", "ar"] as const;
export const Locale = z.enum(supportedLocales);
export type Locale = z.infer<typeof Locale>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email("Not a valid e-mail address."));
export const Password = z.string().min(10, "At least 10 characters.").max(256, "At most 256 characters.");

/** An identifier in a path or a body: printable, bounded, never empty. */
export const RecordId = z
  .string()
  .trim()
  .min(1, "Required.")
  .max(100, "At most 100 characters.")
  .regex(/^[A-Za-z0-9_.:-]+$/, "Letters, digits, '_', '.', ':' and '-' only.");

export const CreateAccountInput = z.strictObject({
  email: Email,
  name: PlainText(200),
  password: Password,
  isAdmin: z.boolean().default(false),
  locale: Locale.default("en"),
});
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

export const Account = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    locale: Locale,
    twoFactorEnabled: z.boolean(),
    disabled: z.boolean().describe("a disabled account cannot sign in; its history stays"),
    createdAt: z.string(),
  })
  .meta({ id: "Account" });
export type Account = z.infer<typeof Account>;

export const AccountList = z.object({ accounts: z.array(Account) });
export type AccountList = z.infer<typeof AccountList>;

const accountChanges = {
  name: PlainText(200).optional(),
  locale: Locale.optional(),
  isAdmin: z.boolean().optional(),
};
const someChange = {
  check: (body: { name?: string; locale?: Locale; isAdmin?: boolean }) =>
    body.name !== undefined || body.locale !== undefined || body.isAdmin !== undefined,
  message: "Send at least one of name, locale, isAdmin.",
};

/** What an administrator may change on an account (PATCH /api/accounts/:id): at least one field. */
export const UpdateAccountBody = z.strictObject(accountChanges).refine(someChange.check, someChange.message);
export type UpdateAccountBody = z.infer<typeof UpdateAccountBody>;

/** The input of core.account.update: the account and the changes. */
export const UpdateAccountInput = z
  .strictObject({ accountId: RecordId, ...accountChanges })
  .refine(someChange.check, someChange.message);
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;

export const AccountParams = z.strictObject({ id: RecordId });

/** POST /api/setup: the first administrator, and the one-time token of the link the server printed. */
export const SetupBody = CreateAccountInput.omit({ isAdmin: true }).extend({
  token: z
    .string()
    .max(200)
    .optional()
    .describe("the token of the setup link printed on the server's console"),
});
export type SetupBody = z.infer<typeof SetupBody>;

/** The input of core.account.disable and core.account.enable. */
export const AccountStateInput = z.strictObject({ accountId: RecordId });
export type AccountStateInput = z.infer<typeof AccountStateInput>;

export const apiTokenAccess = ["read", "write", "feed"] as const;

/** POST /api/me/tokens: a personal API token for scripts, scoped by its owner. */
export const CreateApiTokenBody = z.strictObject({
  name: PlainText(100),
  access: z
    .enum(apiTokenAccess)
    .describe(
      "read: GET only; write: what the owner (or the delegation) may do; feed: only feeds (Atom, iCalendar), only in their address as ?token=",
    ),
  delegationId: RecordId.nullable()
    .default(null)
    .describe("act only as a member of this one of the owner's delegations, never as an administrator"),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    access: z.enum(apiTokenAccess),
    delegationId: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z
      .string()
      .nullable()
      .describe("when a request last came with it, to the minute; null if never"),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof ApiToken>;

/** The answer to creating a token: the token itself, shown this once and never again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

export const ApiTokenParams = z.strictObject({ id: RecordId });

/** The input of core.api-token.revoke. */
export const RevokeApiTokenInput = z.strictObject({ tokenId: RecordId });
export type RevokeApiTokenInput = z.infer<typeof RevokeApiTokenInput>;

/** PUT /api/me/locale: the signed-in person's interface language. */
export const SetLocaleBody = z.strictObject({ locale: Locale });
export type SetLocaleBody = z.infer<typeof SetLocaleBody>;

export const MembershipSummary = z.object({
  processId: z.string(),
  delegationId: z.string(),
  participantId: z.string(),
  roles: z.array(z.enum(processRoles)),
});

/** GET /api/me: the signed-in account, its memberships, and what it may do next. */
export const Me = Account.extend({
  memberships: z.array(MembershipSummary),
  mustSetUpTwoFactor: z
    .boolean()
    .describe("an administrator who must set up two-factor authentication before doing anything else"),
  can: z.object({
    manageAccounts: z.boolean().describe("may list, create and change accounts"),
    manageMembershipsIn: z
      .array(z.string())
      .describe(
        "processes where this account is the host secretariat and may change delegation memberships; administrators may change them everywhere",
      ),
  }),
}).meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const DelegationParams = z.strictObject({ delegationId: RecordId });
export const DelegationMemberParams = z.strictObject({ delegationId: RecordId, accountId: RecordId });

/** POST /api/delegations/:delegationId/members: the person joins the delegation with a position. */
export const AddMemberBody = z.strictObject({
  accountId: RecordId,
  position: PlainText(100).default("member"),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/** The input of core.membership.add. */
export const AddMembershipInput = AddMemberBody.extend({ delegationId: RecordId });
export type AddMembershipInput = z.infer<typeof AddMembershipInput>;

/** The input of core.membership.remove. */
export const RemoveMembershipInput = DelegationMemberParams;
export type RemoveMembershipInput = z.infer<typeof RemoveMembershipInput>;

export const DelegationMember = z
  .object({
    id: z.string(),
    delegationId: z.string(),
    processId: z.string(),
    accountId: z.string(),
    position: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "DelegationMember" });
export type DelegationMember = z.infer<typeof DelegationMember>;
