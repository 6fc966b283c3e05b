import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/features/url-state/hash-state';

describe('URL hash state', () => {
  it('reads a full deep link', () => {
    expect(parseHash('#plan=qujing&feature=qujing-core&map=9.25/25.5012/103.7954&lang=en')).toEqual({
      plan: 'qujing',
      feature: 'qujing-core',
      map: { zoom: 9.25, lat: 25.5012, lng: 103.7954 },
      lang: 'en',
    });
  });

  it('writes map= as zoom/lat/lng like openstreetmap.org and round-trips', () => {
    const hash = formatHash({ plan: 'lincang', feature: 'lincang-belt-lancang', map: { zoom: 8.123, lat: 23.8812345, lng: 100.0912345 }, lang: 'zh' });
    expect(hash).toBe('#plan=lincang&feature=lincang-belt-lancang&map=8.12/23.8812/100.0912');
    expect(parseHash(hash).map).toEqual({ zoom: 8.12, lat: 23.8812, lng: 100.0912 });
  });

  it.each([
    ['#plan=<img src=x onerror=alert(1)>', {}],
    ['#feature=%3Cscript%3Ealert(1)%3C/script%3E', {}],
    ['#map=abc/1/2', {}],
    ['#map=99/1/2', {}],
    ['#map=7/95/2', {}],
    ['#map=7/25', {}],
    ['#lang=fr', {}],
    ['#%E0%A4%A', {}],
    ['#&&&==', {}],
    ['garbage', {}],
  ])('ignores junk %s', (hash, expected) => {
    expect(parseHash(hash)).toEqual(expected);
  });

  it('keeps the valid parts of a partly broken link', () => {
    expect(parseHash('#plan=menghai&map=x/y/z&lang=en&feature=Bad Id')).toEqual({ plan: 'menghai', lang: 'en' });
  });
});
