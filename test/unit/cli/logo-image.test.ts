/**
 * Logo images (shared/report/office/image.ts): the kind and size of every logo the app accepts,
 * the check at upload with its limits in Indonesian, and the logo prepared for Word (SVG drawn
 * to PNG by a rasterizer, anything Word cannot take left out with one sentence, never a throw).
 */
import { describe, expect, it } from 'vitest';
import { logoInfo, logoUploadProblem, prepareDocxLogo } from '../../../shared/report/office/image';
import { LOGO_SVG, pngOf, webpOf } from '../../fixtures/bundles/corpus-dates';

const enc = new TextEncoder();

describe('logoInfo', () => {
  it('reads the kind and size of PNG, SVG and WebP', () => {
    expect(logoInfo(pngOf(40, 50))).toEqual({ kind: 'png', width: 40, height: 50 });
    expect(logoInfo(enc.encode(LOGO_SVG))).toEqual({ kind: 'svg', width: 120, height: 150 });
    expect(logoInfo(enc.encode('<svg viewBox="0 0 30 10"/>'))).toEqual({
      kind: 'svg',
      width: 30,
      height: 10,
    });
    expect(logoInfo(enc.encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      kind: 'svg',
      width: null,
      height: null,
    });
    expect(logoInfo(webpOf(64, 32))).toEqual({ kind: 'webp', width: 64, height: 32 });
    expect(logoInfo(enc.encode('GIF89a'))).toBeNull();
  });
});

describe('logoUploadProblem', () => {
  it('accepts sane logos and refuses absurd sizes with the limit', () => {
    expect(logoUploadProblem(pngOf(400, 400, false))).toBeNull();
    expect(logoUploadProblem(enc.encode(LOGO_SVG))).toBeNull();
    expect(logoUploadProblem(pngOf(0, 0))).toMatch(
      /^Ukuran gambar logo tidak sah \(0 × 0 piksel\)/,
    );
    expect(logoUploadProblem(pngOf(4001, 100, false))).toBe(
      'Gambar logo terlalu besar (4.001 × 100 piksel); paling besar 4.000 piksel per sisi.',
    );
    expect(logoUploadProblem(webpOf(5000, 5000))).toMatch(/paling besar 4\.000 piksel/);
    expect(logoUploadProblem(enc.encode('<svg width="0" height="10"/>'))).toMatch(/lebih dari 0/);
    expect(logoUploadProblem(pngOf(2000, 50, false))).toMatch(
      /^Perbandingan sisi logo tidak wajar/,
    );
  });

  it('names the kinds it takes, unless only the size is asked', () => {
    expect(logoUploadProblem(enc.encode('GIF89a'))).toBe(
      'Logo harus berupa gambar PNG, JPEG, SVG, atau WebP.',
    );
    expect(logoUploadProblem(enc.encode('GIF89a'), true)).toBeNull();
  });
});

describe('prepareDocxLogo', () => {
  const png = pngOf(8, 10);
  const rasterize = async (_svg: string, width: number, height: number) =>
    pngOf(width, height, false);

  it('keeps a PNG, draws an SVG to PNG at 400 px high', async () => {
    expect(await prepareDocxLogo(png)).toEqual({
      logo: { type: 'png', data: png, width: 8, height: 10 },
      note: null,
    });
    const drawn = await prepareDocxLogo(enc.encode(LOGO_SVG), rasterize);
    expect(drawn.note).toBeNull();
    expect(drawn.logo).toMatchObject({ type: 'png', width: 320, height: 400 });
  });

  it('leaves out what it cannot take, with one sentence, never throwing', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [enc.encode(LOGO_SVG), /SVG tidak dapat diubah menjadi PNG di sini/],
      [webpOf(10, 10), /WebP tidak dapat diubah/],
      [pngOf(0, 0), /lebih dari 0/],
      [enc.encode('acak'), /bukan gambar/],
    ];
    for (const [bytes, note] of cases) {
      const out = await prepareDocxLogo(bytes);
      expect(out.logo).toBeNull();
      expect(out.note).toMatch(/^Logo tidak dimuat dalam dokumen Word: /);
      expect(out.note).toMatch(note);
    }
    const failing = async (): Promise<Uint8Array> => {
      throw new Error('resvg gagal');
    };
    const broken = await prepareDocxLogo(enc.encode(LOGO_SVG), failing);
    expect(broken).toEqual({
      logo: null,
      note: 'Logo tidak dimuat dalam dokumen Word: gambar SVG tidak dapat digambar.',
    });
    expect(await prepareDocxLogo(null)).toEqual({ logo: null, note: null });
  });
});
