import { CURRENCY_DECIMALS, type CurrencySymbol, fromBaseUnits } from "./catalogue-terms";

// Prices, periods and stake amounts in words a clinic's staff reads: "0.04 ETH per seat per 30 days".
// Amounts travel as decimal strings of the currency's smallest unit (wei, micro-tUSD); no floats.

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/**
 * The symbol of an offer's currency: ETH for the zero address, else tUSD. The Currency table records
 * only the allowed ERC-20s' addresses (their symbol and decimals are not in any event), and the one
 * allowed ERC-20 Tessera deploys is its 6-decimal test stablecoin.
 */
export function currencySymbol(address: string): CurrencySymbol {
  return address.toLowerCase() === ZERO_ADDRESS ? "ETH" : "tUSD";
}

/** "1234500000" micro-tUSD -> "1,234.5 tUSD"; at most `maxFraction` decimals, rounded down. */
export function formatAmount(base: string, currency: CurrencySymbol, maxFraction = 4): string {
  const [whole = "0", fraction = ""] = fromBaseUnits(base, CURRENCY_DECIMALS[currency]).split(".");
  const shown = fraction.slice(0, maxFraction).replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const tiny = shown === "" && /[1-9]/.test(fraction) && whole === "0";
  if (tiny) return `< 0.${"0".repeat(maxFraction - 1)}1 ${currency}`;
  return `${grouped}${shown ? `.${shown}` : ""} ${currency}`;
}

/** "30 days", "1 year", "perpetual" (period 0). */
export function formatPeriod(seconds: string | number | bigint): string {
  const s = Number(seconds);
  if (s === 0) return "perpetual";
  const days = s / 86_400;
  if (Number.isInteger(days / 365) && days >= 365) return plural(days / 365, "year");
  if (Number.isInteger(days)) return plural(days, "day");
  const hours = s / 3_600;
  return Number.isInteger(hours) ? plural(hours, "hour") : plural(s, "second");
}

function plural(n: number, unit: string): string {
  return `${n.toLocaleString("en-GB")} ${unit}${n === 1 ? "" : "s"}`;
}

/** "0.04 ETH per seat per 30 days" or "900 tUSD per seat, once (perpetual)". */
export function formatPrice(base: string, currency: CurrencySymbol, periodSeconds: string | number): string {
  const amount = formatAmount(base, currency);
  const period = formatPeriod(periodSeconds);
  return period === "perpetual" ? `${amount} per seat, perpetual` : `${amount} per seat per ${period}`;
}

export type OfferPrice = {
  currency: CurrencySymbol;
  base: string;
  period: string;
  /** "0.04 ETH per seat per 30 days" */
  label: string;
  /** "0.04 ETH / 30 days" (cards, where "per seat" is in the heading) */
  short: string;
};

/** The cheapest live offer per currency, as the catalogue's cards show it. */
export function pricesFromRows(
  rows: ReadonlyArray<{ currency: string; price: string; period: string }>,
): OfferPrice[] {
  return rows
    .map((row) => {
      const currency = currencySymbol(row.currency);
      const period = formatPeriod(row.period);
      return {
        currency,
        base: row.price,
        period: row.period,
        label: formatPrice(row.price, currency, row.period),
        short: `${formatAmount(row.price, currency)} ${period === "perpetual" ? "perpetual" : `/ ${period}`}`,
      };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Stake-token units (18 decimals) -> "2,500 TSTK". */
export function formatStake(base: string): string {
  return formatAmount(base, "ETH", 2).replace(/ ETH$/, " TSTK");
}
