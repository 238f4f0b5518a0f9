import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The Express server serves dist/client in production and mounts Vite as middleware in dev,
// so there is no dev proxy: /api is always same-origin.
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
  },
});
