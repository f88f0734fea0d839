import { type CurrencySymbol, RIGHT_BIT, RIGHT_LABEL, RIGHTS } from "../catalogue-terms";
import { formatPrice } from "../money";
import { DATA_HANDLING_TEXT, LIABILITY_TEXT, type OfferTerms, type TermsTemplate } from "./offer";

// The license terms an offer commits to on chain (its termsHash is the sha256 of this text, UTF-8).
// Rendered from the regulated-use template and the offer's own facts, deterministically: the same
// inputs always give the same bytes, so anyone can re-render and check the hash.

export const TERMS_FORMAT_VERSION = 1;

export type TermsFacts = { assetName: string; offer: OfferTerms };

export function renderTermsDocument(template: TermsTemplate, facts: TermsFacts): string {
  const { offer } = facts;
  const rights = RIGHTS.filter((r) => (offer.rights & RIGHT_BIT[r]) !== 0).map((r) => RIGHT_LABEL[r]);
  const currency: CurrencySymbol = offer.currency;
  const lines = [
    `# License terms: ${oneLine(facts.assetName)}`,
    "",
    `Tessera regulated-use license, format ${TERMS_FORMAT_VERSION}.`,
    "",
    "## What is licensed",
    "",
    `- Asset: ${oneLine(facts.assetName)}`,
    `- Version: ${offer.pinnedVersion === 0 ? "the latest version published, at any time during the license" : `version ${offer.pinnedVersion} only`}`,
    `- Price: ${formatPrice(offer.price.toString(), currency, offer.period)}`,
    `- Licenses available: ${offer.maxLicenses === 0 ? "no cap" : offer.maxLicenses.toLocaleString("en-GB")}`,
    `- Transfer: ${offer.transferable ? "the license may be transferred to another holder" : "the license cannot be transferred (bound to the buyer)"}`,
    `- Usage rights: ${rights.join(", ")}`,
    "",
    "## Intended use",
    "",
    oneParagraph(template.intendedUse),
    "",
    `Use: ${template.use === "clinical" ? "clinical use is permitted within the intended use above, under the supervision of a qualified professional" : "research only; not for diagnosis, treatment or any decision about a patient"}.`,
    "",
    "## Jurisdictions",
    "",
    `This license applies in: ${template.jurisdictions.map(oneLine).join(", ")}.`,
    "",
    "## Liability",
    "",
    LIABILITY_TEXT[template.liability],
    "",
    "## Data handling",
    "",
    DATA_HANDLING_TEXT[template.dataHandling],
    "",
  ];
  return lines.join("\n");
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const oneParagraph = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean)
    .join("\n\n");
