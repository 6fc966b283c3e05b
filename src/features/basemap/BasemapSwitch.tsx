import { useId, useState } from 'react';
import { useAtlasStore } from '../../state/store';
import type { Basemap } from '../../state/ui-slice';
import { useStrings } from '../../i18n/use-strings';

/** Offline base map by default; online tiles only when the user chooses them (天地图 with the user's own key). */
export function BasemapSwitch() {
  const t = useStrings();
  const basemap = useAtlasStore((s) => s.basemap);
  const setBasemap = useAtlasStore((s) => s.setBasemap);
  const key = useAtlasStore((s) => s.tiandituKey);
  const setKey = useAtlasStore((s) => s.setTiandituKey);
  const [draft, setDraft] = useState(key);
  const id = useId();
  const options: { value: Basemap; label: string }[] = [
    { value: 'offline', label: t.basemapOffline },
    { value: 'osm', label: t.basemapOsm },
    { value: 'tianditu', label: t.basemapTianditu },
  ];
  return (
    <fieldset className="basemap">
      <legend>{t.basemap}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={`${id}-basemap`} value={o.value} checked={basemap === o.value} onChange={() => setBasemap(o.value)} /> {o.label}
        </label>
      ))}
      {basemap !== 'offline' && <p className="basemap-note">{t.basemapOnlineNote}</p>}
      {basemap === 'tianditu' && (
        <form
          className="basemap-key"
          onSubmit={(e) => {
            e.preventDefault();
            setKey(draft);
          }}
        >
          <label htmlFor={`${id}-key`}>{t.tiandituKey}</label>
          <div>
            <input
              id={`${id}-key`}
              type="text"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              pattern="[A-Za-z0-9]{16,64}"
            />
            <button type="submit" className="btn">
              {t.apply}
            </button>
          </div>
        </form>
      )}
    </fieldset>
  );
}
