import { readdirSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";

// Every folder under features/ is a feature, so a new one is fenced in without touching this file.
const features = readdirSync(new URL("./client/src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// A feature may use only itself and the shared code; features meet in app/, which composes them (see app/routes/mentor).
const featureZones = features.map((feature) => ({
  target: `./client/src/features/${feature}`,
  from: "./client/src/features",
  except: [`./${feature}`],
  message: "Features never import each other: move the shared piece to components/ or lib/, or compose both in app/.",
}));

// Each folder under server/src is a module; another module reaches it only through its index.ts, the file that says
// what it offers. Files directly under server/src (app.ts, main.ts, config.ts, logger.ts, …) compose the modules.
const serverSrc = new URL("./server/src", import.meta.url);
const serverModules = readdirSync(serverSrc, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "generated")
  .map((entry) => entry.name);
const serverZones = [
  ...serverModules.map((module) => ({
    target: `./server/src/${module}`,
    from: "./server/src",
    except: [`./${module}`, "./generated", ...serverModules.map((other) => `./${other}/index.ts`), ...rootFiles()],
    message: "Use the module's index.ts: other modules reach a module only through its public file.",
  })),
  ...serverModules.map((module) => ({
    target: "./server/src/*.ts",
    from: `./server/src/${module}`,
    except: ["./index.ts"],
    message: "Compose modules through their index.ts.",
  })),
];
function rootFiles() {
  return readdirSync(serverSrc, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => `./${entry.name}`);
}

// A prepared statement's text passed as a template with values in it would be SQL built at the call.
const preparedTextRules = [
  {
    selector:
      "CallExpression[callee.property.name=/^(query|run|exec|\\$queryRaw|\\$executeRaw)$/] > TemplateLiteral.arguments:first-child[expressions.length>0]",
    message: "SQL text is a constant: bind values as parameters ($1, …) or use the sql tag.",
  },
];
// Members of the database handles that are not queries: opening a transaction, and reaching the two clients.
const DATABASE_HANDLES = "/^(\\$transaction|sql|prisma|close|kind|transaction)$/";

export default tseslint.config(
  { ignores: ["node_modules", "dist", "server/src/generated", ".data", "coverage"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware: a promise nobody awaits or handles loses its error (an unhandled rejection stops the server).
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js"] })] },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...featureZones,
            {
              target: "./client/src/features",
              from: "./client/src/app",
              message: "app/ composes features; a feature never reaches back into app/.",
            },
            {
              target: ["./client/src/components", "./client/src/lib"],
              from: ["./client/src/features", "./client/src/app"],
              message: "Shared code (components/, lib/) must not depend on a feature or on app/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["client/src/**/*.{ts,tsx}", "tests/client/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["server/src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts"] })] },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: serverZones }],
      // One import line per module: a module's public index.ts is imported once, with every name it gives.
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
    },
  },
  {
    // The database rule (docs/decisions/008-one-database-rule.md), part 1, everywhere (tests included): SQL is never
    // built from runtime values. Raw SQL goes through the sql tag (values bound); on the server a prepared
    // statement's text is a constant, never a template filled at the call.
    files: ["server/src/**/*.ts", "tests/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["$queryRawUnsafe", "$executeRawUnsafe"].map((property) => ({
          property,
          message: "Write SQL with the sql tag from db/rows.ts: values are bound, never spliced.",
        })),
        ...["Prisma", "PrismaNs"].map((object) => ({
          object,
          property: "raw",
          message: "Prisma.raw splices text into SQL; bind values with the sql tag instead.",
        })),
      ],
    },
  },
  {
    // Server code only: test set-up builds DDL with identifiers (CREATE DATABASE name), which cannot be bound.
    files: ["server/src/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...preparedTextRules] },
  },
  {
    // Part 2: only repo files (and db/ itself) reach the database; everything else calls them, opening a
    // transaction at most.
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/**/*repo.ts", "server/src/db/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...preparedTextRules,
        {
          selector: `MemberExpression[object.name=/^(prisma|tx|db)$/]:not([property.name=${DATABASE_HANDLES}])`,
          message: "Queries live in the module's repo files; call a repo function here.",
        },
        {
          selector: `MemberExpression[object.property.name=/^(prisma|tx|db|sql)$/]:not([property.name=${DATABASE_HANDLES}])`,
          message: "Queries live in the module's repo files; call a repo function here.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/index.ts"],
              importNames: ["sql", "join", "numbered", "queryRows", "queryRow", "execute"],
              message: "SQL belongs in the module's repo files.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/src/grading/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["express", "**/db/**", "**/http/**", "node:fs", "fs", "@prisma/*", "**/generated/**"] },
      ],
    },
  },
);
