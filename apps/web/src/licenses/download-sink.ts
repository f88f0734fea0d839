// Where a download's bytes go while they are hashed. Where the browser can write a file as it arrives
// (the File System Access API: Chromium-based browsers), straight to the file the user chose — so a
// file of several GB never sits in memory — and a file that fails the check is discarded before it
// ever appears under its name (the browser writes to a temporary file until close()). Elsewhere the
// bytes are collected in a Blob, which is offered through a Save link once verified; that is bounded
// by MEMORY_LIMIT_BYTES.

export const MEMORY_LIMIT_BYTES = 1024 ** 3;

export type DownloadSink = {
  /** "file": written to the chosen file as it arrives; "memory": held until saved. */
  kind: "file" | "memory";
  write(chunk: Uint8Array): Promise<void>;
  /** Keeps what was written; for memory, answers an object URL for the Save link. */
  keep(): Promise<string | null>;
  /** Throws away what was written: nothing stays on disk. */
  discard(): Promise<void>;
};

type WritableFile = {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
};
export type SaveFileHandle = {
  createWritable(): Promise<WritableFile>;
  /** Chromium: deletes the file the dialog created (a new name is created empty when chosen). */
  remove?(): Promise<void>;
  getFile?(): Promise<{ size: number }>;
};
type SavePicker = (options: {
  suggestedName: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<SaveFileHandle>;

/** The browser's save dialog, where it has one that streams to disk. */
function savePicker(): SavePicker | null {
  const picker = (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  return typeof picker === "function" ? picker : null;
}

export class SaveCancelledError extends Error {
  constructor() {
    super("No place to save the file was chosen, so nothing was downloaded. Press Download to choose one.");
  }
}

export type SaveChoice =
  | { kind: "file"; handle: SaveFileHandle }
  /** The browser cannot stream to a file: hold the bytes in memory. */
  | { kind: "memory" }
  /** The dialog needs a fresh press (the first one was spent on asking for the link). */
  | { kind: "ask-again" };

/** Asks where to save, when the browser can stream to a file. */
export async function chooseSaveFile(fileName: string): Promise<SaveChoice> {
  const picker = savePicker();
  if (!picker) return { kind: "memory" };
  try {
    const handle = await picker({
      suggestedName: fileName,
      types: [{ description: "Model or dataset file", accept: { "application/octet-stream": [".bin"] } }],
    });
    return { kind: "file", handle };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "AbortError") throw new SaveCancelledError();
    // The dialog opens only within a few seconds of a press; asking for the link may have taken longer.
    if (name === "NotAllowedError" || name === "SecurityError") return { kind: "ask-again" };
    return { kind: "memory" };
  }
}

export async function openSink(choice: SaveChoice): Promise<DownloadSink> {
  if (choice.kind === "file") {
    const writable = await choice.handle.createWritable();
    return {
      kind: "file",
      write: (chunk) =>
        writable.write(chunk).catch((error: unknown) => {
          throw new Error(
            `Saving the file failed (${error instanceof Error ? error.message : String(error)}). Check that the disk has room, then press Download again.`,
          );
        }),
      keep: async () => {
        await writable.close();
        return null;
      },
      discard: async () => {
        await writable.abort();
        // The dialog leaves a chosen new name as an empty file; a file that was there before keeps
        // its old content (abort never touched it) and is not removed.
        const left = await choice.handle.getFile?.().catch(() => null);
        if (left?.size === 0) await choice.handle.remove?.().catch(() => undefined);
      },
    };
  }
  let chunks: Uint8Array[] = [];
  return {
    kind: "memory",
    write: async (chunk) => {
      chunks.push(chunk);
    },
    keep: async () =>
      URL.createObjectURL(new Blob(chunks as BlobPart[], { type: "application/octet-stream" })),
    discard: async () => {
      chunks = [];
    },
  };
}
