/** The filter of lists that go by indicator: "Semua", then every indicator by number and name. */
export function IndicatorSelect({
  id,
  value,
  onChange,
  indicators,
}: {
  id: string;
  /** '' for all, else the indicator number as text. */
  value: string;
  onChange: (value: string) => void;
  indicators: readonly { number: number; name: string }[];
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Semua</option>
      {indicators.map((i) => (
        <option key={i.number} value={i.number}>
          {i.number}. {i.name}
        </option>
      ))}
    </select>
  );
}
