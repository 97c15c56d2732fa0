import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link that does not prefetch. Next prefetches every link in view by default, and a page
 * with thirty links set off thirty renders per visit (docs/decisions/0018). A click still
 * navigates without a full reload, and an anonymous reader's navigation is served from the
 * response cache. The one place next/link is imported (eslint.config.mjs).
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
