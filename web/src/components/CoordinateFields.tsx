import { useGame } from '../lib/game';

/** Coordinates as typed: each field holds its text (it may be empty while the player types). */
export interface CoordinateText {
  galaxy: string;
  system: string;
  position: string;
}

type Axis = keyof CoordinateText;

const AXES: { axis: Axis; label: string; size: 'galaxies' | 'systems' | 'positions' }[] = [
  { axis: 'galaxy', label: 'Galaxy', size: 'galaxies' },
  { axis: 'system', label: 'System', size: 'systems' },
  { axis: 'position', label: 'Position', size: 'positions' },
];

/**
 * The Galaxy, System (and Position) number fields, each bounded by the universe's size from
 * GET /rules. `idPrefix` keeps the ids of two forms on one page apart.
 */
export function CoordinateFields({
  idPrefix,
  value,
  onChange,
  withPosition = true,
  required = false,
}: {
  idPrefix: string;
  value: CoordinateText;
  onChange: (next: CoordinateText) => void;
  withPosition?: boolean;
  required?: boolean;
}) {
  const universe = useGame().rules?.universe;
  const axes = withPosition ? AXES : AXES.filter((a) => a.axis !== 'position');
  return (
    <>
      {axes.map(({ axis, label, size }) => {
        const id = `${idPrefix}-${axis}`;
        return (
          <div key={axis} class="field">
            <label for={id}>{label}</label>
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={1}
              max={universe?.[size]}
              required={required}
              value={value[axis]}
              onInput={(event) => onChange({ ...value, [axis]: event.currentTarget.value })}
            />
          </div>
        );
      })}
    </>
  );
}
