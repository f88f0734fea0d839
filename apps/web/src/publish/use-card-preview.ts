"use client";

import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/api/problem";
import { type AssetKindName, type CardPreview, cardPreviewSchema } from "@/lib/publish/card-api";

/**
 * The card as the server renders it, refreshed shortly after each edit (the server holds the
 * Markdown and YAML libraries, so the browser does not download them).
 */
export function useCardPreview(kind: AssetKindName | undefined, card: string | undefined) {
  const [state, setState] = useState<{ preview: CardPreview | null; error: string | null }>({
    preview: null,
    error: null,
  });
  useEffect(() => {
    if (kind === undefined || card === undefined) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchJson(
        "/api/cards/preview",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ kind, body: card }),
          signal: controller.signal,
        },
        cardPreviewSchema,
      )
        .then((preview) => setState({ preview, error: null }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            preview: null,
            error: error instanceof Error ? error.message : "The preview could not be made.",
          });
        });
    }, 300);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [kind, card]);
  return state;
}
