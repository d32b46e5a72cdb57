/** A planet drawn from its own data: hot worlds glow red, cold ones blue, size sets the rings. */
export function PlanetPicture({
  temperature,
  size,
  name,
}: {
  temperature: number;
  size: number;
  name: string;
}) {
  // -130 °C .. +260 °C onto a blue-to-red hue; the picture is decoration, the data is beside it.
  const warmth = Math.max(0, Math.min(1, (temperature + 130) / 390));
  const hue = Math.round(220 - warmth * 200);
  const radius = 30 + Math.max(0, Math.min(1, size / 20_000)) * 14;
  return (
    <svg class="planet-picture" viewBox="0 0 120 120" role="img" aria-label={`Picture of ${name}`}>
      <defs>
        <radialGradient id={`glow-${hue}`} cx="35%" cy="35%" r="75%">
          <stop offset="0%" stop-color={`hsl(${hue} 80% 72%)`} />
          <stop offset="60%" stop-color={`hsl(${hue} 55% 38%)`} />
          <stop offset="100%" stop-color={`hsl(${hue} 60% 12%)`} />
        </radialGradient>
      </defs>
      <circle cx="60" cy="60" r={radius + 10} fill={`hsl(${hue} 70% 50% / 0.12)`} />
      <circle cx="60" cy="60" r={radius} fill={`url(#glow-${hue})`} />
      <ellipse
        cx="60"
        cy="62"
        rx={radius + 16}
        ry={6}
        fill="none"
        stroke={`hsl(${hue} 40% 70% / 0.35)`}
        stroke-width="2"
      />
    </svg>
  );
}
