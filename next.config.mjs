/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon, and warcio (ESM with a CJS build and WebAssembly hashing) is
  // loaded as tsx and the tests load it: both come from node_modules at run time, not bundled.
  // So is @resvg/resvg-js, a native addon that draws the charts' PNGs (lib/charts/png.ts).
  serverExternalPackages: ["better-sqlite3", "warcio", "@resvg/resvg-js"],
  poweredByHeader: false,
  // Metadata in <head> for every reader, never streamed into the body: pages are cached whole and
  // served to every user agent (docs/decisions/0017), and link-preview scrapers read only the head
  // for Open Graph tags (issue 14, docs/decisions/0027).
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  typedRoutes: false,
  // The CSV import posts files up to 2 MB through a server action; the rest covers multipart encoding.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // Every page refuses to be framed, except the chart embeds under /embed/ (issue 14). The
        // CSP's frame-ancestors, which browsers obey over this header, draws the exact line
        // (isFrameablePath in lib/security/csp.ts); this is the fallback for older browsers.
        source: "/:path((?!embed/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

export default nextConfig;
