/** A destructive action's inline confirmation: what will happen, then the action or Cancel. */
export function InlineConfirm({ label, message, action, onConfirm, onCancel }: { label: string; message: string; action: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="confirm" role="alertdialog" aria-label={label}>
      <p>{message}</p>
      <div className="confirm__buttons">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {action}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
