/** Small toolbar icons drawn in SVG, so they look the same whatever fonts are installed. */

export type IconName = 'play' | 'pause' | 'step' | 'reset' | 'moon' | 'sun';

/** Filled shapes, or outlines where `stroke` is set; 16×16 box. */
const shapes: Record<IconName, { d: string; stroke?: boolean }[]> = {
  play: [{ d: 'M4 2.5v11l9-5.5z' }],
  pause: [{ d: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z' }],
  step: [{ d: 'M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z' }],
  reset: [{ d: 'M13 8.5A5 5 0 1 1 11 4', stroke: true }, { d: 'M13.6 1.6v4.6H9z' }],
  moon: [{ d: 'M10.5 1.8a6.3 6.3 0 1 0 3.7 9.6A5.2 5.2 0 0 1 10.5 1.8z' }],
  sun: [
    { d: 'M8 4.6a3.4 3.4 0 1 1 0 6.8 3.4 3.4 0 0 1 0-6.8z' },
    {
      d: 'M8 0v2.6M8 13.4V16M0 8h2.6M13.4 8H16M2.3 2.3l1.9 1.9M11.8 11.8l1.9 1.9M2.3 13.7l1.9-1.9M11.8 4.2l1.9-1.9',
      stroke: true,
    },
  ],
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
      {shapes[name].map((s) =>
        s.stroke ? (
          <path
            key={s.d}
            d={s.d}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        ) : (
          <path key={s.d} d={s.d} fill="currentColor" />
        ),
      )}
    </svg>
  );
}
