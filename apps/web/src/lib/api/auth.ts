// Sign-In with Ethereum over the API: request and response shapes shared by the browser and the server.
import { z } from "zod";

export const SIGN_IN_STATEMENT = "Sign in to Tessera. This does not send a transaction or cost anything.";

/** How long a nonce may wait for its signature. */
export const NONCE_TTL_MS = 10 * 60 * 1000;
/** How long a session lasts: a working day and a half, so staff sign in about once a day. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

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
