import type { ButtonHTMLAttributes } from "react";

type Tone = "primary" | "kafka" | "warehouse" | "neutral" | "danger" | "ghost";

const tones: Record<Tone, string> = {
  primary: "bg-fg text-bg hover:opacity-90 border-transparent",
  kafka: "bg-kf text-white hover:brightness-110 border-transparent dark:text-slate-950",
  warehouse: "bg-wh text-white hover:brightness-110 border-transparent dark:text-slate-950",
  neutral: "bg-surface text-fg border-line-strong hover:bg-surface-2",
  danger: "bg-bad text-white hover:brightness-110 border-transparent dark:text-slate-950",
  ghost: "bg-transparent text-muted border-transparent hover:bg-surface-2 hover:text-fg",
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone?: Tone;
  size?: "sm" | "md";
}

export function Button({ tone = "neutral", size = "md", className = "", type = "button", ...rest }: ButtonProps) {
  const sizing = size === "sm" ? "h-8 px-2.5 text-xs" : "h-9 px-3.5 text-sm";
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1.5 rounded-lg border font-medium whitespace-nowrap transition disabled:cursor-not-allowed disabled:opacity-50 ${sizing} ${tones[tone]} ${className}`}
      {...rest}
    />
  );
}
