/** One live number on a card: a caption and an element the painter fills (`data-live`). */
export function Readout({ caption, live, unit }: { caption: string; live: string; unit?: string }) {
  return (
    <span className="fl-readout">
      <span className="fl-readout__caption">{caption}</span>{' '}
      <span className="fl-readout__value" data-live={live}>–</span>
      {unit && <span className="fl-readout__unit">{unit}</span>}
    </span>
  );
}
