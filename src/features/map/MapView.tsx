import { useEffect, useRef, useState } from 'react';
import { usePlan } from '../../data/hooks';
import { localName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import type { MapView as CameraView } from '../../state/camera-slice';
import { useAtlasStore } from '../../state/store';
import type { CursorReport } from './interaction';
import { createMapController } from './map-controller';

/** The map's container. The map itself is owned by the map controller, which this mounts once. */
export function MapView({ onViewChange }: { onViewChange?: (view: CameraView) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [visible, setVisible] = useState<string[]>([]);
  const [cursor, setCursor] = useState<CursorReport>(null);
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const plan = usePlan(planId);
  const lang = useAtlasStore((s) => s.lang);
  const viewChange = useRef(onViewChange);
  viewChange.current = onViewChange;
  useEffect(() => {
    if (!container.current) return;
    try {
      return createMapController(container.current, useAtlasStore, {
        onViewChange: (view) => viewChange.current?.(view),
        onIdle: (names) => setVisible((prev) => (prev.join() === names.join() ? prev : names)),
        onCursor: setCursor,
        keysHintId: 'map-keys',
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
      <p className="visually-hidden" id="map-keys">
        {t.mapKeys}
      </p>
      <p className="visually-hidden map-cursor" aria-live="polite">
        {cursor
          ? t.mapCursor(
              cursor.index + 1,
              cursor.total,
              [cursor.feature.properties.role === 'project' ? t.roleNames.project : cursor.feature.properties.group, localName(cursor.feature.properties, lang)]
                .filter(Boolean)
                .join(' · '),
            )
          : ''}
      </p>
      <div className="visually-hidden">
        <p id="visible-names-title">{t.visibleOnMap}</p>
        <ul className="visible-names" aria-labelledby="visible-names-title">
          {visible.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
