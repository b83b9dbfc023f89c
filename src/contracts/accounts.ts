import { z } from "zod";
import { PlainText } from "./common.ts";

export const supportedLocales = ["en", "ru", "ar"] as const;
export const Locale = z.enum(supportedLocales);

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email("Not a valid e-mail address."));
export const Password = z.string().min(10, "At least 10 characters.").max(256, "At most 256 characters.");

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
    createdAt: z.string(),
  })
  .meta({ id: "Account" });
export type Account = z.infer<typeof Account>;
