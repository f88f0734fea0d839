"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TUS_ENDPOINT } from "@/upload/api";
import { forgetInterruptedUpload } from "@/upload/previous-uploads";
import { describeUploadError } from "@/upload/upload-errors";
import { BUTTON_SECONDARY } from "@/wallet/styles";

/** Cancels an unfinished upload (from any browser): the server drops its bytes and its quota claim. */
export function CancelUploadButton({ uploadId, fileName }: { uploadId: string; fileName: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function cancel() {
    setBusy(true);
    setProblem(null);
    const url = `${TUS_ENDPOINT}/${uploadId}`;
    const response = await fetch(url, { method: "DELETE", headers: { "Tus-Resumable": "1.0.0" } }).catch(
      () => null,
    );
    setBusy(false);
    if (response?.status === 204) {
      forgetInterruptedUpload(window.localStorage, url);
      router.refresh();
      return;
    }
    const body = response ? await response.text() : "";
    setProblem(
      describeUploadError(
        response ? { originalResponse: { getStatus: () => response.status, getBody: () => body } } : null,
      ).message,
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={BUTTON_SECONDARY}
        onClick={cancel}
        aria-busy={busy}
        aria-label={`Cancel upload of ${fileName}`}
        data-testid="upload-row-cancel"
      >
        {busy ? "Cancelling…" : "Cancel upload"}
      </button>
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
