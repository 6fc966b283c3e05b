import { useEffect, useRef, useState } from 'react';
import { usePlan } from '../../data/hooks';
import { useStrings } from '../../i18n/use-strings';
import type { MapView as CameraView } from '../../state/camera-slice';
import { useAtlasStore } from '../../state/store';
import { createMapController } from './map-controller';

/** The map's container. The map itself is owned by the map controller, which this mounts once. */
export function MapView({ onViewChange }: { onViewChange?: (view: CameraView) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [visible, setVisible] = useState<string[]>([]);
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const plan = usePlan(planId);
  const viewChange = useRef(onViewChange);
  viewChange.current = onViewChange;
  useEffect(() => {
    if (!container.current) return;
    try {
      return createMapController(container.current, useAtlasStore, {
        onViewChange: (view) => viewChange.current?.(view),
        onIdle: (names) => setVisible((prev) => (prev.join() === names.join() ? prev : names)),
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
      {failed && (
        <p className="map-error" role="alert">
          {t.notices.mapFailed}
        </p>
      )}
      {(!planId || plan.status === 'loading') && (
        <p className="map-loading" aria-busy="true">
          {t.loading}
        </p>
      )}
      <div className="visually-hidden">
        <p>{t.visibleOnMap}</p>
        <ul className="visible-names">
          {visible.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
