/** Where a lon/lat falls on screen for a MapLibre view (Web Mercator, 512 px tiles), to click real features. */
export function project(lng: number, lat: number, zoom: number): [number, number] {
  const scale = 512 * 2 ** zoom;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
}

export function screenPoint(
  target: [number, number],
  view: { lng: number; lat: number; zoom: number },
  box: { x: number; y: number; width: number; height: number },
): { x: number; y: number } {
  const [tx, ty] = project(target[0], target[1], view.zoom);
  const [cx, cy] = project(view.lng, view.lat, view.zoom);
  return { x: box.x + box.width / 2 + (tx - cx), y: box.y + box.height / 2 + (ty - cy) };
}
