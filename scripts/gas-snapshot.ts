// Gas of Tessera's key operations, measured as whole transactions (receipt.gasUsed) on Hardhat's
// in-process chain after a real Ignition deployment.
//   node scripts/gas-snapshot.ts          measure and write contracts/gas-snapshot.json
//   node scripts/gas-snapshot.ts --check  measure and fail if an entry grew > 5% over the committed one
// Budgets are the gas targets the contracts were designed to; the table marks entries over budget.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { permitTypedData } from "@tessera/abi";
import hre from "hardhat";
import { type Address, type Hash, parseEther, parseSignature } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import TesseraModule from "../contracts/ignition/modules/Tessera.ts";

const SNAPSHOT = fileURLToPath(new URL("../contracts/gas-snapshot.json", import.meta.url));
const TOLERANCE = 0.05;
const HOLDERS = 1_000;
const AT_REGISTRATION = 150;
const BUDGETS: Record<string, number> = {
  "LicenseManager.purchase ETH (1 holder)": 150_000,
  "LicenseManager.purchase ETH (1,000 holders)": 150_000,
  "LicenseManager.purchaseWithPermit ERC-20": 210_000,
  "LicenseManager.renewWithPermit ERC-20": 150_000,
  "RoyaltyShares.claim 3 assets x 2 currencies": 120_000,
  "StakingPool.stake": 120_000,
  "StakingPool.unstake": 120_000,
  "StakingPool.claimRewards": 120_000,
};

type Snapshot = Record<string, { gas: number; budget: number | null }>;

const connection = await hre.network.create();
const { assetRegistry, licenseManager, royaltyShares, stakingPool, stakeToken, stablecoin } =
  await connection.ignition.deploy(TesseraModule, { displayUi: false });
const publicClient = await connection.viem.getPublicClient();
const wallets = await connection.viem.getWalletClients();
function wallet(index: number) {
  const found = wallets[index];
  if (!found) throw new Error(`Hardhat account #${index} is missing`);
  return found;
}
const [builder, clinic, curator, clinic2, clinic3] = [0, 1, 2, 3, 4].map(wallet) as [
  ReturnType<typeof wallet>,
  ReturnType<typeof wallet>,
  ReturnType<typeof wallet>,
  ReturnType<typeof wallet>,
  ReturnType<typeof wallet>,
];
const measured: Record<string, number> = {};

async function receipt(hash: Promise<Hash>) {
  const result = await publicClient.waitForTransactionReceipt({ hash: await hash });
  if (result.status !== "success") throw new Error("transaction reverted");
  return result;
}

async function measure(name: string, hash: Promise<Hash>): Promise<void> {
  measured[name] = Number((await receipt(hash)).gasUsed);
  process.stdout.write(`  measured ${name}\n`);
}

const card = "tessera://card/gas";
const content = `0x${"11".repeat(32)}` as const;
const solo = (holder: Address) => [{ holder, shares: 1_000_000n }];

async function register(split: { holder: Address; shares: bigint }[], name?: string): Promise<bigint> {
  const before = await assetRegistry.read.assetCount();
  const tx = assetRegistry.write.register([0, card, content, split, []], { account: builder.account });
  if (name) await measure(name, tx);
  else await receipt(tx);
  return before + 1n;
}

function terms(currency: Address, price: bigint) {
  const zeroHash = `0x${"00".repeat(32)}` as const;
  return {
    price,
    currency,
    period: 30 * 24 * 3600,
    maxLicenses: 0,
    pinnedVersion: 0,
    rights: 3,
    transferable: false,
    termsHash: zeroHash,
  };
}

async function offer(assetId: bigint, currency: Address, price: bigint, name?: string): Promise<bigint> {
  const tx = licenseManager.write.createOffer([assetId, terms(currency, price)], {
    account: builder.account,
  });
  if (name) await measure(name, tx);
  else await receipt(tx);
  return licenseManager.read.offerCount();
}

const ETH = "0x0000000000000000000000000000000000000000" as const;
const price = parseEther("0.1");

const usd = 500_000_000n;

// One sale per currency before any measurement, so the one-off costs of a deployment's very first
// sale in a currency (the vault's first balance in it, the first fee accrual) are not measured. The
// builder keeps some tUSD, so its claims below pay into an existing balance (measured separately).
const warmUp = await register(solo(builder.account.address));
for (const [currency, amount] of [
  [ETH, price],
  [stablecoin.address, usd],
] as const) {
  if (currency !== ETH) {
    await receipt(
      stablecoin.write.mint([builder.account.address, amount * 2n], { account: builder.account }),
    );
    await receipt(stablecoin.write.approve([licenseManager.address, amount], { account: builder.account }));
  }
  const id = await offer(warmUp, currency, amount);
  await receipt(
    licenseManager.write.purchase([id, 1, 1, builder.account.address, amount], {
      account: builder.account,
      value: currency === ETH ? amount : 0n,
    }),
  );
}

// Registration and a first ETH sale by a first-time buyer, asset with one holder and no parents.
const assetA = await register(solo(builder.account.address), "AssetRegistry.register (1 holder, no parents)");
const offerA = await offer(assetA, ETH, price, "LicenseManager.createOffer");
await measure(
  "LicenseManager.purchase ETH (1 holder)",
  licenseManager.write.purchase([offerA, 1, 1, clinic.account.address, price], {
    account: clinic.account,
    value: price,
  }),
);

// The same sale on an asset with 1,000 holders: the accumulator keeps it O(1). One transaction may
// not mint 1,000 balances and open their positions (16.7M gas cap), so 150 come with registration
// and the rest by transfer.
const holders = Array.from(
  { length: HOLDERS - 1 },
  (_, i) => privateKeyToAccount(`0x${(i + 1).toString(16).padStart(64, "a")}`).address,
);
const split = [{ holder: builder.account.address, shares: 1_000_000n - BigInt(AT_REGISTRATION - 1) }];
for (const holder of holders.slice(0, AT_REGISTRATION - 1)) split.push({ holder, shares: 1n });
const assetB = await register(split);
for (const [i, holder] of holders.slice(AT_REGISTRATION - 1).entries()) {
  await receipt(
    royaltyShares.write.safeTransferFrom([builder.account.address, holder, assetB, 1n, "0x"], {
      account: builder.account,
    }),
  );
  if (i % 200 === 199) process.stdout.write(`  ${AT_REGISTRATION + i + 1}/${HOLDERS} holders\n`);
}
const offerB = await offer(assetB, ETH, price);
await measure(
  "LicenseManager.purchase ETH (1,000 holders)",
  licenseManager.write.purchase([offerB, 1, 1, clinic2.account.address, price], {
    account: clinic2.account,
    value: price,
  }),
);

// ERC-20 with permit, first-time buyer.
const offerUsd = await offer(assetA, stablecoin.address, usd);
await receipt(stablecoin.write.mint([clinic3.account.address, usd * 10n], { account: clinic3.account }));
const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
const permitOf = async (value: bigint, nonce: bigint) =>
  parseSignature(
    await clinic3.signTypedData({
      account: clinic3.account,
      ...permitTypedData({
        tokenName: "Test USD",
        token: stablecoin.address,
        chainId: await publicClient.getChainId(),
        owner: clinic3.account.address,
        spender: licenseManager.address,
        value,
        nonce,
        deadline,
      }),
    }),
  );
const { r, s, v } = await permitOf(usd, 0n);
await measure(
  "LicenseManager.purchaseWithPermit ERC-20",
  licenseManager.write.purchaseWithPermit(
    [offerUsd, 1, 1, clinic3.account.address, usd, deadline, Number(v), r, s],
    {
      account: clinic3.account,
    },
  ),
);
// Renewing that license for one more period, again with a permit.
{
  const renewal = await permitOf(usd, 1n);
  await measure(
    "LicenseManager.renewWithPermit ERC-20",
    licenseManager.write.renewWithPermit(
      [await licenseManager.read.licenseCount(), 1, deadline, Number(renewal.v), renewal.r, renewal.s],
      { account: clinic3.account },
    ),
  );
}

// Claim across 3 assets x 2 currencies: revenue in ETH and tUSD on each.
const assetC = await register(solo(builder.account.address));
await receipt(stablecoin.write.mint([clinic.account.address, usd * 10n], { account: clinic.account }));
await receipt(stablecoin.write.approve([licenseManager.address, usd * 10n], { account: clinic.account }));
const claimOffers: bigint[] = [];
for (const asset of [assetA, assetB, assetC]) {
  claimOffers.push(await offer(asset, ETH, price), await offer(asset, stablecoin.address, usd));
}
async function sellEachOffer() {
  for (const id of claimOffers) {
    const eth = claimOffers.indexOf(id) % 2 === 0;
    await receipt(
      licenseManager.write.purchase([id, 1, 1, clinic.account.address, eth ? price : usd], {
        account: clinic.account,
        value: eth ? price : 0n,
      }),
    );
  }
}
const claimAll = (to: Address) =>
  royaltyShares.write.claim([[assetA, assetB, assetC], [ETH, stablecoin.address], to], {
    account: builder.account,
  });
await sellEachOffer();
await measure("RoyaltyShares.claim 3 assets x 2 currencies", claimAll(builder.account.address));
// The same claim paid to an account that never held tUSD: the token writes its balance from zero.
await sellEachOffer();
await measure("RoyaltyShares.claim 3x2, recipient's first tUSD", claimAll(curator.account.address));

// Staking: stake, earn the curator share of a sale, claim, unstake.
const stakeAmount = parseEther("100");
await receipt(
  stakeToken.write.mint([curator.account.address, stakeAmount * 10n], { account: curator.account }),
);
await receipt(
  stakeToken.write.approve([stakingPool.address, stakeAmount * 10n], { account: curator.account }),
);
// The pool's very first stake writes its token balance from zero, once per deployment: not measured.
await receipt(stakeToken.write.mint([builder.account.address, stakeAmount], { account: builder.account }));
await receipt(stakeToken.write.approve([stakingPool.address, stakeAmount], { account: builder.account }));
await receipt(stakingPool.write.stake([assetC, stakeAmount], { account: builder.account }));
await measure(
  "StakingPool.stake",
  stakingPool.write.stake([assetA, stakeAmount], { account: curator.account }),
);
await receipt(
  licenseManager.write.purchase([offerA, 1, 1, clinic.account.address, price], {
    account: clinic.account,
    value: price,
  }),
);
await measure(
  "StakingPool.claimRewards",
  stakingPool.write.claimRewards([[assetA], [ETH], curator.account.address], { account: curator.account }),
);
await measure(
  "StakingPool.unstake",
  stakingPool.write.unstake([assetA, stakeAmount / 2n], { account: curator.account }),
);

await connection.close();

// ── report ──
const snapshot: Snapshot = Object.fromEntries(
  Object.entries(measured).map(([name, gas]) => [name, { gas, budget: BUDGETS[name] ?? null }]),
);
const committed: Snapshot = (() => {
  try {
    return JSON.parse(readFileSync(SNAPSHOT, "utf8"));
  } catch {
    return {};
  }
})();
const rows = Object.entries(snapshot).map(([name, { gas, budget }]) => {
  const before = committed[name]?.gas;
  const change = before ? ((gas - before) / before) * 100 : null;
  const over = budget !== null && gas > budget;
  const grew = change !== null && change > TOLERANCE * 100;
  return { name, gas, budget, change, over, grew };
});
process.stdout.write(
  `\n${"operation".padEnd(48)} ${"gas".padStart(9)} ${"budget".padStart(9)} ${"vs snapshot".padStart(12)}\n`,
);
for (const row of rows) {
  const change = row.change === null ? "new" : `${row.change >= 0 ? "+" : ""}${row.change.toFixed(1)}%`;
  const flags = `${row.over ? " OVER BUDGET" : ""}${row.grew ? " GREW >5%" : ""}`;
  process.stdout.write(
    `${row.name.padEnd(48)} ${row.gas.toLocaleString("en").padStart(9)} ${(row.budget?.toLocaleString("en") ?? "-").padStart(9)} ${change.padStart(12)}${flags}\n`,
  );
}

if (process.argv.includes("--check")) {
  const missing = Object.keys(committed).filter((name) => !(name in snapshot));
  const grew = rows.filter((row) => row.grew || row.change === null);
  if (grew.length > 0 || missing.length > 0) {
    process.stderr.write(
      `\ngas snapshot is stale: ${[...grew.map((r) => r.name), ...missing].join(", ")}.\n` +
        "Run `node scripts/gas-snapshot.ts` and commit contracts/gas-snapshot.json if the change is intended.\n",
    );
    process.exit(1);
  }
  process.stdout.write("\ngas snapshot: every entry within 5% of the committed one\n");
} else {
  writeFileSync(SNAPSHOT, `${JSON.stringify(snapshot, null, 2)}\n`);
  process.stdout.write(`\nwrote ${SNAPSHOT.slice(SNAPSHOT.indexOf("contracts/"))}\n`);
}
