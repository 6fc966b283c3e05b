/** The side panel's body while what it shows is loading: one line, marked busy for screen readers. */
export function PanelLoading({ label }: { label: string }) {
  return (
    <div className="panel-body">
      <p className="muted" aria-busy="true">
        {label}
      </p>
    </div>
  );
}
