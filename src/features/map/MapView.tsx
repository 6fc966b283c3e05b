import { useEffect, useRef, useState } from 'react';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../ui/use-strings';
import { initialMapView, reportMapView } from '../url-state/hash-sync';
import { createMapController } from './map-controller';

/** The map's container. The map itself is owned by the map controller, which this mounts once. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [visible, setVisible] = useState<string[]>([]);
  const t = useStrings();
  useEffect(() => {
    if (!container.current) return;
    try {
      return createMapController(container.current, useAtlasStore, {
        initialView: initialMapView(),
        onViewChange: (view) => reportMapView(view, useAtlasStore),
        onIdle: (names) => {
          container.current?.setAttribute('data-idle', 'true');
          setVisible((prev) => (prev.join() === names.join() ? prev : names));
        },
      });
    } catch (e) {
      console.error('map:', e);
      setFailed(true);
      return undefined;
    }
  }, []);
  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="region" aria-label={t.mapLabel} id="map" tabIndex={-1} />
      {failed && <p className="map-error" role="alert">{t.mapError}</p>}
      <div className="visually-hidden">
        <p>{t.visibleOnMap}</p>
        <ul className="visible-names">{visible.map((n) => <li key={n}>{n}</li>)}</ul>
      </div>
    </div>
  );
}
