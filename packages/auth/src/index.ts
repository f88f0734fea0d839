// @tessera/auth: Sign-In with Ethereum for Tessera's server. Cookies and HTTP stay in the web app;
// this package decides whether a signed message opens a session.
export { NONCE_TTL_MS, SESSION_TTL_MS, SIGN_IN_STATEMENT } from "./constants.ts";
export { SignInError, type SignInErrorCode } from "./errors.ts";
export { checkSignInMessage, type Expected, type SignInMessage } from "./message.ts";
export { signIn } from "./sign-in.ts";
export {
  closeSession,
  findSession,
  hashToken,
  issueNonce,
  nonceIsLive,
  openSession,
  type Session,
} from "./store.ts";
