import type { RenderedCard } from "@/lib/card";
import { CARD_PROSE as prose } from "@/lib/card-prose";
import { notProvided, Section } from "./section";

// The card's Markdown, rendered and sanitised on the server (lib/card.ts): the HTML here has no
// scripts, handlers or javascript: links, whatever the card's author wrote.

export function CardBody({ card }: { card: RenderedCard | null }) {
  return (
    <Section id="card" title="Model card">
      {card?.problem ? (
        <p className="mb-3 text-sm text-amber-800 dark:text-amber-200">{card.problem}</p>
      ) : null}
      {card ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by rehype-sanitize in lib/card.ts
        <div className={`${prose} [&>*:first-child]:mt-0`} dangerouslySetInnerHTML={{ __html: card.html }} />
      ) : (
        <p className={notProvided}>No model card has been published for this asset yet.</p>
      )}
    </Section>
  );
}
