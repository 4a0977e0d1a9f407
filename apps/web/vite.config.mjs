// The web app's build (scripts/build-web.cjs runs it when sources changed): served by the api
// under /app/ (docs/decisions/0007-web-app.md), so every asset URL starts with /app/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names: the api serves /app/assets/* as immutable.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
  },
});
