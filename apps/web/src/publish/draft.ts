import { z } from "zod/mini";
import { ASSET_KINDS } from "@/lib/publish/card-api";
import { defaultOfferDraft, offerDraftSchema } from "@/lib/publish/offer";

// The wizard's state, kept in this browser's localStorage after every change: a reload, a closed tab
// or a wallet that takes minutes never loses a half-written card, and the signing checklist resumes
// where it stopped (each finished step's hash is recorded here).

const STORAGE_KEY = "tessera:publish-draft:v1";
const hex32 = z.string().check(z.regex(/^0x[0-9a-fA-F]{64}$/));

export const artifactSchema = z.object({
  uploadId: z.string(),
  sha256: hex32,
  size: z.int().check(z.nonnegative()),
  fileName: z.string(),
});
export type DraftArtifact = z.infer<typeof artifactSchema>;

export const publishDraftSchema = z.object({
  /** Names this draft's transactions in the pending store, so two drafts never share a hash. */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  step: z.int().check(z.gte(0), z.lte(5)),
  kind: z.enum(ASSET_KINDS),
  card: z.string(),
  artifact: z.nullable(artifactSchema),
  contributors: z.array(z.object({ address: z.string(), percent: z.string() })),
  parents: z.array(z.object({ assetId: z.string(), percent: z.string() })),
  offers: z.array(offerDraftSchema),
  /** Filled as the review step runs. */
  progress: z.object({
    card: z.nullable(z.object({ sha256: hex32, metadataURI: z.string(), name: z.string() })),
    terms: z.array(z.nullable(hex32)),
    registerHash: z.nullable(hex32),
    assetId: z.nullable(z.string()),
    offerHashes: z.array(z.nullable(hex32)),
  }),
});
export type PublishDraft = z.infer<typeof publishDraftSchema>;

export const CARD_TEMPLATE = `---
model_name: My model
pipeline_tag: image-classification
license: other
clinical_use: true
regulatory_status: Research use only
intended_use: What the model is for, for whom, and in which setting.
population: The patients the model was trained and evaluated on.
evaluation: How it was evaluated, on what data, with which results.
limitations: Where it fails or was never tested.
---

# My model

One paragraph a clinic's staff can read: what the model does and why it helps.

## Training data

Which datasets, how they were collected and de-identified.
`;

export function newDraft(account?: string): PublishDraft {
  return {
    id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    step: 0,
    kind: "model",
    card: CARD_TEMPLATE,
    artifact: null,
    contributors: [{ address: account ?? "", percent: "100" }],
    parents: [],
    offers: [defaultOfferDraft("ETH")],
    progress: { card: null, terms: [], registerHash: null, assetId: null, offerHashes: [] },
  };
}

export function loadDraft(): PublishDraft | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = publishDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: PublishDraft): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full quota: the wizard still works, it just will not survive a reload.
  }
}

export function clearDraft(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {}
}

/** True once anything was sent to the chain: the inputs are then frozen (they are on chain). */
export const isSigning = (draft: PublishDraft) => draft.progress.registerHash !== null;
