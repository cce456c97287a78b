/**
 * SVG to PNG for the CLI's Word documents (Word needs a PNG beside each SVG chart). Uses resvg
 * (a prebuilt native module shipped in the npm package) with the system's fonts; loaded lazily
 * so that the rest of the CLI works where it is not installed.
 */
import type { Rasterize } from '../../shared/report/office';

export async function loadRasterizer(): Promise<Rasterize | null> {
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    return async (svg, width) =>
      new Resvg(svg, {
        fitTo: { mode: 'width', value: width },
        font: { loadSystemFonts: true, defaultFontFamily: 'Arial' },
      })
        .render()
        .asPng();
  } catch {
    return null;
  }
}
