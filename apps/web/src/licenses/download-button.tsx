"use client";

import { useRef, useState } from "react";
import type { DownloadGrant } from "@/lib/api/downloads";
import { ApiRequestError } from "@/lib/api/problem";
import { formatBytes } from "@/lib/format";
import { addSample, bytesPerSecond, type SpeedSample, timeLeft } from "@/upload/upload-speed";
import { chooseSaveFile, SaveCancelledError, type SaveChoice } from "./download-sink";
import type { DownloadResult } from "./download-verify";

type State =
  | { status: "idle"; note?: string }
  | { status: "preparing" }
  | { status: "choose"; grant: DownloadGrant }
  | { status: "working"; received: number; size: number; speed: number | null }
  | { status: "done"; result: DownloadResult }
  | { status: "too-large"; grant: DownloadGrant; message: string }
  | { status: "refused"; code: string; message: string };

const BUTTON =
  "inline-flex h-10 items-center rounded-full bg-slate-900 px-5 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 dark:bg-white dark:text-slate-900";
const LINK = "font-medium text-teal-800 underline dark:text-teal-300";

/**
 * Download the artifact a license covers and check it: the page hashes what arrives and compares it
 * with the sha256 recorded on chain. Where the browser allows, the bytes go straight into the file
 * the user chose, and a file that fails the check is not kept. No wallet signature: the sign-in
 * session is enough.
 */
export function DownloadButton({
  licenseId,
  sha256,
  fileName,
  offersHref,
}: {
  licenseId: string;
  sha256: string;
  fileName: string;
  offersHref: string;
}) {
  const [state, setState] = useState<State>({ status: "idle" });
  const samples = useRef<SpeedSample[]>([]);
  const request = { licenseId, sha256 };

  const fail = (error: unknown) => {
    if (error instanceof SaveCancelledError) return setState({ status: "idle", note: error.message });
    const verify = error as { name?: string; grant?: DownloadGrant; message?: string };
    if (verify.name === "TooLargeForMemoryError" && verify.grant) {
      return setState({ status: "too-large", grant: verify.grant, message: verify.message ?? "" });
    }
    setState({
      status: "refused",
      code: error instanceof ApiRequestError ? error.problem.code : "ERROR",
      message: error instanceof Error ? error.message : String(error),
    });
  };

  const receive = async (grant: DownloadGrant, choice: Exclude<SaveChoice, { kind: "ask-again" }>) => {
    samples.current = [];
    setState({ status: "working", received: 0, size: grant.size, speed: null });
    const { downloadAndVerify } = await import("./download-verify");
    const result = await downloadAndVerify(request, grant, choice, (received, size) => {
      samples.current = addSample(samples.current, { at: performance.now(), bytes: received });
      setState({ status: "working", received, size, speed: bytesPerSecond(samples.current) });
    });
    setState({ status: "done", result });
  };

  const start = async () => {
    setState({ status: "preparing" });
    try {
      const { requestDownload } = await import("./download-verify");
      const grant = await requestDownload(request);
      const choice = await chooseSaveFile(grant.fileName);
      if (choice.kind === "ask-again") return setState({ status: "choose", grant });
      await receive(grant, choice);
    } catch (error) {
      fail(error);
    }
  };

  const chooseAgain = async (grant: DownloadGrant) => {
    try {
      const choice = await chooseSaveFile(grant.fileName);
      await receive(grant, choice.kind === "ask-again" ? { kind: "memory" } : choice);
    } catch (error) {
      fail(error);
    }
  };

  const busy = state.status === "preparing" || state.status === "working";
  return (
    <div className="space-y-2" data-testid="download" data-state={state.status}>
      {state.status === "choose" ? (
        <button type="button" onClick={() => void chooseAgain(state.grant)} className={BUTTON}>
          Choose where to save
        </button>
      ) : (
        <button type="button" onClick={() => void start()} disabled={busy} className={BUTTON}>
          {state.status === "preparing"
            ? "Checking your license…"
            : state.status === "working"
              ? "Downloading…"
              : "Download and verify"}
        </button>
      )}
      <div aria-live="polite" className="text-sm">
        {state.status === "idle" && state.note ? <p>{state.note}</p> : null}
        {state.status === "choose" ? (
          <p>Your license is valid. Choose where to save the file; the download starts then.</p>
        ) : null}
        {state.status === "working" ? <Progress {...state} /> : null}
        {state.status === "done" ? <Verdict result={state.result} expected={sha256} /> : null}
        {state.status === "too-large" ? (
          <p role="alert" data-testid="download-refused" data-code="TOO_LARGE_FOR_BROWSER">
            {state.message}{" "}
            <a href={state.grant.url} download={state.grant.fileName} className={LINK}>
              Save {state.grant.fileName} with the browser
            </a>
          </p>
        ) : null}
        {state.status === "refused" ? (
          <p role="alert" data-testid="download-refused" data-code={state.code}>
            {state.message}{" "}
            {state.code === "NO_LICENSE" || state.code === "SEAT_REVOKED" ? (
              <a href={offersHref} className={LINK}>
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

function Progress({ received, size, speed }: { received: number; size: number; speed: number | null }) {
  if (size === 0) return <p>Starting the download…</p>;
  const left = timeLeft(size - received, speed);
  return (
    <div className="space-y-1">
      <progress
        value={received}
        max={size}
        aria-label="Download progress"
        className="h-2 w-full max-w-sm overflow-hidden rounded-full accent-teal-700"
      />
      <p data-testid="download-progress">
        {Math.floor((received / size) * 100)}% · {formatBytes(received)} of {formatBytes(size)}
        {speed ? ` · ${formatBytes(speed)}/s` : ""}
        {left ? ` · ${left}` : ""}
      </p>
    </div>
  );
}

function Verdict({ result, expected }: { result: DownloadResult; expected: string }) {
  const name = result.grant.fileName;
  if (!result.verified) {
    return (
      <p className="font-semibold text-rose-800 dark:text-rose-300" data-testid="download-verdict">
        Mismatch: the file hashes to <span className="font-mono break-all">{result.actual}</span>, not{" "}
        <span className="font-mono break-all">{expected}</span>, so it was not saved. Do not use any copy of
        it; press Download to try again, and tell the seller if it happens again.
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <p className="font-semibold text-teal-800 dark:text-teal-300" data-testid="download-verdict">
        Verified: the file's sha256 matches the hash recorded on chain.
        {result.savedTo === "file" ? ` Saved as ${name}.` : ""}
      </p>
      {result.objectUrl ? (
        <a href={result.objectUrl} download={name} className={LINK} data-testid="download-save">
          Save {name}
        </a>
      ) : null}
    </div>
  );
}
