"use client";

import { useState } from "react";
import { ApiRequestError } from "@/lib/api/problem";
import type { DownloadResult } from "./download-verify";

type State =
  | { status: "idle" }
  | { status: "working"; received: number; size: number }
  | { status: "done"; result: DownloadResult }
  | { status: "refused"; code: string; message: string };

/**
 * Download the artifact a license covers and check it: the page hashes what arrived and compares it
 * with the sha256 recorded on chain. No wallet signature: the sign-in session is enough.
 */
export function DownloadButton({
  licenseId,
  sha256,
  offersHref,
}: {
  licenseId: string;
  sha256: string;
  offersHref: string;
}) {
  const [state, setState] = useState<State>({ status: "idle" });
  const start = async () => {
    setState({ status: "working", received: 0, size: 0 });
    try {
      const { downloadAndVerify } = await import("./download-verify");
      const result = await downloadAndVerify({ licenseId, sha256 }, (received, size) =>
        setState({ status: "working", received, size }),
      );
      setState({ status: "done", result });
    } catch (error) {
      setState({
        status: "refused",
        code: error instanceof ApiRequestError ? error.problem.code : "ERROR",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const fileName = state.status === "done" ? state.result.grant.fileName : "the-file";
  return (
    <div className="space-y-2" data-testid="download" data-state={state.status}>
      <button
        type="button"
        onClick={() => void start()}
        disabled={state.status === "working"}
        className="inline-flex h-10 items-center rounded-full bg-slate-900 px-5 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 dark:bg-white dark:text-slate-900"
      >
        {state.status === "working" ? "Downloading…" : "Download and verify"}
      </button>
      <div aria-live="polite" className="text-sm">
        {state.status === "working" && state.size > 0 ? (
          <p>
            {Math.floor((state.received / state.size) * 100)}% of {state.size.toLocaleString("en-GB")} bytes
          </p>
        ) : null}
        {state.status === "done" ? (
          state.result.verified ? (
            <div className="space-y-1">
              <p className="font-semibold text-teal-800 dark:text-teal-300" data-testid="download-verdict">
                Verified: the file's sha256 matches the hash recorded on chain.
              </p>
              <a
                href={state.result.objectUrl}
                download={fileName}
                className="font-medium text-teal-800 underline dark:text-teal-300"
              >
                Save {fileName}
              </a>
            </div>
          ) : (
            <p className="font-semibold text-rose-800 dark:text-rose-300" data-testid="download-verdict">
              Mismatch: the file hashes to <span className="font-mono break-all">{state.result.actual}</span>,
              not <span className="font-mono break-all">{sha256}</span>. Do not use it; press Download again.
            </p>
          )
        ) : null}
        {state.status === "refused" ? (
          <p role="alert" data-testid="download-refused" data-code={state.code}>
            {state.message}{" "}
            {state.code === "NO_LICENSE" || state.code === "SEAT_REVOKED" ? (
              <a href={offersHref} className="font-medium text-teal-800 underline dark:text-teal-300">
                See the offers
              </a>
            ) : null}
          </p>
        ) : null}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        To check a saved copy yourself, run{" "}
        <code className="font-mono break-all" data-testid="sha256sum">
          sha256sum {fileName}
        </code>{" "}
        and compare it with <span className="font-mono break-all">{sha256.slice(2)}</span>.
      </p>
    </div>
  );
}
