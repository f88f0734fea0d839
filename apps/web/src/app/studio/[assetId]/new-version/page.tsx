import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SignInPrompt } from "@/auth/sign-in-prompt";
import { parseCardUri } from "@/lib/card-uri";
import { shortenHex } from "@/lib/format";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { contracts } from "@/server/deployment";
import { serverEnv } from "@/server/env";
import { NewVersionForm } from "@/studio/new-version-form";

export const metadata: Metadata = { title: "New version" };

export default async function NewVersionPage({ params }: { params: Promise<{ assetId: string }> }) {
  await connection();
  const { assetId: raw } = await params;
  if (!/^\d{1,18}$/.test(raw)) notFound();
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const asset = await db().asset.findUnique({
    where: { chainId_assetId: { chainId, assetId: BigInt(raw) } },
  });
  if (!asset) notFound();
  const hash = parseCardUri(asset.metadataUri);
  const card = hash
    ? await db().modelCard.findUnique({ where: { sha256: hash }, select: { name: true, body: true } })
    : null;
  const name = card?.name ?? `Asset #${raw}`;
  const session = await currentSession(db());
  const deployed = await contracts().catch(() => null);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link
          href={"/studio" as Route}
          className="text-teal-700 underline underline-offset-2 dark:text-teal-400"
        >
          Studio
        </Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">New version of {name}</h1>
      {!session ? (
        <SignInPrompt purpose="to publish a new version" />
      ) : session.address.toLowerCase() !== asset.owner ? (
        <p role="alert" className="text-sm text-slate-700 dark:text-slate-300" data-testid="not-owner">
          Only the asset's owner ({shortenHex(asset.owner)}) can publish its versions; you are signed in as{" "}
          {shortenHex(session.address)}. Switch to the owner's wallet and sign in again.
        </p>
      ) : !deployed ? (
        <p role="alert" className="text-sm">
          Publishing is unavailable right now: Tessera cannot find its contracts. Try again in a moment.
        </p>
      ) : (
        <NewVersionForm
          target={{
            chainId,
            assetId: raw,
            kind: asset.kind === "DATASET" ? "dataset" : "model",
            name,
            nextVersion: asset.versionCount + 1,
            registry: deployed.AssetRegistry,
            currentCard: card?.body ?? "",
            currentMetadataUri: asset.metadataUri,
          }}
        />
      )}
    </div>
  );
}
