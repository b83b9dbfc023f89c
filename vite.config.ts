import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/vite-precompress.ts";

// The web app lives in src/web and is built into dist/web, which the server serves in production.
export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own file stays cached across releases. Other
        // libraries (Mantine's components, the timeline's d3, dates) are split by the pages that use
        // them, so the first public page loads only what it draws (≤ 250 KB compressed, bench/).
        codeSplitting: {
          groups: [{ name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
