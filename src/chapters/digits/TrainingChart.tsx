import { memo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import type { TrainingPoint } from "../../store/digits/types";

/** Live training curves: mean batch loss (left axis) and test accuracy after each epoch (right). */
export const TrainingChart = memo(function TrainingChart({ points }: { points: TrainingPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" />
        <XAxis
          dataKey="step"
          type="number"
          domain={[0, "dataMax"]}
          label={{ value: "batches", position: "insideBottom", offset: -8 }}
        />
        <YAxis yAxisId="loss" width={40} />
        <YAxis
          yAxisId="acc"
          orientation="right"
          domain={[0, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          width={44}
        />
        <Legend verticalAlign="top" height={24} />
        <Line
          yAxisId="loss"
          dataKey="loss"
          name="training loss"
          stroke="var(--adv)"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="acc"
          dataKey="accuracy"
          name="test accuracy"
          stroke="var(--clean)"
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
});
