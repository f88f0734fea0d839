// The contracts every Tessera deployment has, and their wiring, given a stake token and the ERC-20s
// offers may be priced in. Shared by the local/testnet module (faucet tokens) and the production
// module (existing tokens), so both wire roles exactly alike.
import type { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { keccak256, toHex } from "viem";

const role = (name: string) => keccak256(toHex(name));

type ModuleBuilder = Parameters<Parameters<typeof buildModule>[1]>[0];
/** A token the module deploys (faucet) or one that already exists: anything a call can take. */
type Token = NonNullable<Parameters<ModuleBuilder["call"]>[2]>[number];

export function deployCore(m: ModuleBuilder, stakeToken: Token, currencies: readonly Token[]) {
  const admin = m.getParameter("admin", m.getAccount(0));
  const treasury = m.getParameter("treasury", m.getAccount(0));
  const protocolFeeBps = m.getParameter("protocolFeeBps", 250);
  const curatorBps = m.getParameter("curatorBps", 500);
  const unbondingDelay = m.getParameter("unbondingDelaySeconds", 7 * 24 * 3600);
  const slashBps = m.getParameter("slashBps", 2_000);
  // A challenge freezes an asset's stake until it is resolved or lapses, so opening one must cost
  // real money (100 stake tokens of 18 decimals) and the arbiter gets a bounded time (14 days).
  const minChallengeBond = m.getParameter("minChallengeBond", 100n * 10n ** 18n);
  const challengePeriod = m.getParameter("challengePeriodSeconds", 14 * 24 * 3600);

  const royaltyShares = m.contract("RoyaltyShares", [admin]);
  const assetRegistry = m.contract("AssetRegistry", [royaltyShares]);
  const stakingPool = m.contract("StakingPool", [
    admin,
    stakeToken,
    assetRegistry,
    treasury,
    unbondingDelay,
    slashBps,
    minChallengeBond,
    challengePeriod,
  ]);
  const licenseManager = m.contract("LicenseManager", [
    admin,
    assetRegistry,
    royaltyShares,
    stakingPool,
    treasury,
    protocolFeeBps,
    curatorBps,
  ]);

  m.call(royaltyShares, "grantRole", [role("MINTER_ROLE"), assetRegistry], { id: "GrantRegistryMinter" });
  // The LicenseManager holds sale proceeds; the shares keep the books and tell it whom to pay.
  const vault = m.call(royaltyShares, "setVault", [licenseManager], { id: "SetRevenueVault" });
  m.call(stakingPool, "grantRole", [role("REWARD_NOTIFIER_ROLE"), licenseManager], {
    id: "GrantLicensesNotifier",
  });
  m.call(stakingPool, "grantRole", [role("ARBITER_ROLE"), admin], { id: "GrantAdminArbiter" });
  currencies.forEach((currency, index) => {
    // Allowing a currency makes the shares track it, which only the vault may ask for.
    m.call(licenseManager, "setCurrencyAllowed", [currency, true], {
      id: `AllowCurrency${index}`,
      after: [vault],
    });
  });

  return { assetRegistry, royaltyShares, licenseManager, stakingPool };
}
