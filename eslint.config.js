import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

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
    files: ["server/src/grading/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["express", "**/db/**", "**/http/**", "node:fs", "fs", "@prisma/*", "**/generated/**"] },
      ],
    },
  },
);
