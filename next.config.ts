import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "bullmq", "ioredis", "postgres"],
  typedRoutes: false,
  poweredByHeader: false,
  // Responses leave uncompressed: the reverse proxy in front compresses them (decision 0035).
  // Gzip in-process cost every page view ~7 % of its CPU on the server's one JS thread.
  compress: false,
  // Everything else gets its headers (with the CSP nonce) from proxy.ts, which skips these.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({ source, headers }));
  },
};

export default nextConfig;
