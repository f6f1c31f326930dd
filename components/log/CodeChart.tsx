import type { DefectCode } from '../../utils/engine/codes';
import type { CodeCount } from '../../utils/storage/query';

export interface CodeChartProps {
  counts: CodeCount[];
  period: string;
  selected?: DefectCode;
  onPick(code: DefectCode | undefined): void;
}

const MAX_BARS = 12;

/** Findings per defect code over the period, as horizontal bars; a bar filters the list by its code. */
export function CodeChart({ counts, period, selected, onPick }: CodeChartProps) {
  const shown = counts.slice(0, MAX_BARS);
  const max = Math.max(1, ...shown.map((c) => c.findings));
  return (
    <section class="log-chart card" aria-labelledby="chart-title">
      <h2 id="chart-title" class="small">
        问题类型统计 <span class="muted">（{period}）</span>
      </h2>
      {!shown.length ? (
        <p class="muted small">这段时间没有发现问题。</p>
      ) : (
        <ol class="bars">
          {shown.map((c) => (
            <li key={c.code}>
              <button
                type="button"
                class={`bar-row${selected === c.code ? ' selected' : ''}`}
                data-code={c.code}
                aria-pressed={selected === c.code}
                title={`${c.label}：${c.findings} 处，涉及 ${c.reviews} 条审查记录。点击按此类型筛选`}
                onClick={() => onPick(selected === c.code ? undefined : c.code)}
              >
                <span class="bar-label">{c.label}</span>
                <span class="bar-track">
                  <span class="bar" style={{ width: `${(100 * c.findings) / max}%` }} />
                </span>
                <span class="bar-value">{c.findings}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {counts.length > MAX_BARS && <p class="muted small">另有 {counts.length - MAX_BARS} 类较少出现的问题未显示。</p>}
    </section>
  );
}
