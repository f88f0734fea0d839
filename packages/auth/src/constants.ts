// Shared by the browser (it writes the message) and the server (it checks it). No imports: safe in
// a client bundle.

export const SIGN_IN_STATEMENT = "Sign in to Tessera. This does not send a transaction or cost anything.";

/** How long a nonce may wait for its signature. */
export const NONCE_TTL_MS = 10 * 60 * 1000;

/** How long a session lasts: a working day and a half, so staff sign in about once a day. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Clocks differ: a message issued up to this far in the server's future is still accepted. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;
