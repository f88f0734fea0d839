import localFont from "next/font/local";

// Inter, self-hosted from the @fontsource-variable/inter package: no request leaves the app
// (a hosted font loader would fetch from the internet at build time). Latin subset, variable weight.
export const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});
