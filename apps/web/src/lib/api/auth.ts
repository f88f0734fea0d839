// Sign-In with Ethereum over the API: request and response shapes shared by the browser and the server.
// zod/mini, as these are in every page's first-load JavaScript (see lib/api/problem.ts).
import { z } from "zod/mini";

export { NONCE_TTL_MS, SESSION_TTL_MS, SIGN_IN_STATEMENT } from "@tessera/auth/constants";

export const nonceResponseSchema = z.object({
  nonce: z.string(),
  expiresAt: z.iso.datetime(),
});

export const signInRequestSchema = z.strictObject({
  message: z
    .string()
    .check(z.minLength(1, "is empty"), z.maxLength(4096, "is longer than a sign-in message can be")),
  // 65 bytes for an account; smart-contract wallets (ERC-1271/6492) may send more.
  signature: z
    .string()
    .check(
      z.regex(/^0x[0-9a-fA-F]*$/, "must be a 0x-prefixed hex string"),
      z.minLength(4, "is too short"),
      z.maxLength(8192, "is too long"),
    ),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const sessionSchema = z.object({
  address: z.string(),
  chainId: z.int(),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionResponseSchema = z.object({ session: z.nullable(sessionSchema) });

/** The role pages the signed-in account may use, as the chain says now (none when not signed in). */
export const rolesResponseSchema = z.object({
  roles: z.array(z.enum(["arbiter", "admin"])),
});
export type RolesResponse = z.infer<typeof rolesResponseSchema>;
