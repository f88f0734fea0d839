import type { Route } from "next";

// The main navigation: every journey's page, in the order people meet them.
export const NAV: ReadonlyArray<{ href: Route; label: string }> = [
  { href: "/explore" as Route, label: "Explore" },
  { href: "/publish" as Route, label: "Publish" },
  { href: "/studio" as Route, label: "Studio" },
  { href: "/licenses" as Route, label: "Licenses" },
  { href: "/royalties" as Route, label: "Royalties" },
  { href: "/stakes" as Route, label: "Stakes" },
];
