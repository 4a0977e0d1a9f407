// The web app's build (scripts/build-web.cjs runs it when sources changed): served by the api
// under /app/ (docs/decisions/0007-web-app.md), so every asset URL starts with /app/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Vendor chunks (issue 11): the browser fetches them in parallel, and an app change leaves them cached.
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/ },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs)[\\/]/ },
  // Loaded with the planners' pages only (never preloaded: no chunk of the first page imports it).
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: 'query', test: /node_modules[\\/](@tanstack|openapi-fetch)[\\/]/ },
];

/**
 * main.tsx imports the app (boot.tsx) dynamically, after starting the first page's API requests;
 * these <link rel="modulepreload"> let the browser fetch boot and every chunk it imports statically
 * at once with the entry, instead of when the entry runs. Lazy pages are not among them.
 */
function preloadBoot() {
  return {
    name: 'planledger-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const boot = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot) throw new Error('vite.config.mjs: no chunk for src/boot.tsx to preload');
        const files = new Set();
        const visit = (chunk) => {
          if (files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const name of chunk.imports) if (!bundle[name].isEntry) visit(bundle[name]);
        };
        visit(boot);
        const css = [...files].flatMap((file) => [...(bundle[file].viteMetadata?.importedCss ?? [])]);
        return [
          ...[...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/app/${file}` }, injectTo: 'head' })),
          ...css.map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/app/${file}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react(), preloadBoot()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names: the api serves /app/assets/* as immutable (precompressed .br/.gz beside them).
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: { codeSplitting: { groups: VENDOR_GROUPS } },
    },
  },
});
