"use client";

import { SignInPrompt } from "@/auth/sign-in-prompt";
import { useSignInState } from "@/auth/use-session";
import { formatBytes } from "@/upload/api";
import { ArtifactUpload } from "@/upload/artifact-upload";
import type { DraftArtifact } from "./draft";
import { BUTTON_QUIET, PANEL } from "./ui";

/**
 * The artifact (weights, or the dataset's archive): uploaded resumably to Tessera's blob store. Its
 * sha256, computed by the server as the bytes are stored, is what the registration records on chain
 * and what clinics' downloads are verified against.
 */
export function ArtifactStep({
  artifact,
  onArtifact,
}: {
  artifact: DraftArtifact | null;
  onArtifact: (artifact: DraftArtifact | null) => void;
}) {
  const session = useSignInState();
  if (artifact) {
    return (
      <div className={`${PANEL} space-y-2`} data-testid="artifact-chosen">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          <span className="font-medium text-slate-900 dark:text-white">{artifact.fileName}</span> (
          {formatBytes(artifact.size)}) is stored. Its sha256, which the registration records on chain:
        </p>
        <p
          className="break-all font-mono text-xs text-slate-800 dark:text-slate-200"
          data-testid="artifact-sha256"
        >
          {artifact.sha256}
        </p>
        <button type="button" className={BUTTON_QUIET} onClick={() => onArtifact(null)}>
          Upload another file instead
        </button>
      </div>
    );
  }
  if (session.status !== "signed-in") {
    return <SignInPrompt purpose="to upload the artifact (Tessera keeps uploads per account)" />;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Upload the model's weights or the dataset's archive. Large files are fine: the upload can be paused,
        and if the page closes or the connection drops it continues where it stopped when you choose the same
        file again.
      </p>
      <ArtifactUpload
        onUploaded={(result) =>
          onArtifact({
            uploadId: result.uploadId,
            sha256: result.sha256,
            size: result.size,
            fileName: result.fileName,
          })
        }
      />
    </div>
  );
}
