import "server-only";
import { z } from "zod";
import { ApiError } from "./errors";
import { apiErrorResponse, validationError } from "./problem-response";

// The one way an API route is written: validate the query and the body with zod schemas shared with
// the client, refuse oversized, non-JSON and cross-site writes, and answer every refusal as
// problem+json. Handlers run only on valid input, so a 4xx never reaches code that writes.

/** Bodies are small JSON documents here; uploads have their own routes and limits. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

type RouteSpec<B, Q> = {
  // Classic or mini schemas: both build on zod's core (the browser-shared ones are mini).
  body?: z.core.$ZodType<B>;
  query?: z.core.$ZodType<Q>;
  maxBodyBytes?: number;
};

type RouteInput<B, Q> = { request: Request; body: B; query: Q };

export function apiRoute<B = undefined, Q = undefined>(
  spec: RouteSpec<B, Q>,
  handler: (input: RouteInput<B, Q>) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const query = spec.query ? parseWith(spec.query, queryObject(request), "query") : (undefined as Q);
      let body = undefined as B;
      if (request.method !== "GET" && request.method !== "HEAD") {
        assertSameSite(
          request.headers.get("origin"),
          request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
        );
        if (spec.body) {
          const text = await readBody(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
          body = parseWith(spec.body, parseJson(text), "body");
        }
      }
      return await handler({ request, body, query });
    } catch (error) {
      if (error instanceof ApiError) return apiErrorResponse(error);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
      return apiErrorResponse(
        new ApiError("INTERNAL", "Something went wrong on Tessera's side. Try again in a moment.", {
          cause: error,
        }),
      );
    }
  };
}

function parseWith<T>(schema: z.core.$ZodType<T>, value: unknown, where: "body" | "query"): T {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Query parameters as an object; a repeated key becomes an array. */
function queryObject(request: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/**
 * Browsers send Origin on cross-site POSTs; a write from another site is refused (the session
 * cookie is SameSite=Lax, this is the second lock). Requests without Origin (curl, servers) pass.
 */
export function assertSameSite(origin: string | null | undefined, host: string | null | undefined): void {
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) {
    throw new ApiError("FORBIDDEN_ORIGIN", "This request came from another website and was refused.");
  }
}

async function readBody(request: Request, maxBytes: number): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the request body as JSON (Content-Type: application/json).",
    );
  }
  const tooLarge = () =>
    new ApiError(
      "PAYLOAD_TOO_LARGE",
      `The request body is larger than ${maxBytes.toLocaleString("en")} bytes.`,
    );
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Content-Length can lie or be absent (chunked): count what actually arrives.
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (cause) {
    throw new ApiError("MALFORMED_JSON", "The request body is not valid UTF-8 text.", { cause });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError("MALFORMED_JSON", "The request body is not valid JSON.", { cause });
  }
}
