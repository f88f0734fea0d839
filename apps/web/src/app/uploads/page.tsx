import type { Metadata } from "next";
import { connection } from "next/server";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { uploadLimits } from "@/server/storage";
import { listUploads } from "@/server/storage-uploads";
import { UploadList } from "./_components/upload-list";
import { UploadPanel } from "./_components/upload-panel";

export const metadata: Metadata = {
  title: "My uploads",
  description:
    "Upload model weights and datasets to Tessera and find the sha256 each one will be published under.",
};

/** A builder's artifacts: upload a new one (resumable), and the sha256 of each finished upload. */
export default async function UploadsPage() {
  await connection();
  const session = await currentSession(db());
  const uploads = session ? await listUploads(session.address.toLowerCase()) : [];
  const limits = uploadLimits();
  const used = uploads.filter((u) => u.status !== "FAILED").reduce((sum, u) => sum + Number(u.size), 0);
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:px-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">My uploads</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
          Upload model weights or a dataset before publishing it. Tessera stores each file under its sha256,
          the content hash the chain records, so a clinic can check that what it downloads is exactly what you
          published.
        </p>
      </div>
      <UploadPanel signedInOnServer={session !== null} />
      {session ? <UploadList uploads={uploads} usedBytes={used} limits={limits} /> : null}
    </div>
  );
}
