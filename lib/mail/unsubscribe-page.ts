import { DIGEST_NAMES, type DigestKind } from "@/lib/domain/digest-schedule";
import { escapeHtml } from "./letter";

// The small page at a digest's unsubscribe link (app/unsubscribe/route.ts). Opening the link only
// shows this page, with a button: mail scanners and link previews fetch links, and must not
// unsubscribe anyone. The button POSTs to the same address, as a mail client's one-click does.

export type UnsubscribePage =
  | { state: "confirm"; kind: DigestKind; action: string }
  | { state: "done"; kind: DigestKind }
  | { state: "invalid" };

const TITLES = { confirm: "Unsubscribe", done: "Unsubscribed", invalid: "This link does not work" };

export function renderUnsubscribePage(page: UnsubscribePage): string {
  const body =
    page.state === "confirm"
      ? [
          `<p>Stop sending you ${escapeHtml(DIGEST_NAMES[page.kind])} by email?</p>`,
          `<form method="post" action="${escapeHtml(page.action)}">`,
          '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
          '<button type="submit">Unsubscribe</button>',
          "</form>",
        ]
      : page.state === "done"
        ? [
            `<p role="status">You will no longer receive ${escapeHtml(DIGEST_NAMES[page.kind])}.</p>`,
            '<p>To receive it again, choose how often on <a href="/account#digests">your account page</a>.</p>',
          ]
        : [
            '<p>This unsubscribe link is not complete or not one the tracker made. Copy the whole link from the message, or sign in and choose which digests you receive on <a href="/account#digests">your account page</a>.</p>',
          ];
  return [
    "<!doctype html>",
    '<html lang="en-IN">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${TITLES[page.state]} · Make in India localisation tracker</title>`,
    "</head>",
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em;margin:2em auto;padding:0 1em">',
    "<main>",
    `<h1>${TITLES[page.state]}</h1>`,
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
