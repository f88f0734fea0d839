// The demo catalogue the local marketplace starts with. Cards follow the Hugging Face model-card
// format (YAML front matter + Markdown) so the web app renders them like any other card.

import type { AssetKindName } from "@tessera/abi";

export type DemoAsset = {
  kind: AssetKindName;
  name: string;
  summary: string;
  /** Markdown body of the card, after the front matter. */
  body: string;
  tags: string[];
  license: string;
};

export const DEMO_CATALOG: readonly DemoAsset[] = [
  {
    kind: "DATASET",
    name: "Rural Clinic Chest X-ray Set",
    summary:
      "41,200 de-identified frontal chest radiographs from 19 district clinics, labelled by two radiologists.",
    tags: ["radiology", "chest-x-ray", "de-identified"],
    license: "tessera-research-clinical",
    body: "## Collection\nPortable and fixed units, 2019-2025, with scanner metadata kept for bias audits.\n\n## Labels\nTuberculosis, pneumonia, effusion, cardiomegaly, normal; disagreements adjudicated by a third reader.",
  },
  {
    kind: "MODEL",
    name: "CXR Triage",
    summary:
      "Flags chest X-rays likely to show tuberculosis or pneumonia so a remote radiologist reads them first.",
    tags: ["radiology", "triage", "onnx"],
    license: "tessera-clinical",
    body: "## Intended use\nWorklist prioritisation in clinics without an on-site radiologist. Not a diagnosis.\n\n## Performance\nAUROC 0.94 (TB) and 0.91 (pneumonia) on a held-out set from clinics unseen in training.",
  },
  {
    kind: "MODEL",
    name: "Retina DR Screen",
    summary: "Grades diabetic retinopathy from a single fundus photo taken with a low-cost handheld camera.",
    tags: ["ophthalmology", "screening", "onnx"],
    license: "tessera-clinical",
    body: "## Intended use\nReferral screening in primary care.\n\n## Performance\nSensitivity 0.92 at specificity 0.88 for referable retinopathy.",
  },
  {
    kind: "MODEL",
    name: "Sepsis Early Warning",
    summary: "Estimates sepsis risk from six vital signs and two lab values, every hour, on a laptop CPU.",
    tags: ["critical-care", "tabular", "early-warning"],
    license: "tessera-research",
    body: "## Intended use\nResearch and prospective validation only.\n\n## Inputs\nHeart rate, respiratory rate, temperature, systolic pressure, SpO2, consciousness level, lactate, white cell count.",
  },
];

/** The card file as it is stored and hashed: front matter, then Markdown. */
export function renderCard(asset: DemoAsset): string {
  const front = [
    "---",
    `model_name: ${asset.name}`,
    `license: ${asset.license}`,
    "tags:",
    ...asset.tags.map((tag) => `  - ${tag}`),
    "---",
  ].join("\n");
  return `${front}\n\n# ${asset.name}\n\n${asset.summary}\n\n${asset.body}\n`;
}
