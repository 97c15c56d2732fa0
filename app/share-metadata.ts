import type { Metadata } from "next";
import { headers } from "next/headers";
import { imagePath } from "@/lib/charts/chart-path";
import { CARD } from "@/lib/charts/share-card";
import { TRACKER_NAME } from "@/lib/export/csv";
import { siteOrigin } from "@/lib/server/origin";

// What a shared link shows (issue 14): Open Graph and Twitter card tags, with a chart of the page
// as a 1200×630 PNG (app/charts/[...chart]/route.ts). Scrapers need absolute addresses, so they
// start from the public origin, as citations and embed codes do.

/** The site's public origin for this request (lib/server/origin.ts). */
export async function publicOrigin(): Promise<string> {
  return siteOrigin((await headers()).get("host"));
}

export type ShareInput = {
  /** The page's own title (the layout's template adds the site's name to <title>). */
  title: string;
  description: string;
  /** The page's path, e.g. "/commitments/12". */
  path: string;
  /** The registry path of the chart shown as its image, e.g. "commitments/12/progress". */
  chart: string;
  /** Says what the image shows, for those who cannot see it. */
  imageAlt: string;
};

export async function shareMetadata({
  title,
  description,
  path,
  chart,
  imageAlt,
}: ShareInput): Promise<Metadata> {
  const origin = await publicOrigin();
  const image = {
    url: `${origin}${imagePath(chart, "card.png")}`,
    width: CARD.width,
    height: CARD.height,
    alt: imageAlt,
    type: "image/png",
  };
  return {
    metadataBase: new URL(origin),
    description,
    openGraph: {
      title,
      description,
      url: `${origin}${path}`,
      siteName: TRACKER_NAME,
      type: "website",
      locale: "en_IN",
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
