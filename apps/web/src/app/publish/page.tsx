import type { Metadata } from "next";
import { connection } from "next/server";
import { PublishWizard } from "@/publish/publish-wizard";
import { contracts } from "@/server/deployment";
import { serverEnv } from "@/server/env";

export const metadata: Metadata = {
  title: "Publish a model or dataset",
  description:
    "Publish a medical AI model or dataset on Tessera: card, artifact, contributors, lineage and license offers.",
};

export default async function PublishPage() {
  await connection();
  const deployed = await contracts().catch(() => null);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Publish a model or dataset</h1>
      <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
        Write its card, upload the artifact, say who shares the revenue and what it derives from, then set the
        licenses clinics can buy. Your draft is kept in this browser until you publish.
      </p>
      <div className="mt-8">
        {deployed ? (
          <PublishWizard
            chainId={serverEnv().TESSERA_CHAIN_ID}
            contracts={{
              assetRegistry: deployed.AssetRegistry,
              licenseManager: deployed.LicenseManager,
              stablecoin: deployed.Stablecoin,
            }}
          />
        ) : (
          <p role="alert" className="text-sm text-slate-700 dark:text-slate-300">
            Publishing is unavailable right now: Tessera cannot find its contracts on this network. Try again
            in a moment.
          </p>
        )}
      </div>
    </div>
  );
}
