// Sign-In with Ethereum: each way a message can be wrong is refused with its own
// reason and writes nothing; a good one consumes its nonce and opens exactly one session. Real
// Postgres, a real chain (for the ERC-1271 smart-contract wallet) and real signatures.

import { type Expected, issueNonce, SignInError, signIn } from "@tessera/auth";
import { createPrismaClient, type PrismaClient } from "@tessera/db";
import { createTestDatabase, type TestDatabase } from "@tessera/db/testing";
import hre from "hardhat";
import { type Address, getAddress, type Hex, type PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

const connection = await hre.network.create();
const chain = (await connection.viem.getPublicClient()) as unknown as PublicClient;
const clinic = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());

let database: TestDatabase;
let db: PrismaClient;
let multisig: Address;

const site = { domain: "tessera.example", origin: "https://tessera.example" };
const expectedAt = (now: Date): Expected => ({ ...site, chainId: 31337, chainName: "Hardhat", now });

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  const wallet = await connection.viem.deployContract("TestSmartWallet", [clinic.address]);
  multisig = wallet.address;
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  await connection.close();
});
beforeEach(async () => {
  await db.authSession.deleteMany();
  await db.authNonce.deleteMany();
});

type MessageFields = Partial<Parameters<typeof createSiweMessage>[0]>;

async function signedMessage(fields: MessageFields = {}, signer = clinic) {
  const now = new Date();
  const nonce = fields.nonce ?? (await issueNonce(db, now)).nonce;
  const message = createSiweMessage({
    ...site,
    uri: `${site.origin}/explore`,
    address: signer.address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: now,
    ...fields,
  });
  return { message, signature: await signer.signMessage({ message }) };
}

async function refusal(request: { message: string; signature: Hex | string }, now = new Date()) {
  const before = { nonces: await db.authNonce.count(), sessions: await db.authSession.count() };
  const error = await signIn({ db, chain }, request, expectedAt(now)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the sign-in should have been refused").toBeInstanceOf(SignInError);
  // Nothing is written on a refusal: the nonce stays usable, no session appears.
  expect({ nonces: await db.authNonce.count(), sessions: await db.authSession.count() }).toEqual(before);
  return error as SignInError;
}

describe("signIn", () => {
  it("opens one session for a good message and consumes its nonce", async () => {
    const request = await signedMessage();
    const { token, session } = await signIn({ db, chain }, request, expectedAt(new Date()));
    expect(session.address).toBe(clinic.address);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(await db.authNonce.count()).toBe(0);
    const rows = await db.authSession.findMany();
    expect(rows).toHaveLength(1);
    // Only the token's hash is stored.
    expect(rows[0]?.tokenHash).not.toContain(token);
    expect(rows[0]?.address).toBe(clinic.address.toLowerCase());
  });

  it("refuses a replayed message: its nonce is single-use", async () => {
    const request = await signedMessage();
    await signIn({ db, chain }, request, expectedAt(new Date()));
    expect((await refusal(request)).code).toBe("SIGN_IN_NONCE_USED");
  });

  it("lets exactly one of two concurrent uses of the same message through", async () => {
    const request = await signedMessage();
    const results = await Promise.allSettled([
      signIn({ db, chain }, request, expectedAt(new Date())),
      signIn({ db, chain }, request, expectedAt(new Date())),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.authSession.count()).toBe(1);
  });

  it("refuses a nonce the server never issued", async () => {
    const request = await signedMessage({ nonce: "neverIssued12345" });
    expect((await refusal(request)).code).toBe("SIGN_IN_NONCE_USED");
  });

  it("refuses a nonce that expired before it was used", async () => {
    const request = await signedMessage();
    const later = new Date(Date.now() + 11 * 60 * 1000);
    const error = await refusal(request, later);
    // The message is stale by then too; either reason says "sign in again".
    expect(["SIGN_IN_NONCE_USED", "SIGN_IN_STALE"]).toContain(error.code);
  });

  it("refuses an expired message", async () => {
    const request = await signedMessage({ expirationTime: new Date(Date.now() - 1000) });
    const error = await refusal(request);
    expect(error.code).toBe("SIGN_IN_EXPIRED");
    expect(error.message).toMatch(/expired/);
  });

  it("refuses a message issued long ago", async () => {
    const request = await signedMessage({ issuedAt: new Date(Date.now() - 60 * 60 * 1000) });
    expect((await refusal(request)).code).toBe("SIGN_IN_STALE");
  });

  it("refuses a message made for another website", async () => {
    const request = await signedMessage({ domain: "evil.example" });
    const error = await refusal(request);
    expect(error.code).toBe("SIGN_IN_WRONG_DOMAIN");
    expect(error.message).toContain("evil.example");
  });

  it("refuses a message whose URI is on another origin", async () => {
    const request = await signedMessage({ uri: "https://evil.example/login" });
    expect((await refusal(request)).code).toBe("SIGN_IN_WRONG_URI");
  });

  it("refuses a message for another chain, naming the right one", async () => {
    const request = await signedMessage({ chainId: 1 });
    const error = await refusal(request);
    expect(error.code).toBe("SIGN_IN_WRONG_CHAIN");
    expect(error.message).toMatch(/Hardhat/);
  });

  it("refuses a signature made by another address", async () => {
    const { message } = await signedMessage();
    const signature = await stranger.signMessage({ message });
    const error = await refusal({ message, signature });
    expect(error.code).toBe("SIGN_IN_BAD_SIGNATURE");
    expect(error.retryable).toBe(false);
  });

  it("refuses a signature that is not a signature", async () => {
    const { message } = await signedMessage();
    expect((await refusal({ message, signature: "0x1234" })).code).toBe("SIGN_IN_BAD_SIGNATURE");
  });

  it.each([
    ["plain text", "hello, let me in"],
    ["a message without a nonce", "tessera.example wants you to sign in with your Ethereum account:\n0x0"],
    ["unicode noise", "🦄".repeat(200)],
  ])("refuses a malformed message (%s)", async (_label, message) => {
    expect((await refusal({ message, signature: `0x${"11".repeat(65)}` })).code).toBe("SIGN_IN_MALFORMED");
  });

  describe("a smart-contract wallet (ERC-1271, like a clinic's multisig)", () => {
    it("signs in when its owner signed", async () => {
      const { message } = await signedMessage({ address: multisig });
      const signature = await clinic.signMessage({ message });
      const { session } = await signIn({ db, chain }, { message, signature }, expectedAt(new Date()));
      expect(session.address).toBe(getAddress(multisig));
    });

    it("is refused when someone else signed", async () => {
      const { message } = await signedMessage({ address: multisig });
      const signature = await stranger.signMessage({ message });
      expect((await refusal({ message, signature })).code).toBe("SIGN_IN_BAD_SIGNATURE");
    });
  });
});
