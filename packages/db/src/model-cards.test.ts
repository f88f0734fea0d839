// saveModelCard reads the card's own front matter: the catalogue's facet columns and its full-text
// document always agree with the card that is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardFacets, splitCard } from "./card-front-matter.ts";
import { createPrismaClient, type PrismaClient, refreshCatalogueEntries, saveModelCard } from "./index.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

const CARD = `---
model_name: CXR Triage
license: other
pipeline_tag: Image-Classification
datasets:
  - Rural Clinic Chest X-ray Set
clinical_use: true
regulatory_status: CE marked, class IIa
limitations: Not for lateral views.
---

# CXR Triage

Flags chest X-rays for a radiologist.
`;

describe("splitCard and cardFacets", () => {
  it("reads the Hugging Face fields and Tessera's clinical fields", () => {
    const { meta, markdown, problem } = splitCard(CARD);
    expect(problem).toBeNull();
    expect(markdown.trimStart().startsWith("# CXR Triage")).toBe(true);
    expect(cardFacets(meta)).toEqual({
      task: "image-classification",
      regulatoryStatus: "CE marked, class IIa",
      clinicalUse: true,
    });
  });

  it("takes a dataset's first task category as its task", () => {
    const { meta } = splitCard("---\ntask_categories: [translation, summarization]\n---\nx");
    expect(cardFacets(meta).task).toBe("translation");
  });

  it("drops a field of the wrong shape without losing the others", () => {
    const { meta } = splitCard("---\nclinical_use: maybe\nlicense: mit\n---\n");
    expect(meta).toMatchObject({ license: "mit" });
    expect(cardFacets(meta).clinicalUse).toBe(false);
  });

  it("reports a header that is not YAML fields, and keeps the Markdown", () => {
    expect(splitCard("---\n- a list\n---\nbody")).toMatchObject({
      problem: expect.any(String),
      markdown: "body",
    });
    expect(splitCard("---\nkey: [broken\n---\nbody").problem).toMatch(/could not be read/);
  });
});

describe("saveModelCard", () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.url);
    await saveModelCard(prisma, {
      sha256: "a",
      name: "CXR Triage",
      summary: "Chest X-ray triage",
      body: CARD,
    });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it("stores the facets parsed from the front matter", async () => {
    expect(
      await prisma.modelCard.findUnique({
        where: { sha256: "a" },
        select: { task: true, regulatoryStatus: true, clinicalUse: true },
      }),
    ).toEqual({
      task: "image-classification",
      regulatoryStatus: "CE marked, class IIa",
      clinicalUse: true,
    });
  });

  it("indexes what a reader sees (Markdown, clinical fields), not the YAML's keys", async () => {
    const match = (q: string) =>
      prisma.$queryRaw<{ sha256: string }[]>`
        SELECT sha256 FROM "ModelCard" WHERE search @@ websearch_to_tsquery('english', ${q})`;
    expect(await match("lateral views")).toHaveLength(1);
    expect(await match("radiologist")).toHaveLength(1);
    expect(await match("pipeline_tag")).toHaveLength(0);
    expect(await match("clinic set")).toHaveLength(0);
  });
});

// The catalogue projection follows the card: an asset registered before its card was saved gets the
// card's facets and search document when the card arrives, and again when the card is rewritten.
describe("saveModelCard and the catalogue projection", () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  const sha = "b".repeat(64);
  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.url);
    await prisma.asset.create({
      data: {
        id: "31337:1",
        chainId: 31337,
        assetId: 1n,
        kind: "MODEL",
        owner: "0x0000000000000000000000000000000000000001",
        metadataUri: `tessera://card/${sha}`,
        contentHash: `0x${"c".repeat(64)}`,
        versionCount: 1,
        parentCount: 0,
        blockNumber: 1n,
        txHash: `0x${"d".repeat(64)}`,
        logIndex: 0,
        registeredAt: new Date("2026-01-01T00:00:00Z"),
        updatedBlock: 1n,
      },
    });
    await refreshCatalogueEntries(prisma, 31337, [1n]);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  const entry = async () =>
    (
      await prisma.$queryRaw<
        Array<{ name: string | null; task: string | null; clinicalUse: boolean; matches: boolean }>
      >`SELECT name, task, "clinicalUse", search @@ websearch_to_tsquery('english', 'radiologist') AS matches
        FROM "CatalogueEntry" WHERE id = '31337:1'`
    )[0];

  it("has an entry without card facets while the card is missing", async () => {
    expect(await entry()).toEqual({ name: null, task: null, clinicalUse: false, matches: null });
  });

  it("fills the entry's facets and document when the card is saved, and follows a rewrite", async () => {
    await saveModelCard(prisma, {
      sha256: sha,
      name: "CXR Triage",
      summary: "Chest X-ray triage",
      body: CARD,
    });
    expect(await entry()).toEqual({
      name: "CXR Triage",
      task: "image-classification",
      clinicalUse: true,
      matches: true,
    });
    await saveModelCard(prisma, {
      sha256: sha,
      name: "CXR Triage 2",
      summary: "Chest X-ray triage",
      body: CARD.replace("clinical_use: true", "clinical_use: false").replace("radiologist", "reader"),
    });
    expect(await entry()).toEqual({
      name: "CXR Triage 2",
      task: "image-classification",
      clinicalUse: false,
      matches: false,
    });
  });
});
