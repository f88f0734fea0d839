import type { Upload } from "@tessera/db";
import { formatDate } from "@/lib/format";
import type { UploadLimits } from "@/server/storage";
import { formatBytes } from "@/upload/api";
import { CancelUploadButton } from "./cancel-upload-button";

const STATUS_WORDS: Record<Upload["status"], string> = {
  RECEIVING: "In progress",
  COMPLETE: "Stored",
  FAILED: "Failed: upload it again",
};

/** The account's uploads, newest first, with the sha256 each finished one is stored under. */
export function UploadList({
  uploads,
  usedBytes,
  limits,
}: {
  uploads: Upload[];
  usedBytes: number;
  limits: UploadLimits;
}) {
  return (
    <section aria-labelledby="uploads-list" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="uploads-list" className="text-lg font-semibold">
          Your files
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="uploads-usage">
          {formatBytes(usedBytes)} of {formatBytes(limits.quotaBytes)} used · up to{" "}
          {formatBytes(limits.maxFileBytes)} per file
        </p>
      </div>
      {uploads.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No uploads yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl ring-1 ring-slate-200 dark:divide-slate-700 dark:ring-slate-700">
          {uploads.map((upload) => (
            <li key={upload.id} className="space-y-1 p-4" data-testid="upload-row">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium break-all">{upload.fileName}</span>
                <span className="text-sm text-slate-600 dark:text-slate-300">
                  {formatBytes(Number(upload.size))} · {STATUS_WORDS[upload.status]} ·{" "}
                  {formatDate(upload.createdAt)}
                </span>
              </div>
              {upload.status === "RECEIVING" ? (
                <CancelUploadButton uploadId={upload.id} fileName={upload.fileName} />
              ) : null}
              {upload.sha256 ? (
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  sha256{" "}
                  <code className="font-mono break-all text-slate-900 dark:text-slate-100">
                    {upload.sha256}
                  </code>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
