// The walking skeleton's slice through every layer: a registration on chain is read by the indexer,
// written through Prisma, and rendered by the home page's server component.
import { assetRegistryAbi } from "@tessera/abi";
import { createWalletClient, http } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { type Stack, startStack } from "../support/stack.ts";

describe("chain -> indexer -> Postgres -> page", () => {
  let stack: Stack;
  let webUrl: string;

  beforeAll(async () => {
    stack = await startStack();
    webUrl = await stack.startWeb();
  });
  afterAll(() => stack?.stop());

  it("projects every seeded registration into the Asset table", async () => {
    const result = await stack.index();
    expect(result?.events).toBeGreaterThanOrEqual(stack.seededNames.length);
    const assets = await stack.db.asset.findMany({ orderBy: { assetId: "asc" } });
    expect(assets.map((a) => a.assetId)).toEqual(stack.seededNames.map((_, i) => BigInt(i + 1)));
    expect(new Set(assets.map((a) => a.owner))).toEqual(
      new Set(["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"]),
    );
    expect(assets[0]?.kind).toBe("DATASET");
  });

  it("changes nothing when the same blocks are indexed again", async () => {
    const before = await stack.db.chainEvent.count();
    await stack.db.indexerCheckpoint.deleteMany({});
    await stack.index();
    expect(await stack.db.chainEvent.count()).toBe(before);
    expect(await stack.db.asset.count()).toBe(stack.seededNames.length);
  });

  it("renders the indexed assets, newest first, in the home page HTML", async () => {
    const html = await (await fetch(`${webUrl}/`)).text();
    const positions = stack.seededNames.map((name) => html.indexOf(name));
    for (const position of positions) expect(position).toBeGreaterThan(-1);
    // Newest first: the last registration appears before the first.
    expect(positions.at(-1)).toBeLessThan(positions[0] ?? 0);
  });

  it("shows a registration made after the page was first served once it is indexed", async () => {
    const wallet = createWalletClient({
      chain: hardhat,
      transport: http(stack.rpcUrl),
      account: devAccount(DEV_ACCOUNT.contributor),
    });
    const hash = await wallet.writeContract({
      address: stack.registry,
      abi: assetRegistryAbi,
      functionName: "register",
      args: [
        0,
        "tessera://card/unknown",
        `0x${"ab".repeat(32)}`,
        [{ holder: wallet.account.address, shares: 1_000_000n }],
        [],
      ],
    });
    await stack.publicClient.waitForTransactionReceipt({ hash });
    await stack.index();
    const html = await (await fetch(`${webUrl}/`)).text();
    // No card was stored for it, so the page falls back to its id.
    expect(html).toContain(`Untitled model #${stack.seededNames.length + 1}`);
  });
});
