import QRCode from 'qrcode';
import { escapeHtml as esc } from '../report/escape.ts';

/**
 * A QR code as inline SVG, drawn on the server by `qrcode` (no script in the page, nothing fetched).
 * It is an image with a name, so screen readers say what it is.
 *
 * @example
 * await qrSvg('https://dichvucong.example/lookup?code=A-1', 'QR code of A-1') // '<svg … role="img" aria-label="QR code of A-1">…</svg>'
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.trim().replace('<svg ', `<svg role="img" aria-label="${esc(label)}" `);
}
