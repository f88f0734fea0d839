// A model card is a Hugging Face card file: YAML front matter between `---` lines, then Markdown.
// This module splits the file and reads the metadata Tessera relies on (the catalogue's filters and
// the asset page's clinical section). Pure: no database, safe in any runtime; the web app uses it to
// render cards and saveModelCard uses it to fill the card's facet columns, so both read one schema.
import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** Text fields: a string, or a list of strings a card writes as YAML bullets. */
const text = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
  .transform((value) => (Array.isArray(value) ? value.map(String).join("\n") : String(value)).trim())
  .transform((value) => (value === "" ? undefined : value));
const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((value) => (Array.isArray(value) ? value.map(String) : [value]).map((v) => v.trim()))
  .transform((list) => list.filter((v) => v !== ""));

// Unknown keys are kept out (not an error): cards carry many Hugging Face fields Tessera ignores.
// A field of the wrong shape is dropped on its own (`.catch`) so one typo does not hide the card.
export const cardMetaSchema = z.object({
  model_name: text.optional().catch(undefined),
  pretty_name: text.optional().catch(undefined),
  license: text.optional().catch(undefined),
  tags: stringList.optional().catch(undefined),
  language: stringList.optional().catch(undefined),
  pipeline_tag: text.optional().catch(undefined),
  task_categories: stringList.optional().catch(undefined),
  datasets: stringList.optional().catch(undefined),
  base_model: stringList.optional().catch(undefined),
  // Tessera's clinical fields (the asset page's clinical section; absent means "Not provided").
  clinical_use: z.boolean().optional().catch(undefined),
  regulatory_status: text.optional().catch(undefined),
  intended_use: text.optional().catch(undefined),
  population: text.optional().catch(undefined),
  evaluation: text.optional().catch(undefined),
  limitations: text.optional().catch(undefined),
});

export type CardMeta = z.infer<typeof cardMetaSchema>;

export type SplitCard = {
  meta: CardMeta;
  /** The Markdown after the front matter (the whole text when there is none). */
  markdown: string;
  /** Why the front matter could not be read, if it could not (the card still renders). */
  problem: string | null;
};

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a card file into its metadata and Markdown. Never throws: a bad header is reported. */
export function splitCard(source: string): SplitCard {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { meta: {}, markdown: source, problem: null };
  const markdown = source.slice(match[0].length);
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "", { maxAliasCount: 10 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { meta: {}, markdown, problem: `The card's YAML header could not be read: ${reason}` };
  }
  if (raw === null || raw === undefined) return { meta: {}, markdown, problem: null };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { meta: {}, markdown, problem: "The card's YAML header is not a set of fields." };
  }
  return { meta: cardMetaSchema.parse(raw), markdown, problem: null };
}

/** What the catalogue filters on, as saveModelCard stores it beside the card. */
export type CardFacets = {
  /** Hugging Face task id (`pipeline_tag`, or a dataset's first `task_categories`), lower-case. */
  task: string | null;
  regulatoryStatus: string | null;
  /** The builder states the asset is meant for clinical use (`clinical_use: true`). */
  clinicalUse: boolean;
};

export function cardFacets(meta: CardMeta): CardFacets {
  const task = meta.pipeline_tag ?? meta.task_categories?.[0];
  return {
    task: task ? task.toLowerCase() : null,
    regulatoryStatus: meta.regulatory_status ?? null,
    clinicalUse: meta.clinical_use === true,
  };
}
