/** Every reason a sign-in is refused. */
export type SignInErrorCode =
  | "SIGN_IN_MALFORMED"
  | "SIGN_IN_WRONG_DOMAIN"
  | "SIGN_IN_WRONG_URI"
  | "SIGN_IN_WRONG_CHAIN"
  | "SIGN_IN_STALE"
  | "SIGN_IN_EXPIRED"
  | "SIGN_IN_NOT_YET_VALID"
  | "SIGN_IN_NONCE_USED"
  | "SIGN_IN_BAD_SIGNATURE"
  | "SIGN_IN_CHAIN_UNAVAILABLE";

/**
 * A refused sign-in: a code for programs and a sentence for the person (what happened, what to do).
 * `SIGN_IN_CHAIN_UNAVAILABLE` is the one that is not the user's doing (retryable).
 */
export class SignInError extends Error {
  override readonly name = "SignInError";
  readonly code: SignInErrorCode;

  constructor(code: SignInErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get retryable(): boolean {
    return this.code === "SIGN_IN_CHAIN_UNAVAILABLE";
  }
}
