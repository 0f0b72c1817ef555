/**
 * The web client: the Vite build in `dist/`, served with long caching for hashed assets and no
 * caching for index.html. Until the client is built, `/` says how to build it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

export function clientRouter(distDir: string): Router {
  const router = Router();
  const index = join(distDir, 'index.html');
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(distDir, { index: false, maxAge: 0 }));
  router.get('/', (_req, res) => {
    if (existsSync(index)) {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(index);
      return;
    }
    res.type('text/plain').send('Ramparts server is running, but the web client is not built yet.\nRun `npm run build` (or `npm start`, which builds it) and reload.\n');
  });
  return router;
}
