import { type Address, zeroAddress } from "viem";
import { CURRENCY_DECIMALS } from "@/lib/catalogue-terms";
import type { OfferView } from "@/server/asset-detail";
import { contracts } from "@/server/deployment";
import { licenseSplitRules } from "@/server/licenses-split";
import { BuyControl } from "./buy-control";

/** The offer's Buy control: the form, with the split rules and addresses resolved on the server. */
export async function BuyAction({
  chainId,
  assetId,
  assetName,
  offer,
}: {
  chainId: number;
  assetId: string;
  assetName: string;
  offer: OfferView;
}) {
  const resolved = await (async () => {
    const deployed = await contracts();
    // The one ERC-20 Tessera allows is its stablecoin (see currencySymbol in lib/money).
    const currency: Address = offer.currency === "ETH" ? zeroAddress : deployed.Stablecoin;
    return { deployed, currency, rules: await licenseSplitRules(BigInt(assetId), currency) };
  })().catch(() => null);
  if (!resolved) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Buying is unavailable right now: Tessera cannot reach the chain. Reload the page in a moment.
      </p>
    );
  }
  return (
    <BuyControl
      target={{
        chainId,
        assetId,
        assetName,
        offerId: offer.id,
        licenseManager: resolved.deployed.LicenseManager,
        currency: resolved.currency,
        symbol: offer.currency,
        decimals: CURRENCY_DECIMALS[offer.currency],
        price: offer.price,
        period: offer.period,
        rules: resolved.rules,
      }}
    />
  );
}
