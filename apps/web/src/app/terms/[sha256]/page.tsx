import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { db } from "@/server/db";
import { findTermsDocument } from "@/server/publish/terms";

export const metadata: Metadata = { title: "License terms" };

/** A terms document exactly as its offers committed to it, with the hash to check it by. */
export default async function TermsPage({ params }: { params: Promise<{ sha256: string }> }) {
  await connection();
  const { sha256 } = await params;
  const document = await findTermsDocument(db(), sha256.toLowerCase());
  if (!document) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">License terms</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Offers record this document's sha256 on chain. Save it as a file and run{" "}
        <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">sha256sum</code> on it to check it is
        the document you agreed to:
      </p>
      <p
        className="mt-2 break-all font-mono text-xs text-slate-700 dark:text-slate-300"
        data-testid="terms-hash"
      >
        {document.sha256.slice(2)}
      </p>
      <pre
        data-testid="terms-body"
        className="mt-6 overflow-x-auto whitespace-pre-wrap rounded-2xl border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        {document.body}
      </pre>
    </div>
  );
}
