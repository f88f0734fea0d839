// An oracle independent of the indexer's handlers: every projected row that a contract can answer
// for is checked against the contract's own view functions, at the checkpoint's block. The
// consistency and crash tests compare the projection with a re-index through the same handlers, so a
// wrong mapping would pass both; this would not.
//
// Covered (table: columns, and the view that answers):
//   Asset: owner (ownerOf), kind and versionCount (assetOf), contentHash (contentHashOf); row count (assetCount)
//   ShareHolding: balance (balanceOf); balances of an asset sum to the supply, so no holder is missing
//   SharePosition + AssetRevenue: claimable per holder, asset and currency (claimable), derived from
//     the holding, the position and the asset's credited total, also for holders without a position row
//   AssetRevenue: credited (totalCredited), for every asset x tracked currency, rows or not
//   ProtocolFee: accrued - withdrawn (accruedProtocolFees)
//   Currency: allowed (allowedCurrency)
//   Offer: assetId, price, currency, period, maxLicenses, pinnedVersion, rights, transferable,
//     termsHash, sold, retired (offerOf); row count (offerCount)
//   License: holder (ownerOf), offerId, seats, expiresAt, delegates, epoch (licenseOf), validity for
//     the holder (isValid); row count (licenseCount)
//   SeatDelegation: validity for the delegate (isValid) = active, same epoch, license unexpired
//   AssetStake: totalStake, totalShares, activeShares, openChallenges (assetPool)
//   Stake: activeShares (sharesOf)
//   UnbondingEntry: staker, assetId, shares, releaseAt (unbondingEntry); withdrawn = entry gone
//   Challenge: challenger, assetId, slashBps, challengerShareBps, bond, status (challengeOf)
//   CuratorReward: per asset and currency, rewards notified - claimed >= what stakers can still
//     claim (sum of pendingRewards), and per staker claimed <= notified overall
//   CatalogueEntry: every column recomputed here, in TypeScript, from the rows checked above (Asset,
//     Offer, Currency, AssetStake), AssetVersion and the off-chain ModelCard; one entry per asset.
//     Independent of the SQL function (catalogue_refresh) the indexer maintains it with.
import { assetRegistryAbi, licenseManagerAbi, royaltySharesAbi, stakingPoolAbi } from "@tessera/abi";
import { Prisma, type PrismaClient } from "@tessera/db";
import type { Address, Hex, PublicClient } from "viem";

const SUPPLY = 1_000_000n;
const KINDS = ["MODEL", "DATASET"];
// IStakingPool.ChallengeStatus, in Solidity's order.
const STATUSES = ["NONE", "OPEN", "UPHELD", "REJECTED", "LAPSED"];

export type OracleContracts = Record<
  "AssetRegistry" | "RoyaltyShares" | "LicenseManager" | "StakingPool",
  Address
>;

export type OracleReport = { checked: Record<string, number>; mismatches: string[] };

type Row = Record<string, unknown>;
const big = (value: unknown) => BigInt(String(value));
const seconds = (value: unknown) =>
  value === null ? 0n : BigInt(Math.round(new Date(String(value)).getTime() / 1000));

/** Rows of a raw query, numeric columns (Prisma Decimals) as exact bigints. */
async function query(db: PrismaClient, sql: string, ...values: unknown[]): Promise<Row[]> {
  return (await db.$queryRawUnsafe<Row[]>(sql, ...values)).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        Prisma.Decimal.isDecimal(v) ? BigInt((v as Prisma.Decimal).toFixed()) : v,
      ]),
    ),
  );
}

export async function checkAgainstContracts(
  db: PrismaClient,
  publicClient: PublicClient,
  contracts: OracleContracts,
  chainId: number,
): Promise<OracleReport> {
  const checkpoint = await db.indexerCheckpoint.findUniqueOrThrow({ where: { chainId } });
  const blockNumber = checkpoint.blockNumber;
  const block = await publicClient.getBlock({ blockNumber });
  // Numeric columns come back as Prisma Decimals: made exact bigints here.
  const rows = async (table: string) => query(db, `SELECT * FROM "${table}" WHERE "chainId" = $1`, chainId);
  const checked: Record<string, number> = {};
  const mismatches: string[] = [];
  const expect = (what: string, projected: unknown, onChain: unknown) => {
    const key = what.split(" ")[0] as string;
    checked[key] = (checked[key] ?? 0) + 1;
    const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : String(v));
    if (norm(projected) !== norm(onChain))
      mismatches.push(`${what}: projected ${projected}, contract ${onChain}`);
  };
  const read = <T>(parameters: {
    address: Address;
    abi: readonly unknown[];
    functionName: string;
    args?: readonly unknown[];
  }): Promise<T> => publicClient.readContract({ ...parameters, blockNumber } as never) as Promise<T>;
  const registry = { address: contracts.AssetRegistry, abi: assetRegistryAbi };
  const shares = { address: contracts.RoyaltyShares, abi: royaltySharesAbi };
  const licenses = { address: contracts.LicenseManager, abi: licenseManagerAbi };
  const pool = { address: contracts.StakingPool, abi: stakingPoolAbi };

  // AssetRegistry
  const assets = await rows("Asset");
  expect("Asset count", assets.length, await read<bigint>({ ...registry, functionName: "assetCount" }));
  for (const a of assets) {
    const id = big(a.assetId);
    const [kind, versionCount] = await read<[number, number]>({
      ...registry,
      functionName: "assetOf",
      args: [id],
    });
    expect(`Asset.kind ${id}`, a.kind, KINDS[kind]);
    expect(`Asset.versionCount ${id}`, a.versionCount, versionCount);
    expect(
      `Asset.owner ${id}`,
      a.owner,
      await read<Address>({ ...registry, functionName: "ownerOf", args: [id] }),
    );
    expect(
      `Asset.contentHash ${id}`,
      a.contentHash,
      await read<Hex>({ ...registry, functionName: "contentHashOf", args: [id, BigInt(versionCount)] }),
    );
  }

  // RoyaltyShares
  const holdings = await rows("ShareHolding");
  const revenues = await rows("AssetRevenue");
  const positions = new Map(
    (await rows("SharePosition")).map((p) => [`${p.assetId}:${p.holder}:${p.currency}`, p]),
  );
  const supplyByAsset = new Map<string, bigint>();
  const currencies = await read<Address[]>({ ...shares, functionName: "currencies" });
  for (const h of holdings) {
    const id = big(h.assetId);
    const holder = h.holder as Address;
    supplyByAsset.set(String(id), (supplyByAsset.get(String(id)) ?? 0n) + big(h.balance));
    expect(
      `ShareHolding.balance ${id} ${holder}`,
      big(h.balance),
      await read<bigint>({ ...shares, functionName: "balanceOf", args: [holder, id] }),
    );
    for (const r of revenues.filter((r) => String(r.assetId) === String(id))) {
      const currency = r.currency as Address;
      const p = positions.get(`${id}:${holder}:${currency}`);
      const settled = p ? big(p.settled) : 0n;
      const accrued = p ? big(p.accrued) : 0n;
      const claimable = accrued + (big(h.balance) * (big(r.credited) - settled)) / SUPPLY;
      expect(
        `SharePosition.claimable ${id} ${holder} ${currency}`,
        claimable,
        await read<bigint>({ ...shares, functionName: "claimable", args: [holder, id, currency] }),
      );
    }
  }
  for (const a of assets)
    expect(`ShareHolding.supply ${a.assetId}`, supplyByAsset.get(String(a.assetId)) ?? 0n, SUPPLY);
  const credited = new Map(revenues.map((r) => [`${r.assetId}:${r.currency}`, big(r.credited)]));
  for (const a of assets) {
    for (const currency of currencies) {
      expect(
        `AssetRevenue.credited ${a.assetId} ${currency}`,
        credited.get(`${a.assetId}:${currency.toLowerCase()}`) ?? 0n,
        await read<bigint>({ ...shares, functionName: "totalCredited", args: [big(a.assetId), currency] }),
      );
    }
  }

  // LicenseManager
  for (const f of await rows("ProtocolFee")) {
    expect(
      `ProtocolFee.balance ${f.currency}`,
      big(f.accrued) - big(f.withdrawn),
      await read<bigint>({ ...licenses, functionName: "accruedProtocolFees", args: [f.currency as Address] }),
    );
  }
  for (const c of await rows("Currency")) {
    expect(
      `Currency.allowed ${c.address}`,
      c.allowed,
      await read<boolean>({ ...licenses, functionName: "allowedCurrency", args: [c.address as Address] }),
    );
  }
  const offers = await rows("Offer");
  expect("Offer count", offers.length, await read<bigint>({ ...licenses, functionName: "offerCount" }));
  for (const o of offers) {
    const id = big(o.offerId);
    const on = await read<Row>({ ...licenses, functionName: "offerOf", args: [id] });
    for (const column of [
      "assetId",
      "price",
      "currency",
      "period",
      "maxLicenses",
      "pinnedVersion",
      "rights",
      "transferable",
      "termsHash",
      "sold",
      "retired",
    ])
      expect(`Offer.${column} ${id}`, o[column], on[column]);
  }
  const licenseRows = await rows("License");
  expect(
    "License count",
    licenseRows.length,
    await read<bigint>({ ...licenses, functionName: "licenseCount" }),
  );
  const byLicense = new Map<string, Row>();
  for (const l of licenseRows) {
    const id = big(l.licenseId);
    byLicense.set(String(id), l);
    const on = await read<Row>({ ...licenses, functionName: "licenseOf", args: [id] });
    expect(
      `License.holder ${id}`,
      l.holder,
      await read<Address>({ ...licenses, functionName: "ownerOf", args: [id] }),
    );
    expect(`License.offerId ${id}`, l.offerId, on.offerId);
    expect(`License.seats ${id}`, l.seats, on.seats);
    expect(`License.expiresAt ${id}`, seconds(l.expiresAt), on.expiresAt);
    expect(`License.delegates ${id}`, l.delegates, on.delegates);
    expect(`License.epoch ${id}`, l.epoch, on.epoch);
    const unexpired = l.expiresAt === null || seconds(l.expiresAt) > block.timestamp;
    expect(
      `License.valid ${id}`,
      unexpired,
      await read<boolean>({ ...licenses, functionName: "isValid", args: [id, l.holder as Address] }),
    );
  }
  for (const d of await rows("SeatDelegation")) {
    const license = byLicense.get(String(d.licenseId)) as Row;
    const unexpired = license.expiresAt === null || seconds(license.expiresAt) > block.timestamp;
    const holderToo = String(license.holder) === String(d.account);
    const valid = holderToo || (unexpired && d.active === true && d.epoch === license.epoch);
    expect(
      `SeatDelegation.valid ${d.licenseId} ${d.account}`,
      holderToo ? unexpired : valid,
      await read<boolean>({
        ...licenses,
        functionName: "isValid",
        args: [big(d.licenseId), d.account as Address],
      }),
    );
  }

  // StakingPool
  for (const s of await rows("AssetStake")) {
    const on = await read<Row>({ ...pool, functionName: "assetPool", args: [big(s.assetId)] });
    for (const column of ["totalStake", "totalShares", "activeShares", "openChallenges"])
      expect(`AssetStake.${column} ${s.assetId}`, s[column], on[column]);
  }
  const stakes = await rows("Stake");
  for (const s of stakes) {
    expect(
      `Stake.activeShares ${s.assetId} ${s.staker}`,
      s.activeShares,
      await read<bigint>({ ...pool, functionName: "sharesOf", args: [big(s.assetId), s.staker as Address] }),
    );
  }
  for (const e of await rows("UnbondingEntry")) {
    const on = await read<Row>({ ...pool, functionName: "unbondingEntry", args: [big(e.entryId)] });
    if (e.withdrawn) {
      expect(`UnbondingEntry.withdrawn ${e.entryId}`, 0n, on.shares);
      continue;
    }
    expect(`UnbondingEntry.staker ${e.entryId}`, e.staker, on.owner);
    expect(`UnbondingEntry.assetId ${e.entryId}`, e.assetId, on.assetId);
    expect(`UnbondingEntry.shares ${e.entryId}`, e.shares, on.shares);
    expect(`UnbondingEntry.releaseAt ${e.entryId}`, seconds(e.releaseAt), on.releaseTime);
  }
  for (const c of await rows("Challenge")) {
    const on = await read<Row>({ ...pool, functionName: "challengeOf", args: [big(c.challengeId)] });
    expect(`Challenge.status ${c.challengeId}`, c.status, STATUSES[Number(on.status)]);
    for (const column of ["challenger", "assetId", "slashBps", "challengerShareBps", "bond"])
      expect(`Challenge.${column} ${c.challengeId}`, c[column], on[column]);
  }
  // Rewards: what was notified and not claimed covers what stakers can still claim (dust stays).
  const rewards = await rows("CuratorReward");
  const outstanding = new Map<string, bigint>();
  for (const r of rewards) {
    const key = `${r.assetId}:${r.currency}`;
    const sign = r.kind === "NOTIFIED" ? 1n : -1n;
    outstanding.set(key, (outstanding.get(key) ?? 0n) + sign * big(r.amount));
  }
  for (const [key, left] of outstanding) {
    const [assetId, currency] = key.split(":") as [string, Address];
    let pending = 0n;
    for (const s of stakes.filter((s) => String(s.assetId) === assetId)) {
      pending += await read<bigint>({
        ...pool,
        functionName: "pendingRewards",
        args: [BigInt(assetId), currency, s.staker as Address],
      });
    }
    checked.CuratorReward = (checked.CuratorReward ?? 0) + 1;
    if (left < pending)
      mismatches.push(`CuratorReward ${key}: notified - claimed ${left} < claimable ${pending}`);
    if (left < 0n) mismatches.push(`CuratorReward ${key}: more claimed than notified (${left})`);
  }

  // The catalogue projection, recomputed from its inputs.
  const entries = await query(
    db,
    `SELECT id, "assetId", kind, "metadataUri", "registeredAt", "newestVersionAt", name, task, "regulatoryStatus",
       "clinicalUse", rights, currencies, "minPrice", "minPriceEth", "minPriceStable", licenses, "totalStake", staked,
       "openChallenges", challenged, search::text AS search
     FROM "CatalogueEntry" WHERE "chainId" = $1`,
    chainId,
  );
  const expected = await expectedCatalogueEntries(db, chainId);
  expect("CatalogueEntry count", entries.length, expected.size);
  for (const entry of entries) {
    const want = expected.get(String(entry.assetId));
    if (!want) {
      mismatches.push(`CatalogueEntry ${entry.assetId}: an entry for an asset that does not exist`);
      continue;
    }
    for (const [column, value] of Object.entries(want))
      expect(`CatalogueEntry.${column} ${entry.assetId}`, comparable(entry[column]), comparable(value));
  }
  return { checked, mismatches };
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const comparable = (value: unknown) =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(",") : value;

/**
 * What each asset's CatalogueEntry must hold, by assetId: computed here from the raw rows, apart from
 * the SQL that maintains it. Live offer = not retired and not sold out (maxLicenses 0: unlimited).
 */
export async function expectedCatalogueEntries(
  db: PrismaClient,
  chainId: number,
): Promise<Map<string, Record<string, unknown>>> {
  const byAsset = <T extends Row>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) map.set(String(row.assetId), [...(map.get(String(row.assetId)) ?? []), row]);
    return map;
  };
  const select = (table: string) => query(db, `SELECT * FROM "${table}" WHERE "chainId" = $1`, chainId);
  const [assets, offers, stakes, versions, currencies, cards] = await Promise.all([
    select("Asset"),
    select("Offer"),
    select("AssetStake"),
    select("AssetVersion"),
    select("Currency"),
    query(
      db,
      `SELECT sha256, name, task, "regulatoryStatus", "clinicalUse", search::text AS search FROM "ModelCard"`,
    ),
  ]);
  const offersOf = byAsset(offers);
  const versionsOf = byAsset(versions);
  const stakeOf = new Map(stakes.map((s) => [String(s.assetId), s]));
  const stable = new Set(currencies.filter((c) => c.allowed).map((c) => String(c.address)));
  const cardOf = new Map(cards.map((c) => [String(c.sha256), c]));
  const out = new Map<string, Record<string, unknown>>();
  const min = (values: bigint[]) => [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))[0] ?? null;
  for (const a of assets) {
    const uri = String(a.metadataUri);
    const card = uri.startsWith("tessera://card/")
      ? cardOf.get(uri.slice("tessera://card/".length))
      : undefined;
    const all = offersOf.get(String(a.assetId)) ?? [];
    const live = all.filter(
      (o) => !o.retired && (big(o.maxLicenses) === 0n || big(o.sold) < big(o.maxLicenses)),
    );
    const stake = stakeOf.get(String(a.assetId));
    const totalStake = stake ? big(stake.totalStake) : 0n;
    const openChallenges = stake ? Number(stake.openChallenges) : 0;
    const published = (versionsOf.get(String(a.assetId)) ?? []).map((v) => (v.publishedAt as Date).getTime());
    out.set(String(a.assetId), {
      id: `${chainId}:${a.assetId}`,
      kind: a.kind,
      metadataUri: uri,
      registeredAt: a.registeredAt,
      newestVersionAt: published.length > 0 ? new Date(Math.max(...published)) : a.registeredAt,
      name: card?.name ?? null,
      task: card?.task ?? null,
      regulatoryStatus: card?.regulatoryStatus ?? null,
      clinicalUse: card?.clinicalUse ?? false,
      rights: live.reduce((bits, o) => bits | Number(o.rights), 0),
      currencies: [...new Set(live.map((o) => String(o.currency)))].sort(),
      minPrice: min(live.map((o) => big(o.price))),
      minPriceEth: min(live.filter((o) => o.currency === ZERO_ADDRESS).map((o) => big(o.price))),
      minPriceStable: min(live.filter((o) => stable.has(String(o.currency))).map((o) => big(o.price))),
      licenses: all.reduce((sum, o) => sum + big(o.sold), 0n),
      totalStake,
      staked: totalStake > 0n,
      openChallenges,
      challenged: openChallenges > 0,
      search: card?.search ?? null,
    });
  }
  return out;
}
