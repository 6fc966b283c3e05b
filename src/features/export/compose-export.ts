/** Lays out an export image: title, the map, a legend, a scale bar, a north arrow and the attribution. */
import type { SwatchShape } from '../../lib/role-look';
import { colors, fonts } from '../../ui/tokens';
import type { MapCapture } from '../../lib/map-capture';
import { niceScale } from './scale-bar';

export interface LegendEntry {
  label: string;
  /** The role's swatch (role-look.ts), as the on-screen legend draws it. */
  kind: SwatchShape;
  color: string;
}

export interface ExportText {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendEntry[];
  footer: string;
}

const font = fonts.sans;

export function composeExport(capture: MapCapture, text: ExportText): HTMLCanvasElement {
  const { image } = capture;
  const w = image.width;
  const unit = w / 1600; // everything scales with the image
  const header = Math.round(110 * unit);
  const footer = Math.round(56 * unit);
  const out = document.createElement('canvas');
  out.width = w;
  out.height = header + image.height + footer;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = colors.ink;
  ctx.font = `700 ${38 * unit}px ${font}`;
  ctx.textBaseline = 'top';
  ctx.fillText(text.title, 32 * unit, 22 * unit, w - 64 * unit);
  ctx.fillStyle = colors.accent;
  ctx.font = `500 ${24 * unit}px ${font}`;
  ctx.fillText(text.subtitle, 32 * unit, 70 * unit, w - 64 * unit);
  ctx.drawImage(image, 0, header);

  // Legend, bottom left over the map.
  const rowH = 30 * unit;
  const boxW = 360 * unit;
  const boxH = (text.legend.length + 1) * rowH + 24 * unit;
  const bx = 24 * unit;
  const by = header + image.height - boxH - 24 * unit;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = colors.line;
  ctx.lineWidth = 1.5 * unit;
  ctx.fillRect(bx, by, boxW, boxH);
  ctx.strokeRect(bx, by, boxW, boxH);
  ctx.fillStyle = colors.ink;
  ctx.font = `700 ${20 * unit}px ${font}`;
  ctx.fillText(text.legendTitle, bx + 14 * unit, by + 12 * unit);
  ctx.font = `400 ${18 * unit}px ${font}`;
  text.legend.forEach((entry, i) => {
    const y = by + 12 * unit + (i + 1) * rowH;
    const sx = bx + 14 * unit;
    ctx.fillStyle = entry.color;
    ctx.strokeStyle = entry.color;
    if (entry.kind === 'area' || entry.kind === 'linked') {
      ctx.globalAlpha = entry.kind === 'area' ? 0.45 : 0.12;
      ctx.fillRect(sx, y + 3 * unit, 34 * unit, 18 * unit);
      ctx.globalAlpha = 1;
      ctx.lineWidth = (entry.kind === 'area' ? 2.5 : 1.3) * unit;
      if (entry.kind === 'linked') ctx.setLineDash([3 * unit, 2 * unit]);
      ctx.strokeRect(sx, y + 3 * unit, 34 * unit, 18 * unit);
      ctx.setLineDash([]);
    } else if (entry.kind === 'band') {
      ctx.globalAlpha = 0.7;
      ctx.fillRect(sx, y + 7 * unit, 34 * unit, 10 * unit);
      ctx.globalAlpha = 1;
    } else if (entry.kind === 'hatch') {
      ctx.lineWidth = 1.5 * unit;
      ctx.setLineDash([5 * unit, 3 * unit]);
      ctx.strokeRect(sx, y + 3 * unit, 34 * unit, 18 * unit);
      ctx.setLineDash([]);
      for (let k = 0; k < 5; k++) {
        ctx.beginPath();
        ctx.moveTo(sx + k * 8 * unit, y + 21 * unit);
        ctx.lineTo(sx + k * 8 * unit + 14 * unit, y + 3 * unit);
        ctx.stroke();
      }
    } else {
      ctx.beginPath();
      ctx.arc(sx + 17 * unit, y + 12 * unit, 9 * unit, 0, Math.PI * 2);
      if (entry.kind === 'dot' || entry.kind === 'marker') ctx.fill();
      else {
        ctx.lineWidth = 3.5 * unit;
        ctx.stroke();
      }
    }
    ctx.fillStyle = colors.ink;
    ctx.fillText(entry.label, sx + 48 * unit, y + 2 * unit, boxW - 76 * unit);
  });

  // Scale bar and north arrow, bottom right over the map.
  const scale = niceScale(capture.metresPerPixel, 260 * unit);
  const sx = w - 40 * unit - scale.pixels;
  const sy = header + image.height - 40 * unit;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(sx - 12 * unit, sy - 34 * unit, scale.pixels + 24 * unit, 50 * unit);
  ctx.strokeStyle = colors.ink;
  ctx.lineWidth = 3 * unit;
  ctx.beginPath();
  ctx.moveTo(sx, sy - 10 * unit);
  ctx.lineTo(sx, sy);
  ctx.lineTo(sx + scale.pixels, sy);
  ctx.lineTo(sx + scale.pixels, sy - 10 * unit);
  ctx.stroke();
  ctx.fillStyle = colors.ink;
  ctx.font = `600 ${18 * unit}px ${font}`;
  ctx.textAlign = 'center';
  ctx.fillText(scale.label, sx + scale.pixels / 2, sy - 30 * unit);
  const nx = w - 70 * unit;
  const ny = header + 40 * unit;
  ctx.beginPath();
  ctx.moveTo(nx, ny);
  ctx.lineTo(nx - 16 * unit, ny + 46 * unit);
  ctx.lineTo(nx, ny + 36 * unit);
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(nx, ny);
  ctx.lineTo(nx + 16 * unit, ny + 46 * unit);
  ctx.lineTo(nx, ny + 36 * unit);
  ctx.closePath();
  ctx.lineWidth = 2 * unit;
  ctx.stroke();
  ctx.font = `700 ${22 * unit}px ${font}`;
  ctx.fillText('N', nx, ny + 52 * unit);
  ctx.textAlign = 'left';

  // Footer: attribution and a note on what is schematic.
  ctx.fillStyle = colors.ink2;
  ctx.font = `400 ${16 * unit}px ${font}`;
  ctx.fillText(text.footer, 32 * unit, header + image.height + 10 * unit, w - 64 * unit);
  ctx.fillText(capture.attribution, 32 * unit, header + image.height + 32 * unit, w - 64 * unit);
  return out;
}
