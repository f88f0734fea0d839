import { type CardMeta, splitCard } from "@tessera/db/cards";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// A model card (Hugging Face format: YAML front matter + Markdown) made ready for the asset page, on
// the server. The Markdown becomes HTML through remark/rehype with raw HTML dropped (remark-rehype
// never passes it through) and the result sanitised (rehype-sanitize, GitHub's rules: no script, no
// event handlers, only http(s)/mailto links), so nothing a card says can run in a visitor's browser.

import { CLINICAL_LABEL, type ClinicalField } from "./clinical-fields";

export { CLINICAL_LABEL, type ClinicalField };

export type RenderedCard = {
  meta: CardMeta;
  /** Sanitised HTML of the card's Markdown, headings shifted below the page's own h1. */
  html: string;
  /** The clinical section: from the front matter, else from the Markdown's sections; null = not provided. */
  clinical: Record<ClinicalField, string | null>;
  /** Set when the front matter could not be read (the Markdown still renders). */
  problem: string | null;
};

type HastNode = { type: string; tagName?: string; children?: HastNode[] };

/** Shifts h1..h5 one level down (the page's h1 is the asset's name). */
function shiftHeadings() {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      const level = node.tagName ? /^h([1-5])$/.exec(node.tagName)?.[1] : undefined;
      if (level) node.tagName = `h${Number(level) + 1}`;
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(shiftHeadings)
  .use(rehypeSanitize)
  .use(rehypeStringify);

/** Markdown -> safe HTML. */
export function markdownToSafeHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

const SECTION_ALIASES: Record<ClinicalField, RegExp> = {
  intendedUse: /^(intended use|intended uses|uses)$/i,
  population: /^(population|intended population|patient population)$/i,
  evaluation: /^(evaluation|performance|results|evaluation results)$/i,
  limitations: /^(limitations|known limitations|risks and limitations|bias, risks, and limitations)$/i,
};

/** The Markdown's `## Heading` sections, as plain text keyed by heading. */
function markdownSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (heading) sections.set(heading, lines.join("\n").trim());
  };
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^#{2,3}\s+(.+?)\s*#*\s*$/.exec(line);
    if (match?.[1]) {
      flush();
      heading = match[1];
      lines = [];
    } else lines.push(line);
  }
  flush();
  return sections;
}

export function renderCard(source: string, name?: string): RenderedCard {
  const { meta, markdown, problem } = splitCard(source);
  // The card's own title repeats the page's h1: drop a leading "# <name>".
  const body = name ? markdown.replace(new RegExp(`^\\s*#\\s+${escapeRegExp(name)}\\s*\\n`), "") : markdown;
  const sections = markdownSections(markdown);
  const fromMarkdown = (field: ClinicalField) => {
    for (const [heading, text] of sections) if (SECTION_ALIASES[field].test(heading) && text) return text;
    return null;
  };
  const clinical = {} as Record<ClinicalField, string | null>;
  for (const field of Object.keys(CLINICAL_LABEL) as ClinicalField[]) {
    const key = field === "intendedUse" ? "intended_use" : field;
    clinical[field] =
      meta[key as "intended_use" | "population" | "evaluation" | "limitations"] ?? fromMarkdown(field);
  }
  return { meta, html: markdownToSafeHtml(body), clinical, problem };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
