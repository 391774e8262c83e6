import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "bullmq", "ioredis", "postgres"],
  typedRoutes: false,
};

export default nextConfig;
