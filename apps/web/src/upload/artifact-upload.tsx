"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Upload } from "tus-js-client";
import { fetchJson } from "@/lib/api/problem";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "@/wallet/styles";
import { formatBytes, TUS_ENDPOINT, UPLOAD_CHUNK_BYTES, type UploadResult, uploadResultSchema } from "./api";
import { type InterruptedUpload, interruptedUploads, UPLOADS_CHANGED } from "./previous-uploads";
import { describeUploadError } from "./upload-errors";
import { addSample, bytesPerSecond, type SpeedSample, timeLeft } from "./upload-speed";

// Upload an artifact of any size with progress, speed and time left; pause and resume; survive a
// reload or a dropped connection (tus-js-client remembers the upload per file in localStorage and
// the server keeps what arrived). When the last byte is stored, the server's sha256 is shown: the
// hash the publisher records on chain. The upload client is loaded only when a file is chosen.

type Phase =
  | { kind: "idle" }
  | { kind: "starting"; file: File }
  | { kind: "uploading"; file: File; sent: number; total: number; paused: boolean }
  | { kind: "done"; result: UploadResult }
  | { kind: "error"; file: File; message: string; retryable: boolean };

export function ArtifactUpload({ onUploaded }: { onUploaded?: (result: UploadResult) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [interrupted, setInterrupted] = useState<InterruptedUpload[]>([]);
  const [speed, setSpeed] = useState<number | null>(null);
  const upload = useRef<Upload | null>(null);
  const samples = useRef<SpeedSample[]>([]);
  const inputId = useId();
  const labelId = useId();

  useEffect(() => {
    const refresh = () => setInterrupted(interruptedUploads(window.localStorage));
    refresh();
    window.addEventListener(UPLOADS_CHANGED, refresh);
    return () => {
      window.removeEventListener(UPLOADS_CHANGED, refresh);
      void upload.current?.abort();
    };
  }, []);

  async function begin(file: File) {
    setPhase({ kind: "starting", file });
    samples.current = [];
    setSpeed(null);
    const tus = await import("tus-js-client");
    const current: Upload = new tus.Upload(file, {
      endpoint: TUS_ENDPOINT,
      chunkSize: UPLOAD_CHUNK_BYTES,
      // Transient failures retry on their own; a refusal (4xx) does not.
      retryDelays: [0, 1000, 3000, 5000, 10000],
      metadata: { filename: file.name, filetype: file.type || "application/octet-stream" },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress(sent, total) {
        samples.current = addSample(samples.current, { at: performance.now(), bytes: sent });
        setSpeed(bytesPerSecond(samples.current));
        setPhase((p) => (p.kind === "uploading" ? { ...p, sent, total } : p));
      },
      async onSuccess() {
        const id = current.url?.split("/").at(-1) ?? "";
        try {
          const result = await fetchJson(`/api/uploads/${id}/result`, {}, uploadResultSchema);
          setPhase({ kind: "done", result });
          setInterrupted(interruptedUploads(window.localStorage));
          onUploaded?.(result);
        } catch (error) {
          setPhase({ kind: "error", file, message: (error as Error).message, retryable: false });
        }
      },
      onError(error) {
        const { message, retryable } = describeUploadError(error);
        setPhase({ kind: "error", file, message, retryable });
      },
    });
    upload.current = current;
    const previous = await current.findPreviousUploads();
    const resumable = previous.find((entry) => entry.uploadUrl);
    if (resumable) current.resumeFromPreviousUpload(resumable);
    setPhase({ kind: "uploading", file, sent: 0, total: file.size, paused: false });
    current.start();
  }

  function pause() {
    void upload.current?.abort();
    samples.current = [];
    setSpeed(null);
    setPhase((p) => (p.kind === "uploading" ? { ...p, paused: true } : p));
  }

  /** Stops the upload and tells the server to drop what arrived (it no longer counts against the quota). */
  function cancel() {
    void upload.current?.abort(true);
    upload.current = null;
    setPhase({ kind: "idle" });
    setInterrupted(interruptedUploads(window.localStorage));
  }

  function resume() {
    setPhase((p) => (p.kind === "uploading" || p.kind === "error" ? toUploading(p) : p));
    upload.current?.start();
  }

  return (
    <section aria-labelledby={labelId} className="space-y-4" data-testid="artifact-upload">
      <h2 id={labelId} className="text-lg font-semibold">
        Upload an artifact
      </h2>
      {phase.kind === "idle" || phase.kind === "done" ? (
        <FilePicker
          inputId={inputId}
          onFile={begin}
          again={phase.kind === "done"}
          interrupted={interrupted}
        />
      ) : null}
      {phase.kind === "starting" ? (
        <p className="text-sm">Preparing the upload of {phase.file.name}…</p>
      ) : null}
      {phase.kind === "uploading" ? (
        <Progress phase={phase} speed={speed} onPause={pause} onResume={resume} onCancel={cancel} />
      ) : null}
      {phase.kind === "error" ? (
        <div className="space-y-2" data-testid="upload-error">
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {phase.message}
          </p>
          <div className="flex flex-wrap gap-2">
            {phase.retryable ? (
              <button type="button" className={BUTTON_PRIMARY} onClick={resume} data-testid="upload-resume">
                Resume
              </button>
            ) : null}
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setPhase({ kind: "idle" })}>
              Choose another file
            </button>
          </div>
        </div>
      ) : null}
      {phase.kind === "done" ? <Stored result={phase.result} /> : null}
    </section>
  );
}

function toUploading(p: Extract<Phase, { kind: "uploading" | "error" }>): Phase {
  if (p.kind === "uploading") return { ...p, paused: false };
  return { kind: "uploading", file: p.file, sent: 0, total: p.file.size, paused: false };
}

function FilePicker({
  inputId,
  onFile,
  again,
  interrupted,
}: {
  inputId: string;
  onFile: (file: File) => void;
  again: boolean;
  interrupted: InterruptedUpload[];
}) {
  return (
    <div className="space-y-2">
      {interrupted.length > 0 ? (
        <div
          className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          data-testid="upload-interrupted"
        >
          {interrupted.map((entry) => (
            <p key={entry.key}>
              The upload of <strong>{entry.fileName}</strong> ({formatBytes(entry.size)}) was interrupted.
              Choose the same file again to continue where it stopped.
            </p>
          ))}
        </div>
      ) : null}
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
        {again ? "Upload another file" : "Artifact file (model weights, dataset archive…)"}
      </label>
      <input
        id={inputId}
        type="file"
        data-testid="upload-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-full file:border-0 file:bg-slate-900 file:px-4 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-slate-700 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-slate-200 dark:file:bg-white dark:file:text-slate-900"
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Large files are fine: if the connection drops or the page reloads, choose the same file again and the
        upload continues where it stopped.
      </p>
    </div>
  );
}

function Progress({
  phase,
  speed,
  onPause,
  onResume,
  onCancel,
}: {
  phase: Extract<Phase, { kind: "uploading" }>;
  speed: number | null;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const percent = phase.total > 0 ? Math.floor((phase.sent / phase.total) * 100) : 0;
  const storing = phase.total > 0 && phase.sent >= phase.total;
  const labelId = useId();
  const left = storing || phase.paused ? null : timeLeft(phase.total - phase.sent, speed);
  return (
    <div className="space-y-2">
      <p id={labelId} className="text-sm font-medium break-all">
        {phase.file.name}
      </p>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% (${formatBytes(phase.sent)} of ${formatBytes(phase.total)})`}
        data-testid="upload-progress"
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full bg-teal-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="upload-status">
        {storing
          ? "Every byte arrived. Tessera is checking the file and computing its sha256…"
          : `${percent}% · ${formatBytes(phase.sent)} of ${formatBytes(phase.total)}${
              phase.paused ? " · paused" : speed ? ` · ${formatBytes(speed)}/s` : ""
            }${left ? ` · ${left}` : ""}`}
      </p>
      {storing ? null : (
        <div className="flex flex-wrap gap-2">
          {phase.paused ? (
            <button type="button" className={BUTTON_PRIMARY} onClick={onResume} data-testid="upload-resume">
              Resume
            </button>
          ) : (
            <button type="button" className={BUTTON_SECONDARY} onClick={onPause} data-testid="upload-pause">
              Pause
            </button>
          )}
          <button type="button" className={BUTTON_SECONDARY} onClick={onCancel} data-testid="upload-cancel">
            Cancel upload
          </button>
        </div>
      )}
    </div>
  );
}

function Stored({ result }: { result: UploadResult }) {
  return (
    <div
      role="status"
      className="space-y-1 rounded-lg bg-teal-50 p-3 text-sm text-teal-950 dark:bg-teal-950 dark:text-teal-50"
    >
      <p>
        <strong>{result.fileName}</strong> ({formatBytes(result.size)}) is stored. This is the sha256 that
        will be recorded on chain:
      </p>
      <p className="font-mono text-xs break-all" data-testid="upload-sha256">
        {result.sha256}
      </p>
    </div>
  );
}
