// The catalogue's full-text search: saveModelCard fills ModelCard.search, and its GIN index answers
// websearch queries ranked by where the words occur (name before summary before body).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient, saveModelCard } from "./index.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let database: TestDatabase;
let prisma: PrismaClient;
const sepsis = { sha256: "c", name: "Sepsis Early Warning", summary: "Vital signs", body: "ICU time series" };

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
  await saveModelCard(prisma, {
    sha256: "a",
    name: "Retina DR Screen",
    summary: "Diabetic retinopathy grading",
    body: "fundus photos",
  });
  await saveModelCard(prisma, {
    sha256: "b",
    name: "CXR Triage",
    summary: "Chest X-ray triage for pneumonia",
    body: "retina not involved",
  });
  await saveModelCard(prisma, sepsis);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

async function search(query: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ sha256: string }[]>`
    SELECT sha256 FROM "ModelCard" WHERE search @@ websearch_to_tsquery('english', ${query})
    ORDER BY ts_rank(search, websearch_to_tsquery('english', ${query})) DESC, sha256`;
  return rows.map((row) => row.sha256);
}

describe("ModelCard full-text search", () => {
  it("finds cards by stemmed words and ranks a match in the name above one in the body", async () => {
    expect(await search("retinas")).toEqual(["a", "b"]);
    expect(await search("chest x-ray")).toEqual(["b"]);
    expect(await search("warning -retina")).toEqual(["c"]);
  });

  it("rewrites the document when a card is saved again", async () => {
    await saveModelCard(prisma, { ...sepsis, summary: "Early sepsis alerts for pneumonia" });
    expect(await search("pneumonia")).toEqual(["b", "c"]);
    expect((await prisma.modelCard.findUnique({ where: { sha256: "c" } }))?.summary).toBe(
      "Early sepsis alerts for pneumonia",
    );
  });

  it("is served by the GIN index", async () => {
    const plan = await prisma.$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'ModelCard' AND indexname = 'ModelCard_search_idx'`;
    expect(plan[0]?.indexdef).toContain("USING gin (search)");
  });
});
