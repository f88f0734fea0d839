// The demo catalogue the local marketplace starts with: datasets and the models trained on them, each
// with a full card (Hugging Face format: YAML front matter + Markdown, plus Tessera's clinical fields),
// its lineage, its offers in ETH and the test stablecoin, and the sales, stakes and challenge that
// make every page of the web app show something true. Registration order = asset id order.
import type { AssetKindName } from "@tessera/abi";

export type Right = "research" | "clinical" | "commercial" | "derivative-training";
export type Currency = "ETH" | "tUSD";

export type DemoOffer = {
  currency: Currency;
  /** Price per seat per period, in whole units ("0.04" ETH, "180" tUSD). */
  price: string;
  /** Days one period lasts; 0 = perpetual. */
  periodDays: number;
  rights: Right[];
  transferable: boolean;
  /** Cap on licenses sold; 0 = none. */
  maxLicenses?: number;
};

export type DemoSale = { offer: number; seats: number; periods?: number; day: number };

export type DemoAsset = {
  kind: AssetKindName;
  name: string;
  summary: string;
  /** Hugging Face task id (pipeline_tag for models, task_categories for datasets). */
  task: string;
  license: string;
  tags: string[];
  language?: string[];
  clinicalUse?: boolean;
  regulatoryStatus?: string;
  intendedUse?: string;
  population?: string;
  evaluation?: string[];
  limitations?: string;
  /** Markdown sections after the summary. */
  body: string;
  /** Upstream assets by name, with the share of sales (basis points) each receives. */
  parents?: Array<{ name: string; bps: number }>;
  /** Extra versions published after registration (version 1 comes with the registration). */
  laterVersions?: number;
  offers?: DemoOffer[];
  /** Purchases by the clinic account, one a day at most, over the demo's first days (0 = the first day). */
  sales?: DemoSale[];
  /** Stake-token amounts staked by the builder and by the contributor acting as a curator. */
  stakes?: { builder?: string; curator?: string };
  /** Evidence the clinic posts when it challenges this asset (one asset only). */
  challenge?: string;
};

const CXR_SET = "Rural Clinic Chest X-ray Set";
const FUNDUS_SET = "Handheld Fundus Photo Archive";
const ICU_SET = "ICU Vital Signs Time Series";
const NOTES_SET = "De-identified Discharge Summaries";
const PARALLEL_SET = "Patient Leaflet Parallel Corpus";
const DERM_SET = "Skin Lesion Photos from Primary Care";

export const DEMO_CATALOG: readonly DemoAsset[] = [
  {
    kind: "DATASET",
    name: CXR_SET,
    summary:
      "41,200 de-identified frontal chest radiographs from 19 district clinics, labelled by two radiologists.",
    task: "image-classification",
    license: "cc-by-nc-4.0",
    tags: ["radiology", "chest-x-ray", "de-identified", "tuberculosis"],
    population: "Adults and children aged 5+ attending 19 district clinics in three countries, 2019-2025.",
    evaluation: ["Inter-reader agreement (Cohen's kappa): 0.81 for tuberculosis, 0.74 for pneumonia."],
    limitations: "Few paediatric films under age 5; portable units over-represented at night.",
    body: "## Collection\nPortable and fixed units, 2019-2025, with scanner metadata kept for bias audits.\n\n## Labels\nTuberculosis, pneumonia, effusion, cardiomegaly, normal; disagreements adjudicated by a third reader.\n\n## De-identification\nDICOM headers stripped, burned-in text removed by OCR and manual review.",
    offers: [
      {
        currency: "ETH",
        price: "0.25",
        periodDays: 365,
        rights: ["research", "derivative-training"],
        transferable: false,
      },
      {
        currency: "tUSD",
        price: "900",
        periodDays: 0,
        rights: ["research", "commercial", "derivative-training"],
        transferable: true,
        maxLicenses: 50,
      },
    ],
    sales: [
      { offer: 0, seats: 1, day: 1 },
      { offer: 1, seats: 1, day: 4 },
    ],
    stakes: { builder: "1500" },
  },
  {
    kind: "DATASET",
    name: FUNDUS_SET,
    summary:
      "18,900 fundus photographs from low-cost handheld cameras, graded for diabetic retinopathy (ICDR scale).",
    task: "image-classification",
    license: "cc-by-nc-4.0",
    tags: ["ophthalmology", "diabetic-retinopathy", "fundus"],
    population: "People with type 1 or 2 diabetes screened in primary care, 62% women, median age 57.",
    evaluation: ["Graded twice by certified graders; 11% re-graded by a retina specialist."],
    body: "## Collection\nThree handheld camera models; images kept at native resolution with quality scores.\n\n## Labels\nICDR grade 0-4, diabetic macular oedema yes/no, ungradable flag.",
    offers: [
      {
        currency: "tUSD",
        price: "650",
        periodDays: 365,
        rights: ["research", "derivative-training"],
        transferable: false,
      },
    ],
    sales: [{ offer: 0, seats: 1, day: 2 }],
  },
  {
    kind: "DATASET",
    name: ICU_SET,
    summary:
      "Hourly vital signs and lab values from 12,400 adult ICU stays, with sepsis onset labelled by Sepsis-3 criteria.",
    task: "time-series-forecasting",
    license: "other",
    tags: ["critical-care", "tabular", "sepsis", "time-series"],
    population: "Adults (18+) in four mixed medical-surgical ICUs, 2016-2024.",
    limitations: "Lactate is missing for 38% of hours; one hospital contributes 45% of stays.",
    body: "## Variables\nHeart rate, respiratory rate, temperature, blood pressure, SpO2, GCS, lactate, white cell count, creatinine.\n\n## Labels\nSepsis-3 onset time from antibiotic and culture timing plus SOFA change.",
    offers: [{ currency: "ETH", price: "0.4", periodDays: 365, rights: ["research"], transferable: false }],
  },
  {
    kind: "DATASET",
    name: NOTES_SET,
    summary:
      "9,800 de-identified discharge summaries paired with the structured admission record they summarise.",
    task: "summarization",
    license: "other",
    tags: ["clinical-notes", "nlp", "de-identified"],
    language: ["en"],
    population: "Adult inpatients of two teaching hospitals, general medicine and cardiology wards.",
    limitations: "English only; surgical wards not included.",
    body: "## De-identification\nNames, dates, places and identifiers replaced with realistic surrogates; audited on 500 notes (0 leaks found).\n\n## Pairs\nEach summary is paired with diagnoses, procedures, medications and lab trends from the same stay.",
    offers: [
      {
        currency: "tUSD",
        price: "1200",
        periodDays: 365,
        rights: ["research", "derivative-training"],
        transferable: false,
      },
    ],
    sales: [{ offer: 0, seats: 1, day: 3 }],
  },
  {
    kind: "DATASET",
    name: PARALLEL_SET,
    summary:
      "62,000 sentence pairs from patient leaflets in English, Swahili, Hausa, Amharic and French, translated by clinicians.",
    task: "translation",
    license: "cc-by-4.0",
    tags: ["translation", "patient-education", "low-resource-languages"],
    language: ["en", "sw", "ha", "am", "fr"],
    body: "## Sources\nMinistry of Health leaflets on diabetes, hypertension, maternal health, HIV and tuberculosis.\n\n## Quality\nEvery pair reviewed by a second bilingual clinician.",
    offers: [
      {
        currency: "ETH",
        price: "0.05",
        periodDays: 0,
        rights: ["research", "commercial", "derivative-training"],
        transferable: true,
      },
    ],
    sales: [{ offer: 0, seats: 1, day: 0 }],
  },
  {
    kind: "DATASET",
    name: DERM_SET,
    summary:
      "7,300 smartphone photos of skin lesions from primary care, with biopsy-confirmed diagnoses for 2,100.",
    task: "image-classification",
    license: "cc-by-nc-4.0",
    tags: ["dermatology", "smartphone", "skin-of-colour"],
    population: "Patients of all ages; Fitzpatrick skin types IV-VI are 58% of images.",
    body: "## Labels\nMelanoma, basal cell carcinoma, squamous cell carcinoma, benign naevus, seborrhoeic keratosis, other.",
  },
  {
    kind: "MODEL",
    name: "CXR Triage",
    summary:
      "Flags chest X-rays likely to show tuberculosis or pneumonia so a remote radiologist reads them first.",
    task: "image-classification",
    license: "other",
    tags: ["radiology", "triage", "onnx", "tuberculosis"],
    clinicalUse: true,
    regulatoryStatus: "CE marked, class IIa medical device (EU MDR)",
    intendedUse:
      "Worklist prioritisation of adult frontal chest X-rays in clinics without an on-site radiologist. Not a diagnosis: every image is still read by a clinician.",
    population: "Adults (18+) with a frontal PA or AP chest radiograph; not validated on children.",
    evaluation: [
      "AUROC 0.94 (tuberculosis) and 0.91 (pneumonia) on 6,100 films from 4 clinics unseen in training.",
      "Sensitivity 0.95 for tuberculosis at the default operating point (specificity 0.72).",
    ],
    limitations:
      "Lower accuracy on portable AP films and on images with lines or devices; not for lateral views.",
    body: "## How it works\nA ConvNeXt-Tiny network in ONNX, 28 MB, runs on a laptop CPU in under a second per image.\n\n## Outputs\nA priority score 0-100 and a heat map of the regions that drove it.",
    parents: [{ name: CXR_SET, bps: 1_000 }],
    laterVersions: 2,
    offers: [
      {
        currency: "ETH",
        price: "0.04",
        periodDays: 30,
        rights: ["research", "clinical"],
        transferable: false,
      },
      {
        currency: "tUSD",
        price: "180",
        periodDays: 30,
        rights: ["research", "clinical"],
        transferable: false,
      },
      {
        currency: "tUSD",
        price: "1800",
        periodDays: 365,
        rights: ["research", "clinical", "commercial"],
        transferable: true,
      },
    ],
    sales: [
      { offer: 0, seats: 2, day: 0 },
      { offer: 1, seats: 3, day: 1 },
      { offer: 1, seats: 1, day: 2 },
      { offer: 0, seats: 1, day: 3 },
      { offer: 2, seats: 5, day: 4 },
      { offer: 1, seats: 2, day: 5 },
      { offer: 0, seats: 4, day: 6 },
      { offer: 1, seats: 2, day: 7 },
    ],
    stakes: { builder: "5000", curator: "2500" },
  },
  {
    kind: "MODEL",
    name: "TB Screen Lite",
    summary: "A small tuberculosis screening model distilled from CXR Triage for phones and offline tablets.",
    task: "image-classification",
    license: "other",
    tags: ["radiology", "tuberculosis", "mobile", "tflite"],
    clinicalUse: false,
    regulatoryStatus: "Research use only",
    intendedUse: "Research on offline tuberculosis screening in mobile clinics.",
    evaluation: ["AUROC 0.92 for tuberculosis on the same held-out clinics as CXR Triage."],
    body: "## How it works\nKnowledge distillation from CXR Triage into a 4 MB MobileNet; runs on a mid-range phone in 300 ms.",
    parents: [
      { name: "CXR Triage", bps: 1_500 },
      { name: CXR_SET, bps: 500 },
    ],
    offers: [{ currency: "ETH", price: "0.01", periodDays: 30, rights: ["research"], transferable: false }],
    sales: [{ offer: 0, seats: 1, day: 5 }],
  },
  {
    kind: "MODEL",
    name: "Retina DR Screen",
    summary: "Grades diabetic retinopathy from a single fundus photo taken with a low-cost handheld camera.",
    task: "image-classification",
    license: "other",
    tags: ["ophthalmology", "screening", "onnx"],
    clinicalUse: true,
    regulatoryStatus: "FDA 510(k) cleared (autonomous DR detection)",
    intendedUse: "Referral screening for referable diabetic retinopathy in primary care, by trained nurses.",
    population: "Adults (22+) with diabetes and no prior diagnosis of retinopathy.",
    evaluation: ["Sensitivity 0.92 at specificity 0.88 for referable retinopathy (n = 3,400, prospective)."],
    limitations:
      "Images of poor quality are returned as ungradable (7% in the field study); not for macular oedema alone.",
    body: "## Outputs\nReferable / not referable / ungradable, with the ICDR grade as supporting detail.",
    parents: [{ name: FUNDUS_SET, bps: 1_200 }],
    laterVersions: 1,
    offers: [
      {
        currency: "tUSD",
        price: "95",
        periodDays: 30,
        rights: ["research", "clinical"],
        transferable: false,
      },
      {
        currency: "ETH",
        price: "0.3",
        periodDays: 365,
        rights: ["research", "clinical"],
        transferable: false,
      },
    ],
    sales: [
      { offer: 0, seats: 2, day: 1 },
      { offer: 0, seats: 1, day: 3 },
      { offer: 1, seats: 1, day: 5 },
      { offer: 0, seats: 3, day: 7 },
    ],
    stakes: { builder: "3000", curator: "1000" },
  },
  {
    kind: "MODEL",
    name: "Sepsis Early Warning",
    summary: "Estimates sepsis risk from six vital signs and two lab values, every hour, on a laptop CPU.",
    task: "tabular-classification",
    license: "other",
    tags: ["critical-care", "tabular", "early-warning"],
    clinicalUse: false,
    intendedUse: "Research and prospective validation only.",
    population: "Adult ICU patients.",
    evaluation: ["AUROC 0.86 six hours before Sepsis-3 onset (retrospective, 2 hospitals)."],
    limitations:
      "Alert rate rises sharply where lactate is not measured routinely. A challenge questions its calibration at one site.",
    body: "## Inputs\nHeart rate, respiratory rate, temperature, systolic pressure, SpO2, consciousness level, lactate, white cell count.",
    parents: [{ name: ICU_SET, bps: 1_000 }],
    offers: [{ currency: "ETH", price: "0.02", periodDays: 30, rights: ["research"], transferable: false }],
    sales: [
      { offer: 0, seats: 1, day: 2 },
      { offer: 0, seats: 2, day: 6 },
    ],
    stakes: { builder: "2000" },
    challenge:
      "Calibration study at site C: predicted risk above 0.3 for 41% of patients who never developed sepsis (n = 812).",
  },
  {
    kind: "MODEL",
    name: "Discharge Summary Drafter",
    summary:
      "Drafts a discharge summary from the structured admission record for a clinician to review and sign.",
    task: "summarization",
    license: "other",
    tags: ["clinical-notes", "nlp", "llm", "documentation"],
    language: ["en"],
    clinicalUse: true,
    regulatoryStatus: "Not a medical device (documentation support, clinician signs every summary)",
    intendedUse:
      "Saves ward doctors time on discharge paperwork; every draft is reviewed and edited before signing.",
    population: "Adult general medicine and cardiology inpatients.",
    evaluation: [
      "Clinicians rated 84% of drafts 'usable with minor edits' (n = 400).",
      "No fabricated medication in 400 audited drafts; 3 omissions of a secondary diagnosis.",
    ],
    limitations:
      "English only. Can omit secondary diagnoses; the clinician remains responsible for the summary.",
    body: "## How it works\nA 7B-parameter open model fine-tuned on the paired discharge summaries, quantised to run on a hospital server.",
    parents: [{ name: NOTES_SET, bps: 1_500 }],
    offers: [
      {
        currency: "tUSD",
        price: "240",
        periodDays: 30,
        rights: ["research", "clinical"],
        transferable: false,
      },
      {
        currency: "ETH",
        price: "0.08",
        periodDays: 30,
        rights: ["research", "clinical", "commercial"],
        transferable: false,
      },
    ],
    sales: [
      { offer: 0, seats: 4, day: 4 },
      { offer: 1, seats: 1, day: 6 },
      { offer: 0, seats: 2, day: 7 },
    ],
    stakes: { curator: "1200" },
  },
  {
    kind: "MODEL",
    name: "Patient Education Translator",
    summary:
      "Translates patient-education leaflets between English and Swahili, Hausa, Amharic and French, in plain words.",
    task: "translation",
    license: "apache-2.0",
    tags: ["translation", "patient-education", "low-resource-languages"],
    language: ["en", "sw", "ha", "am", "fr"],
    clinicalUse: true,
    regulatoryStatus: "Not a medical device",
    intendedUse: "Drafts translated leaflets for review by a bilingual health worker before printing.",
    evaluation: ["chrF 61 (en-sw), 55 (en-ha), 49 (en-am), 68 (en-fr) on held-out leaflets."],
    limitations: "Not for consent forms or dosing instructions without review.",
    body: "## How it works\nA 600M-parameter multilingual translation model fine-tuned on the leaflet corpus.",
    parents: [{ name: PARALLEL_SET, bps: 2_000 }],
    offers: [
      {
        currency: "ETH",
        price: "0.015",
        periodDays: 365,
        rights: ["research", "clinical", "commercial"],
        transferable: true,
      },
    ],
    sales: [
      { offer: 0, seats: 1, day: 3 },
      { offer: 0, seats: 2, day: 6 },
    ],
    stakes: { builder: "800" },
  },
  {
    kind: "MODEL",
    name: "Skin Lesion Triage",
    summary:
      "Sorts smartphone photos of skin lesions into urgent, routine and reassure, trained with skin of colour in mind.",
    task: "image-classification",
    license: "other",
    tags: ["dermatology", "triage", "smartphone"],
    regulatoryStatus: "Under review (CE class IIa application submitted)",
    evaluation: ["Sensitivity 0.89 for melanoma at specificity 0.80 (biopsy-confirmed subset)."],
    body: "## Status\nAvailable for research while its conformity assessment is under review.",
    parents: [{ name: DERM_SET, bps: 1_000 }],
    offers: [{ currency: "tUSD", price: "60", periodDays: 30, rights: ["research"], transferable: false }],
  },
];

/** The card file as it is stored and hashed: front matter, then Markdown. */
export function renderCard(asset: DemoAsset, version = 1): string {
  const lines = ["---"];
  lines.push(asset.kind === "MODEL" ? `model_name: ${asset.name}` : `pretty_name: ${asset.name}`);
  lines.push(`license: ${asset.license}`);
  if (asset.language) lines.push("language:", ...asset.language.map((l) => `  - ${l}`));
  lines.push("tags:", ...asset.tags.map((tag) => `  - ${tag}`));
  if (asset.kind === "MODEL") lines.push(`pipeline_tag: ${asset.task}`);
  else lines.push("task_categories:", `  - ${asset.task}`);
  const parents = asset.parents?.map((p) => p.name) ?? [];
  if (parents.length > 0) lines.push("datasets:", ...parents.map((name) => `  - ${JSON.stringify(name)}`));
  if (asset.clinicalUse !== undefined) lines.push(`clinical_use: ${asset.clinicalUse}`);
  const text = (key: string, value: string | undefined) => {
    if (value) lines.push(`${key}: ${JSON.stringify(value)}`);
  };
  text("regulatory_status", asset.regulatoryStatus);
  text("intended_use", asset.intendedUse);
  text("population", asset.population);
  if (asset.evaluation) lines.push("evaluation:", ...asset.evaluation.map((e) => `  - ${JSON.stringify(e)}`));
  text("limitations", asset.limitations);
  lines.push("---");
  const changes =
    version > 1
      ? `\n\n## Changes in version ${version}\nRetrained with ${version - 1} more quarter(s) of labelled data; thresholds re-validated.`
      : "";
  return `${lines.join("\n")}\n\n# ${asset.name}\n\n${asset.summary}\n\n${asset.body}${changes}\n`;
}
