// The API's conventions, over HTTP against the production build: every bad request is a
// problem+json 4xx that names what is wrong, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
let web: string;

beforeAll(async () => {
  stack = await startStack();
  await stack.index();
  web = await stack.startWeb();
});
afterAll(async () => {
  await stack?.stop();
});

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

async function written() {
  return { nonces: await stack.db.authNonce.count(), sessions: await stack.db.authSession.count() };
}

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as {
    status: number;
    title: string;
    detail: string;
    code: string;
    errors?: Array<{ field: string; message: string }>;
  };
  expect(body.status).toBe(status);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail).toMatch(/\S.*[.)]$/);
  return body;
}

describe("POST /api/auth/session (sign in) refuses bad input and writes nothing", () => {
  const signature = `0x${"ab".repeat(65)}`;
  const cases: Array<[string, RequestInit, number, RegExp]> = [
    ["wrong types", json({ message: 5, signature: true }), 422, /body\.message/],
    ["missing fields", json({}), 422, /body\.message/],
    ["an unknown field", json({ message: "m", signature, admin: true }), 422, /admin/],
    [
      "a signature that is not hex",
      json({ message: "m", signature: "0xzz" }),
      422,
      /body\.signature: must be a 0x-prefixed hex string/,
    ],
    ["malformed JSON", json("{"), 400, /not valid JSON/],
    ["JSON that is a number", json("1e400"), 422, /body/],
    [
      "another content type",
      { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" },
      415,
      /JSON/,
    ],
    ["a body over 16 KB", json({ message: "x".repeat(20_000), signature }), 413, /larger than 16,384 bytes/],
    [
      "a write from another website",
      json({ message: "m", signature }, { origin: "https://evil.example" }),
      403,
      /another website/,
    ],
    [
      "a unicode message that is not a sign-in message",
      json({ message: "💊 ".repeat(100), signature }),
      401,
      /not a valid Sign-In with Ethereum message/,
    ],
  ];

  it.each(cases)("%s", async (_label, init, status, detail) => {
    const before = await written();
    const body = await problem(await fetch(`${web}/api/auth/session`, init), status);
    expect(`${body.detail} ${JSON.stringify(body.errors ?? [])}`).toMatch(detail);
    expect(await written()).toEqual(before);
  });

  it("counts the bytes that arrive when no Content-Length is sent (chunked)", async () => {
    const before = await written();
    const chunk = new TextEncoder().encode(`{"message":"${"y".repeat(40_000)}","signature":"0x00"}`);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${web}/api/auth/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await problem(response, 413);
    expect(await written()).toEqual(before);
  });

  it("names every failing field in `errors`", async () => {
    const body = await problem(
      await fetch(`${web}/api/auth/session`, json({ message: "", signature: 7 })),
      422,
    );
    expect(body.errors?.map((e) => e.field).sort()).toEqual(["body.message", "body.signature"]);
  });
});

describe("GET /api/auth/session", () => {
  it("answers null without a session cookie, and with an unknown one", async () => {
    for (const headers of [{}, { cookie: "tessera_session=forged-token" }]) {
      const response = await fetch(`${web}/api/auth/session`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ session: null });
    }
  });
});

describe("POST /api/auth/nonce", () => {
  it("issues a single-use nonce that expires in ten minutes", async () => {
    const response = await fetch(`${web}/api/auth/nonce`, { method: "POST" });
    expect(response.status).toBe(201);
    const { nonce, expiresAt } = (await response.json()) as { nonce: string; expiresAt: string };
    const row = await stack.db.authNonce.findUniqueOrThrow({ where: { nonce } });
    expect(row.expiresAt.toISOString()).toBe(expiresAt);
    const ttl = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000 + 1000);
  });
});

describe("POST /api/rpc (the browser's read path)", () => {
  const call = (method: string, params: unknown[] = [], id: unknown = 1) => ({
    jsonrpc: "2.0",
    id,
    method,
    params,
  });

  it("forwards a read to the node", async () => {
    const response = await fetch(`${web}/api/rpc`, json(call("eth_chainId")));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 1, result: "0x7a69" });
  });

  it.each([
    [
      "a transaction",
      call("eth_sendRawTransaction", ["0x00"]),
      /eth_sendRawTransaction is not a read Tessera serves/,
    ],
    ["a node admin method", call("hardhat_setBalance", ["0x0", "0x1"]), /hardhat_setBalance is not a read/],
    ["a negative id", call("eth_chainId", [], -1), /body\.id/],
    ["a huge id", call("eth_chainId", [], 1e300), /body\.id/],
    ["too many parameters", call("eth_call", Array(9).fill(0)), /body\.params/],
    ["a batch of 21", Array.from({ length: 21 }, (_, i) => call("eth_chainId", [], i)), /more than 20 calls/],
    ["an empty batch", [], /empty batch/],
  ])("refuses %s", async (_label, body, detail) => {
    const problemBody = await problem(await fetch(`${web}/api/rpc`, json(body)), 422);
    expect(`${problemBody.detail} ${JSON.stringify(problemBody.errors)}`).toMatch(detail);
  });
});

describe("GET /api/indexer/checkpoint", () => {
  it("reports the block the indexer has recorded", async () => {
    const checkpoint = await stack.db.indexerCheckpoint.findUniqueOrThrow({
      where: { chainId: stack.chainId },
    });
    const response = await fetch(`${web}/api/indexer/checkpoint`);
    expect(await response.json()).toEqual({
      chainId: stack.chainId,
      blockNumber: checkpoint.blockNumber.toString(),
    });
  });
});
