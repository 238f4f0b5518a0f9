import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type BarChartBoxProps = {
  data: { label: string; value: number }[];
  name: string;
  color: string;
};

/** A small bar chart (recharts, loaded only on the stats page). Decorative: the page gives the numbers as text too. */
export default function BarChartBox({ data, name, color }: BarChartBoxProps) {
  return (
    <div className="fc-chart-box" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
        {/* Without the keyboard layer: the chart is hidden from assistive tech, so it must not take focus either. */}
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Bar dataKey="value" name={name} fill={color} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
