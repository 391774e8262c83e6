import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import { boundaries } from "./eslint.boundaries.mjs";

// Adapters (routes, pages, job processors) call lib/<domain> verbs; only lib/ and db/ touch the database.
const noDatabaseInAdapters = {
  files: ["app/**/*.{ts,tsx}", "jobs/processors/**/*.ts", "components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*", "postgres"],
            message: "Adapters call lib/<domain> verbs; only lib/ and db/ import the database.",
          },
        ],
      },
    ],
  },
};

// An update or delete without where() rewrites or empties a whole table; `db` and `tx` are the names used here.
const drizzleWhere = {
  plugins: { drizzle },
  rules: {
    "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  noDatabaseInAdapters,
  drizzleWhere,
  boundaries,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "db/migrations/**", "next-env.d.ts", ".ci/out/**"]),
]);
