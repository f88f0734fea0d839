// Sign-In with Ethereum over the API: request and response shapes shared by the browser and the server.
import { z } from "zod";

export { NONCE_TTL_MS, SESSION_TTL_MS, SIGN_IN_STATEMENT } from "@tessera/auth/constants";

export const nonceResponseSchema = z.object({
  nonce: z.string(),
  expiresAt: z.iso.datetime(),
});

export const signInRequestSchema = z.strictObject({
  message: z.string().min(1, "is empty").max(4096, "is longer than a sign-in message can be"),
  // 65 bytes for an account; smart-contract wallets (ERC-1271/6492) may send more.
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]*$/, "must be a 0x-prefixed hex string")
    .min(4, "is too short")
    .max(8192, "is too long"),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const sessionSchema = z.object({
  address: z.string(),
  chainId: z.number().int(),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionResponseSchema = z.object({ session: sessionSchema.nullable() });

/** The role pages the signed-in account may use, as the chain says now (none when not signed in). */
export const rolesResponseSchema = z.object({
  roles: z.array(z.enum(["arbiter", "admin"])),
});
export type RolesResponse = z.infer<typeof rolesResponseSchema>;
