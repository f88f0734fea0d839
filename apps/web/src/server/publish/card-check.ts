import "server-only";
import { createHash } from "node:crypto";
import { splitCard } from "@tessera/db/cards";
import { LineCounter, parseDocument } from "yaml";
import { type ClinicalField, renderCard } from "@/lib/card";
import type { AssetKindName, CardPreview, CardProblem } from "@/lib/publish/card-api";

// Reads a card the way the asset page will, and says what is wrong with it in terms of the file the
// builder is editing: YAML errors carry the line and column in the whole file (front matter included).

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const CLINICAL_HINT: Record<ClinicalField, string> = {
  intendedUse: "intended_use",
  population: "population",
  evaluation: "evaluation",
  limitations: "limitations",
};

export type CheckedCard = CardPreview & { sha256: `0x${string}` };

export function checkCard(kind: AssetKindName, source: string): CheckedCard {
  const errors: CardProblem[] = [...yamlProblems(source)];
  const warnings: CardProblem[] = [];
  const { meta, markdown } = splitCard(source);
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(markdown)?.[1];
  const name =
    (kind === "dataset" ? (meta.pretty_name ?? meta.model_name) : (meta.model_name ?? meta.pretty_name)) ??
    heading ??
    null;
  if (!name) {
    errors.push({
      message: `Give the ${kind} a name: add "${kind === "dataset" ? "pretty_name" : "model_name"}: …" to the YAML header, or start the text with "# Name".`,
    });
  } else if (name.length > 120) {
    errors.push({ message: "Keep the name under 120 characters." });
  }
  const rendered = renderCard(source, name ?? undefined);
  for (const [field, value] of Object.entries(rendered.clinical) as [ClinicalField, string | null][]) {
    if (value === null) {
      warnings.push({
        message: `No ${field === "intendedUse" ? "intended use" : field} given: clinics will read "Not provided". Add "${CLINICAL_HINT[field]}:" to the header or a "## ${field === "intendedUse" ? "Intended use" : field[0]?.toUpperCase() + field.slice(1)}" section.`,
      });
    }
  }
  return {
    name,
    summary: summaryOf(markdown, name),
    html: rendered.html,
    clinical: rendered.clinical,
    regulatoryStatus: meta.regulatory_status ?? null,
    errors,
    warnings,
    sha256: `0x${createHash("sha256").update(source, "utf8").digest("hex")}`,
  };
}

/** The YAML header's syntax errors, placed in the whole file. */
function yamlProblems(source: string): CardProblem[] {
  if (!FRONT_MATTER_OPEN.test(source)) return [];
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return [
      {
        line: 1,
        column: 1,
        message: 'The YAML header starts with "---" but never ends: close it with a line holding only "---".',
      },
    ];
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1] ?? "", { lineCounter, prettyErrors: false });
  const problems: CardProblem[] = doc.errors.map((error) => {
    const at = lineCounter.linePos(error.pos[0]);
    // +1: the header's first line is the file's second (after "---").
    return { line: at.line + 1, column: at.col, message: firstSentence(error.message) };
  });
  if (problems.length === 0) {
    const value: unknown = doc.toJS({ maxAliasCount: 10 });
    if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
      problems.push({
        line: 2,
        column: 1,
        message: 'The YAML header must be a list of "field: value" lines.',
      });
    }
  }
  return problems;
}

/** The parser's own words, as one sentence after ours (its messages are terse and unpunctuated). */
function firstSentence(message: string): string {
  const reason = (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
  return `The YAML header cannot be read here (${reason.replace(/[.:]$/, "")}). Check the quotes, brackets and indentation.`;
}

/** The first paragraph of prose, as plain text, for cards and search results. */
function summaryOf(markdown: string, name: string | null): string {
  for (const block of markdown.split(/\r?\n\s*\r?\n/)) {
    const text = block.trim();
    if (!text || /^(#|```|\||-{3,}|!\[|<)/.test(text)) continue;
    const plain = text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[*_`>]/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (plain && plain !== name) return plain.length > 280 ? `${plain.slice(0, 277)}…` : plain;
  }
  return "";
}
