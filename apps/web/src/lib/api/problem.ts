// Problem details (RFC 9457): the one shape every API error takes, read by server and client alike.
// zod/mini: this module is in every page's first-load JavaScript (the wallet menu's session calls go
// through fetchJson), and the mini build tree-shakes to the few validators used here.
import { z } from "zod/mini";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const problemFieldSchema = z.object({
  /** Where in the request: "body.signature", "query.limit". */
  field: z.string(),
  message: z.string(),
});

export const problemSchema = z.object({
  type: z._default(z.string(), "about:blank"),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  /** A sentence for the person using the app: what happened and what to do next. */
  detail: z.string(),
  /** A stable machine-readable code (e.g. "SIGN_IN_NONCE_USED"). */
  code: z.string(),
  errors: z.optional(z.array(problemFieldSchema)),
});

export type Problem = z.infer<typeof problemSchema>;
export type ProblemField = z.infer<typeof problemFieldSchema>;

/** Thrown by `fetchJson` for a non-2xx answer: carries the server's problem, or one made up for it. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.problem = problem;
  }
}

/**
 * Fetches JSON and validates it with `schema`; a problem answer becomes an ApiRequestError whose
 * message is the server's sentence. Network failures get a sentence too.
 */
export async function fetchJson<T>(
  input: string,
  init: RequestInit,
  // Any zod schema, classic or mini (both build on zod's core).
  schema: z.core.$ZodType<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiRequestError({
      type: "about:blank",
      title: "Network error",
      status: 503,
      code: "NETWORK",
      detail: "Tessera could not be reached. Check your connection and try again.",
    });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = problemSchema.safeParse(body);
    throw new ApiRequestError(
      parsed.success
        ? parsed.data
        : {
            type: "about:blank",
            title: response.statusText || "Error",
            status: response.status,
            code: "UNEXPECTED",
            detail: `Tessera answered with an unexpected error (${response.status}). Try again in a moment.`,
          },
    );
  }
  return z.parse(schema, body);
}
