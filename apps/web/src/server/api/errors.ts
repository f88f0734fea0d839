import "server-only";
import type { ProblemField } from "@/lib/api/problem";

// Every way an API request can be refused, and the HTTP status each one answers with. Route code
// throws an ApiError with a code and a sentence; the route wrapper turns it into problem+json.
export const API_ERROR_STATUS = {
  MALFORMED_JSON: 400,
  INVALID_QUERY: 400,
  INVALID_BODY: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN_ORIGIN: 403,
  /** Signed in, but this account may not do this (no valid license, another account's link). */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  /** Existed once, no longer usable (an expired or spent download link). */
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  INTERNAL: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

const TITLES: Record<ApiErrorCode, string> = {
  MALFORMED_JSON: "Malformed JSON",
  INVALID_QUERY: "Invalid query",
  INVALID_BODY: "Invalid request",
  UNAUTHENTICATED: "Not signed in",
  FORBIDDEN_ORIGIN: "Forbidden",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  CONFLICT: "Conflict",
  GONE: "No longer valid",
  PAYLOAD_TOO_LARGE: "Request too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RANGE_NOT_SATISFIABLE: "Range not satisfiable",
  RATE_LIMITED: "Too many requests",
  UPSTREAM_UNAVAILABLE: "Chain unavailable",
  INTERNAL: "Internal error",
};

/**
 * A refused request. `detail` is shown to people as it is; `code` may be finer than the HTTP code
 * (e.g. SIGN_IN_NONCE_USED under UNAUTHENTICATED) so clients can react without parsing sentences.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorCode;
  readonly detail: string;
  readonly options: { code?: string; errors?: ProblemField[]; cause?: unknown };
  readonly status: number;
  readonly title: string;

  constructor(
    kind: ApiErrorCode,
    detail: string,
    options: { code?: string; errors?: ProblemField[]; cause?: unknown } = {},
  ) {
    super(detail, { cause: options.cause });
    this.kind = kind;
    this.detail = detail;
    this.options = options;
    this.status = API_ERROR_STATUS[kind];
    this.title = TITLES[kind];
  }

  get code(): string {
    return this.options.code ?? this.kind;
  }
}
