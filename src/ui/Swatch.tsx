import type { SwatchShape } from '../lib/role-look';

/** A legend swatch: the same shapes the PNG export draws (role-look.ts), in the feature's own colour. */
export function Swatch({ shape, color, glyph }: { shape: SwatchShape; color: string; glyph?: string }) {
  return (
    <svg className="swatch-svg" width="26" height="18" viewBox="0 0 26 18" aria-hidden="true" focusable="false">
      {shape === 'area' && <rect x="1.5" y="2" width="23" height="14" rx="2" fill={color} fillOpacity="0.45" stroke={color} strokeWidth="2.5" />}
      {shape === 'linked' && (
        <rect x="1.5" y="2" width="23" height="14" rx="2" fill={color} fillOpacity="0.12" stroke={color} strokeWidth="1.3" strokeDasharray="3 2" />
      )}
      {shape === 'band' && <line x1="2" y1="9" x2="24" y2="9" stroke={color} strokeOpacity="0.75" strokeWidth="8" strokeLinecap="round" />}
      {shape === 'ring' && <circle cx="13" cy="9" r="6" fill="#fff" stroke={color} strokeWidth="3" />}
      {shape === 'marker' && <circle cx="13" cy="9" r="6.5" fill={color} stroke="#fff" strokeWidth="2.5" />}
      {shape === 'dot' && (
        <>
          <circle cx="13" cy="9" r="8" fill={color} stroke="#fff" strokeWidth="1.5" />
          {glyph && (
            <text x="13" y="12.5" textAnchor="middle" fontSize="10" fontWeight="700" fill="#fff">
              {glyph}
            </text>
          )}
        </>
      )}
      {shape === 'hatch' && (
        <>
          <rect x="1.5" y="2" width="23" height="14" rx="2" fill="none" stroke={color} strokeWidth="1.5" strokeDasharray="4 2" />
          <path d="M4 16 L12 2 M10 16 L18 2 M16 16 L24 2" stroke={color} strokeOpacity="0.5" strokeWidth="1.2" />
        </>
      )}
    </svg>
  );
}
