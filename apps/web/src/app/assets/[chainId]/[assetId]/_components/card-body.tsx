import type { RenderedCard } from "@/lib/card";
import { notProvided, Section } from "./section";

// The card's Markdown, rendered and sanitised on the server (lib/card.ts): the HTML here has no
// scripts, handlers or javascript: links, whatever the card's author wrote.
const prose =
  "text-sm leading-relaxed text-slate-700 dark:text-slate-300 [&_a]:text-teal-700 [&_a]:underline dark:[&_a]:text-teal-400 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 dark:[&_code]:bg-slate-800 [&_h2]:mt-6 [&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-slate-900 dark:[&_h2]:text-slate-100 [&_h3]:mt-5 [&_h3]:font-semibold [&_h3]:text-slate-900 dark:[&_h3]:text-slate-100 [&_h4]:mt-4 [&_h4]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:mt-3 [&_pre]:overflow-x-auto [&_table]:mt-3 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 dark:[&_td]:border-slate-700 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left dark:[&_th]:border-slate-700 [&_ul]:list-disc";

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
