// The publish wizard's API over HTTP against the production build: cards and terms documents are
// stored for signed-in builders only; every bad input is a problem+json 4xx and writes nothing.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devAccount } from "../../scripts/lib/accounts.ts";
import { signInOverHttp } from "../support/session.ts";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
let web: string;
let cookie: string;

beforeAll(async () => {
  stack = await startStack();
  await stack.index();
  web = await stack.startWeb();
  cookie = await signInOverHttp(web, devAccount(7));
});
afterAll(async () => {
  await stack?.stop();
});

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", cookie, ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const written = async () => ({
  cards: await stack.db.modelCard.count(),
  terms: await stack.db.termsDocument.count(),
});

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as {
    detail: string;
    code: string;
    errors?: Array<{ field: string; message: string }>;
  };
  expect(body.detail).toMatch(/\S.*[.)]$/);
  return body;
}

const GOOD_CARD = `---
model_name: Fracture Finder
pipeline_tag: image-classification
intended_use: Flags wrist fractures on radiographs for review.
population: Adults seen in emergency departments.
evaluation: Sensitivity 0.93 on 2,000 studies.
limitations: Not validated on children.
---

# Fracture Finder

Flags likely wrist fractures so a radiologist reads them first.
`;

const offer = {
  price: "0.05",
  currency: "ETH",
  period: "365d",
  maxLicenses: "",
  transferable: false,
  rights: ["research", "clinical"],
  pinnedVersion: 0,
  terms: {
    use: "clinical",
    intendedUse: "Flags wrist fractures on radiographs for review by a radiologist.",
    jurisdictions: ["EU", "UK"],
    liability: "licensee",
    dataHandling: "on-premises",
  },
};

describe("POST /api/cards", () => {
  it("stores a card under the sha256 of its text and names it by URI", async () => {
    const response = await fetch(`${web}/api/cards`, post({ kind: "model", body: GOOD_CARD }));
    expect(response.status).toBe(201);
    const saved = (await response.json()) as { sha256: string; metadataURI: string; name: string };
    const hex = createHash("sha256").update(GOOD_CARD).digest("hex");
    expect(saved).toEqual({
      sha256: `0x${hex}`,
      metadataURI: `tessera://card/${hex}`,
      name: "Fracture Finder",
    });
    const row = await stack.db.modelCard.findUnique({ where: { sha256: hex } });
    expect(row?.name).toBe("Fracture Finder");
    expect(row?.clinicalUse).toBe(false);
    expect(row?.task).toBe("image-classification");
  });

  const cases: Array<[string, () => RequestInit, number, RegExp]> = [
    [
      "not signed in",
      () => ({
        ...post({ kind: "model", body: GOOD_CARD }),
        headers: { "content-type": "application/json" },
      }),
      401,
      /Sign in/,
    ],
    [
      "YAML that does not parse",
      () => post({ kind: "model", body: "---\nmodel_name: [a\n---\n# A\n" }),
      422,
      /Line \d+, column \d+/,
    ],
    [
      "a header that never closes",
      () => post({ kind: "model", body: "---\nmodel_name: A\n" }),
      422,
      /never ends/,
    ],
    ["a card without a name", () => post({ kind: "dataset", body: "plain words" }), 422, /pretty_name/],
    ["an unknown kind", () => post({ kind: "robot", body: GOOD_CARD }), 422, /body\.kind/],
    ["wrong types", () => post({ kind: 1, body: ["x"] }), 422, /body\./],
    ["an empty card", () => post({ kind: "model", body: "" }), 422, /Write the card/],
    [
      "a card over 256 KB",
      () => post({ kind: "model", body: `# A\n${"é".repeat(200_000)}` }),
      413,
      /larger than/,
    ],
    ["malformed JSON", () => post("{"), 400, /not valid JSON/],
    [
      "a write from another website",
      () => post({ kind: "model", body: GOOD_CARD }, { origin: "https://evil.example" }),
      403,
      /another website/,
    ],
  ];
  it.each(cases)("refuses %s and writes nothing", async (_label, init, status, detail) => {
    const before = await written();
    const body = await problem(await fetch(`${web}/api/cards`, init()), status);
    expect(`${body.detail} ${JSON.stringify(body.errors ?? [])}`).toMatch(detail);
    expect(await written()).toEqual(before);
  });
});

describe("POST /api/cards/preview", () => {
  it("renders the card and places problems without storing anything", async () => {
    const before = await written();
    const response = await fetch(
      `${web}/api/cards/preview`,
      post({ kind: "model", body: "---\ntags: [a\n---\n<script>alert(1)</script>\n# X\n" }),
    );
    expect(response.status).toBe(200);
    const preview = (await response.json()) as {
      html: string;
      errors: Array<{ line: number }>;
      name: string | null;
    };
    expect(preview.errors[0]?.line).toBeGreaterThanOrEqual(2);
    expect(preview.html).not.toContain("<script");
    expect(preview.name).toBe("X");
    expect(await written()).toEqual(before);
  });
});

describe("POST /api/terms", () => {
  it("renders the terms from the template, stores them and answers their sha256", async () => {
    // The demo seed stores its own offers' terms: count from here.
    const seeded = await stack.db.termsDocument.count();
    const response = await fetch(`${web}/api/terms`, post({ assetName: "Fracture Finder", offer }));
    expect(response.status).toBe(201);
    const saved = (await response.json()) as { sha256: string; body: string };
    expect(saved.sha256).toBe(`0x${createHash("sha256").update(saved.body).digest("hex")}`);
    expect(saved.body).toContain("This license applies in: EU, UK.");
    expect((await stack.db.termsDocument.findUnique({ where: { sha256: saved.sha256 } }))?.body).toBe(
      saved.body,
    );
    const page = await fetch(`${web}/terms/${saved.sha256}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Flags wrist fractures on radiographs");
    // The same offer gives the same document: stored once.
    const again = (await (
      await fetch(`${web}/api/terms`, post({ assetName: "Fracture Finder", offer }))
    ).json()) as { sha256: string };
    expect(again.sha256).toBe(saved.sha256);
    expect(await stack.db.termsDocument.count()).toBe(seeded + 1);
  });

  const cases: Array<[string, unknown, number, RegExp]> = [
    ["a zero price", { assetName: "A", offer: { ...offer, price: "0" } }, 422, /more than 0/],
    ["a negative price", { assetName: "A", offer: { ...offer, price: "-1" } }, 422, /Enter a price/],
    ["a huge price", { assetName: "A", offer: { ...offer, price: "1".repeat(39) } }, 422, /too large/],
    ["no rights", { assetName: "A", offer: { ...offer, rights: [] } }, 422, /at least one usage right/],
    [
      "clinical terms without the clinical right",
      { assetName: "A", offer: { ...offer, rights: ["research"] } },
      422,
      /clinical right/,
    ],
    [
      "no jurisdiction",
      { assetName: "A", offer: { ...offer, terms: { ...offer.terms, jurisdictions: [] } } },
      422,
      /jurisdiction/,
    ],
    [
      "an unknown currency",
      { assetName: "A", offer: { ...offer, currency: "DOGE" } },
      422,
      /body\.offer\.currency/,
    ],
    ["an empty asset name", { assetName: " ", offer }, 422, /Name the asset/],
  ];
  it.each(cases)("refuses %s and writes nothing", async (_label, body, status, detail) => {
    const before = await written();
    const answer = await problem(await fetch(`${web}/api/terms`, post(body)), status);
    expect(`${answer.detail} ${JSON.stringify(answer.errors ?? [])}`).toMatch(detail);
    expect(await written()).toEqual(before);
  });

  it("refuses a visitor who is not signed in", async () => {
    const before = await written();
    await problem(
      await fetch(`${web}/api/terms`, {
        ...post({ assetName: "A", offer }),
        headers: { "content-type": "application/json" },
      }),
      401,
    );
    expect(await written()).toEqual(before);
  });
});

describe("GET /api/assets/names", () => {
  it("names known assets and leaves unknown ones out", async () => {
    const response = await fetch(`${web}/api/assets/names?ids=1,2,999`);
    expect(response.status).toBe(200);
    const { assets } = (await response.json()) as { assets: Array<{ assetId: string; name: string }> };
    expect(assets.map((a) => a.assetId).sort()).toEqual(["1", "2"]);
    expect(assets.every((a) => stack.seededNames.includes(a.name))).toBe(true);
  });
  it("refuses a list that is not asset numbers", async () => {
    await problem(await fetch(`${web}/api/assets/names?ids=1;DROP`), 400);
    await problem(
      await fetch(`${web}/api/assets/names?ids=${Array.from({ length: 9 }, (_, i) => i + 1).join(",")}`),
      400,
    );
  });
});
