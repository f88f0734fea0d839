// saveModelCard reads the card's own front matter: the catalogue's facet columns and its full-text
// document always agree with the card that is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardFacets, splitCard } from "./card-front-matter.ts";
import { createPrismaClient, type PrismaClient, saveModelCard } from "./index.ts";
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
