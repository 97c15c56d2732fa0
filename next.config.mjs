/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon, and warcio (ESM with a CJS build and WebAssembly hashing) is
  // loaded as tsx and the tests load it: both come from node_modules at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "warcio"],
  poweredByHeader: false,
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
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // The archived-copy viewer frames the copy (sandboxed by its own CSP) from our origin;
        // a later rule's header replaces an earlier one's for the same key.
        source: "/sources/:id/archive/:capture/content",
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
    ];
  },
};

export default nextConfig;
