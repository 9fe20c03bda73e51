// DKFDS spinner with a status text that screen readers announce.
export function Spinner({ text }: { text: string }) {
  return (
    <div className="spinner-box">
      <div className="spinner" />
      <div className="spinner-status" role="status">
        {text}
      </div>
    </div>
  );
}
