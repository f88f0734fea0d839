import { TUS_ENDPOINT } from "./api";

// Uploads this browser started and did not finish, as tus-js-client records them in localStorage
// ("tus::<fingerprint>::<n>" → { size, metadata, uploadUrl, creationTime }). Read directly so the
// page can say "choose the same file to continue" without loading the upload client first.

export type InterruptedUpload = { fileName: string; size: number; key: string };

export function interruptedUploads(storage: Storage): InterruptedUpload[] {
  const found: InterruptedUpload[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith("tus::")) continue;
    try {
      const entry = JSON.parse(storage.getItem(key) ?? "null") as {
        size?: number;
        metadata?: { filename?: string };
        uploadUrl?: string;
      } | null;
      if (!entry?.uploadUrl?.includes(TUS_ENDPOINT)) continue;
      found.push({ fileName: entry.metadata?.filename ?? "a file", size: entry.size ?? 0, key });
    } catch {
      // Someone else's entry.
    }
  }
  return found;
}

/** Forgets the browser's record of an upload (after cancelling it), so no notice offers to resume it. */
export function forgetInterruptedUpload(storage: Storage, uploadUrl: string): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    // Stored URLs may be absolute or relative: match the path and the closing quote.
    if (key?.startsWith("tus::") && storage.getItem(key)?.includes(`${uploadUrl}"`)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  window.dispatchEvent(new Event(UPLOADS_CHANGED));
}

/** Fired on window when this browser's record of unfinished uploads changes. */
export const UPLOADS_CHANGED = "tessera:uploads-changed";
