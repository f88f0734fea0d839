import { assetRegistryAbi, licenseManagerAbi } from "@tessera/abi/browser";
import { decodeFunctionData, encodeFunctionData, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { TxPreconditionError } from "@/tx/use-transaction";
import { newDraft, type PublishDraft } from "./draft";
import { nextAssetId, publishBatchCalls } from "./publish-batch";

const builder = "0x1111111111111111111111111111111111111111";
const contracts = {
  assetRegistry: "0x2222222222222222222222222222222222222222",
  licenseManager: "0x3333333333333333333333333333333333333333",
  stablecoin: "0x4444444444444444444444444444444444444444",
} as const;
const hash = (digit: string) => `0x${digit.repeat(64)}`;

function readyDraft(): PublishDraft {
  const draft = newDraft(builder);
  const offer = (currency: "ETH" | "tUSD", price: string) => ({
    ...draft.offers[0],
    currency,
    price,
    terms: { ...draft.offers[0]?.terms, intendedUse: "Flags wrist fractures." },
  });
  return {
    ...draft,
    artifact: { uploadId: "u1", sha256: hash("a"), size: 1, fileName: "m.onnx" },
    offers: [offer("ETH", "0.05"), offer("tUSD", "250")] as PublishDraft["offers"],
    progress: {
      ...draft.progress,
      card: { sha256: hash("c"), metadataURI: `tessera://card/${"c".repeat(64)}`, name: "Wrist" },
      terms: [hash("1"), hash("2")],
    },
  };
}

describe("predicting the asset number a publish batch registers", () => {
  it("is the registry's count plus one, as register numbers assets", () => {
    expect(nextAssetId(0n)).toBe(1n);
    expect(nextAssetId(41n)).toBe(42n);
  });

  it("registers first, then creates every offer on the predicted number", () => {
    const calls = publishBatchCalls(readyDraft(), contracts, 42n);
    expect(calls.map((c) => [c.address, c.functionName])).toEqual([
      [contracts.assetRegistry, "register"],
      [contracts.licenseManager, "createOffer"],
      [contracts.licenseManager, "createOffer"],
    ]);
    const offers = calls.slice(1).map((call) =>
      decodeFunctionData({
        abi: licenseManagerAbi,
        data: encodeFunctionData({
          abi: licenseManagerAbi,
          functionName: "createOffer",
          args: call.args as never,
        }),
      }),
    );
    expect(
      offers.map((o) => (o.args as readonly [bigint, { currency: string; termsHash: string }])[0]),
    ).toEqual([42n, 42n]);
    expect(offers.map((o) => (o.args as readonly [bigint, { currency: string }])[1].currency)).toEqual([
      zeroAddress,
      contracts.stablecoin,
    ]);
    const register = decodeFunctionData({
      abi: assetRegistryAbi,
      data: encodeFunctionData({
        abi: assetRegistryAbi,
        functionName: "register",
        args: calls[0]?.args as never,
      }),
    });
    expect(register.args?.[2]).toBe(hash("a"));
  });

  it("refuses before the wallet opens when the draft is not ready or already registered", () => {
    const draft = readyDraft();
    expect(() =>
      publishBatchCalls({ ...draft, progress: { ...draft.progress, terms: [hash("1")] } }, contracts, 7n),
    ).toThrow(TxPreconditionError);
    expect(() =>
      publishBatchCalls({ ...draft, progress: { ...draft.progress, assetId: "7" } }, contracts, 8n),
    ).toThrow(/already registered/);
  });
});
