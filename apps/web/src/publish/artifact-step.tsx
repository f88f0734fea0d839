"use client";

import type { DraftArtifact } from "./draft";

/** The artifact upload: its sha256 is what the registration records and what clinics verify. */
export function ArtifactStep({
  artifact,
  onArtifact,
}: {
  artifact: DraftArtifact | null;
  onArtifact: (artifact: DraftArtifact | null) => void;
}) {
  void onArtifact;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">Uploads arrive with the blob store.</p>
      {artifact ? <p className="break-all font-mono text-xs">{artifact.sha256}</p> : null}
    </div>
  );
}
