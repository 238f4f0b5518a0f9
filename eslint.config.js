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
    rules: { "import-x/no-restricted-paths": ["error", { zones: serverZones }] },
  },
  {
    // The database rule (docs/decisions/008-one-database-rule.md): SQL is never built from strings, and only repo
    // files (and db/ itself) touch the Prisma client; everything else calls them, opening a transaction at most.
    files: ["server/src/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          property: "$queryRawUnsafe",
          message: "Write SQL with the sql tag from db/rows.ts: values are bound, never spliced.",
        },
        {
          property: "$executeRawUnsafe",
          message: "Write SQL with the sql tag from db/rows.ts: values are bound, never spliced.",
        },
      ],
    },
  },
  {
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/**/*repo.ts", "server/src/db/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name=/^(prisma|tx)$/][property.name!='$transaction']",
          message: "Queries live in the module's repo files; call a repo function here.",
        },
        {
          selector: "MemberExpression[object.property.name=/^(prisma|tx)$/][property.name!='$transaction']",
          message: "Queries live in the module's repo files; call a repo function here.",
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
