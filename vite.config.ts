import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';

/** Where CesiumJS's workers, assets and widgets are served from (copied at build time, never from a CDN). */
const CESIUM_BASE_PATH = '/cesium/';
const CESIUM_BUILD = 'node_modules/cesium/Build/Cesium';
const SERVER_PORT = Number(process.env.PORT ?? 8080);

export default defineConfig({
  define: {
    // CesiumJS reads this global to find Workers/, Assets/ and ThirdParty/.
    CESIUM_BASE_URL: JSON.stringify(CESIUM_BASE_PATH),
  },
  plugins: [
    react(),
    viteStaticCopy({
      targets: ['Workers', 'ThirdParty', 'Assets', 'Widgets'].map((folder) => ({
        src: `${CESIUM_BUILD}/${folder}`,
        dest: 'cesium',
      })),
    }),
  ],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
  },
  server: {
    // Dev mode: Vite serves the app with hot reload and hands data requests to the real server.
    proxy: {
      ...Object.fromEntries(
        ['/tiles', '/scenes', '/config.json', '/health'].map((path) => [
          path,
          `http://127.0.0.1:${SERVER_PORT}`,
        ]),
      ),
      // The sensor hub's REST and WebSocket.
      '/api': { target: `http://127.0.0.1:${SERVER_PORT}`, ws: true },
    },
  },
});
