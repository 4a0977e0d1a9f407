import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { acceptedEncoding, serveWebApp } from './web-app';

@Module({})
class EmptyModule {}

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

describe('the web app\'s static serving (issue 11)', () => {
  const script = Buffer.from(`export const greeting = ${JSON.stringify('hello '.repeat(500))};\n`);
  let dist: string;
  let app: NestExpressApplication;
  let port: number;

  const get = (path: string, acceptEncoding?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'planledger-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>planledger</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'assets', 'plain-def456.js'), script); // built without copies: served as is
    app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    serveWebApp(app, dist);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers brotli when accepted, gzip otherwise, with Vary and immutable caching', async () => {
    const br = await get('/app/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);

    const gz = await get('/app/assets/index-abc123.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(script)).toBe(true);
    expect(gz.body.length).toBeLessThan(script.length / 4);
  });

  it('answers the file itself to a client that accepts no encoding, or when no copy was built', async () => {
    for (const [path, accept] of [['/app/assets/index-abc123.js', undefined], ['/app/assets/index-abc123.js', 'br;q=0, gzip;q=0'], ['/app/assets/plain-def456.js', 'gzip, br']] as const) {
      const plain = await get(path, accept);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.body.equals(script)).toBe(true);
    }
  });

  it('still answers 404 for a missing hashed asset, and the page for a deep link', async () => {
    expect((await get('/app/assets/gone-000000.js', 'gzip, br')).status).toBe(404);
    const page = await get('/app/assignments/a-1', 'gzip, br');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('gzip, br;q=0')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});
