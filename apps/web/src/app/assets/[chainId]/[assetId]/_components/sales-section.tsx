import { SalesChart } from "@/components/sales-chart";
import { formatAmount } from "@/lib/money";
import type { AssetDetail } from "@/server/asset-detail";
import { muted, Section } from "./section";

export function SalesSection({ sales, licenses }: { sales: AssetDetail["sales"]; licenses: number }) {
  const totals = new Map<string, bigint>();
  for (const s of sales) totals.set(s.currency, (totals.get(s.currency) ?? 0n) + BigInt(s.total));
  const revenue = [...totals].map(([currency, total]) =>
    formatAmount(total.toString(), currency as "ETH" | "tUSD"),
  );
  return (
    <Section
      id="sales"
      title="Sales"
      aside={
        <p className={`text-sm ${muted}`} data-testid="sales-summary">
          {licenses.toLocaleString("en-GB")} {licenses === 1 ? "license" : "licenses"} sold
          {revenue.length > 0 ? ` · ${revenue.join(" + ")} paid` : ""}
        </p>
      }
    >
      {sales.length === 0 ? (
        <p className={`text-sm ${muted}`}>
          No licenses have been sold yet. Sales appear here as they are confirmed on chain.
        </p>
      ) : (
        <SalesChart sales={sales} />
      )}
    </Section>
  );
}
