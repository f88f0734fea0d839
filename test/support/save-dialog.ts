// The browser's save dialog in tests. Chromium's showSaveFilePicker opens a native dialog that no
// automation can answer, so the test stands in for the person choosing a place: the page gets a
// file in its origin-private file system (a real file the browser writes through the same
// FileSystemWritableFileStream), and the test reads back what was kept. With "none", the page sees a
// browser without the dialog (as in Firefox or Safari) and takes its in-memory path.
import type { BrowserContext, Page } from "playwright-core";

export type SaveDialog = "private-file" | "none";

export async function installSaveDialog(context: BrowserContext, dialog: SaveDialog): Promise<void> {
  await context.addInitScript(
    dialog === "none"
      ? "delete window.showSaveFilePicker; delete Window.prototype.showSaveFilePicker;"
      : `window.showSaveFilePicker = async ({ suggestedName }) => {
           const dir = await navigator.storage.getDirectory();
           return dir.getFileHandle(suggestedName, { create: true });
         };`,
  );
}

// The page's side, typed here because the tests compile without the DOM library.
type PrivateDirectory = {
  getFileHandle(name: string): Promise<{ getFile(): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }> }>;
  removeEntry(name: string): Promise<void>;
};
type PageGlobals = { navigator: { storage: { getDirectory(): Promise<PrivateDirectory> } } };

/** The sha256 (0x-hex) and size of a file the page saved, or null when no such file was kept. */
export async function savedFile(page: Page, name: string): Promise<{ sha256: string; size: number } | null> {
  return page.evaluate(async (fileName) => {
    // Runs in the page: nothing from this module is in scope there.
    const dir = await (globalThis as unknown as PageGlobals).navigator.storage.getDirectory();
    const handle = await dir.getFileHandle(fileName).catch(() => null);
    if (!handle) return null;
    const bytes = await (await handle.getFile()).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return {
      sha256: `0x${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}`,
      size: bytes.byteLength,
    };
  }, name);
}

/** Removes a saved file, so the next save starts from a new, empty file. */
export async function removeSavedFile(page: Page, name: string): Promise<void> {
  await page.evaluate(async (fileName) => {
    const dir = await (globalThis as unknown as PageGlobals).navigator.storage.getDirectory();
    await dir.removeEntry(fileName).catch(() => undefined);
  }, name);
}
