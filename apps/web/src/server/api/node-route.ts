import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { PROBLEM_CONTENT_TYPE } from "@/lib/api/problem";
import { ApiError } from "./errors";
import { problemOf } from "./problem-response";
import { assertSameSite } from "./route";

// apiRoute's twin for the two routes that carry bytes (artifact uploads and downloads). They are
// Pages Router API routes (src/pages/api) and get Node's own request and response: an App Router
// handler sees the body as a WHATWG stream that Next copies chunk by chunk, which made a 1 GiB
// transfer run at a tenth of the disk's speed. Same rules as apiRoute: same-site writes only, every
// refusal answered as problem+json, anything unexpected logged and answered with a sentence.

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function nodeApiRoute(handler: NodeHandler): NodeHandler {
  return async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        assertSameSite(header(req, "origin"), header(req, "x-forwarded-host") ?? header(req, "host"));
      }
      await handler(req, res);
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(`[api] ${req.method} ${pathOf(req)} failed`, error);
      const refusal =
        error instanceof ApiError
          ? error
          : new ApiError("INTERNAL", "Something went wrong on Tessera's side. Try again in a moment.", {
              cause: error,
            });
      // Bytes already went out: the status line cannot change, so the connection is cut instead,
      // and the client sees an incomplete body rather than a truncated "success".
      if (res.headersSent) res.destroy();
      else sendProblem(res, refusal);
    }
  };
}

export function sendProblem(res: ServerResponse, error: ApiError, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(problemOf(error));
  res.writeHead(error.status, {
    "content-type": PROBLEM_CONTENT_TYPE,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(body);
}

/** Writes a (small, fully buffered) web Response, such as @tus/server's answers, to a Node response. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (body) headers["content-length"] = body.byteLength;
  res.writeHead(response.status, headers);
  res.end(body);
}

/** A request header as one string (Node joins repeated ones), or null. */
export function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? "/", "http://localhost").pathname;
}
