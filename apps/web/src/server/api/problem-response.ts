import "server-only";
import type { z } from "zod";
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemField } from "@/lib/api/problem";
import { ApiError } from "./errors";

/** A problem+json response (RFC 9457), never cached. */
export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...headers },
  });
}

export function apiErrorResponse(error: ApiError): Response {
  return problemResponse(problemOf(error));
}

/** The problem document of a refusal, for web and Node responses alike. */
export function problemOf(error: ApiError): Problem {
  return {
    type: "about:blank",
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
  };
}

/** Each failing field, named from where it sits in the request ("body.signature"). */
export function fieldsOf(error: z.ZodError, where: "body" | "query"): ProblemField[] {
  return error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

/** One sentence from a zod error: the first failing field and its message, and how many more. */
export function sentenceOf(fields: ProblemField[]): string {
  const [first, ...rest] = fields;
  if (!first) return "The request is invalid.";
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return `${first.field}: ${first.message}${more}.`;
}

export function validationError(error: z.ZodError, where: "body" | "query"): ApiError {
  const errors = fieldsOf(error, where);
  return new ApiError(where === "body" ? "INVALID_BODY" : "INVALID_QUERY", sentenceOf(errors), {
    errors,
    cause: error,
  });
}
