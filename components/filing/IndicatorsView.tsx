import { useEffect, useState } from 'preact/hooks';
import { computeIndicators, countedDate, percent } from '../../utils/audit/indicators';
import type { AuditItemRow } from '../../utils/audit/types';
import { getDb } from '../../utils/storage/db';

/** 报备率, 报备及时率, 规范率, 动态清理 and the year's catalogue over every audited document of a period; prints. */
export function IndicatorsView({ registerLoaded, year }: { registerLoaded: boolean; year: string }) {
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [items, setItems] = useState<AuditItemRow[]>([]);
  useEffect(() => void getDb().auditItems.toArray().then(setItems), []);
  const ind = computeIndicators(items, from, to, registerLoaded);

  return (
    <div class="indicators" data-indicators>
      <div class="row no-print">
        <label>
          自 <input type="date" data-period="from" value={from} onChange={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          至 <input type="date" data-period="to" value={to} onChange={(e) => setTo((e.target as HTMLInputElement).value)} />
        </label>
        <button class="btn small" onClick={() => void getDb().auditItems.toArray().then(setItems)}>
          刷新
        </button>
        <button class="btn small" data-action="print-indicators" onClick={() => print()}>
          打印
        </button>
      </div>
      <h3>
        {from} 至 {to}：规范性文件 {ind.documents.length} 件
      </h3>
      <dl class="kv indicator-list">
        <dt>报备率</dt>
        <dd data-indicator="filed">{ind.filed ? `${percent(ind.filed)}（${ind.filed.count}/${ind.filed.of}）` : '未载入备案登记簿'}</dd>
        <dt>报备及时率</dt>
        <dd data-indicator="timely">{ind.timely ? `${percent(ind.timely)}（${ind.timely.count}/${ind.timely.of}）` : '未载入备案登记簿'}</dd>
        <dt>规范率（无错误级问题）</dt>
        <dd data-indicator="clean">{`${percent(ind.clean)}（${ind.clean.count}/${ind.clean.of}）`}</dd>
        <dt>有效期届满仍标注有效</dt>
        <dd data-indicator="expired">{ind.expired.length} 件</dd>
      </dl>
      {ind.expired.length ? (
        <>
          <h3>动态清理：有效期已届满仍标注“有效”的文件</h3>
          <Catalogue docs={ind.expired} />
        </>
      ) : null}
      <h3>年度目录</h3>
      <Catalogue docs={ind.documents} />
    </div>
  );
}

function Catalogue({ docs }: { docs: ReturnType<typeof computeIndicators>['documents'] }) {
  return (
    <table class="register-table" data-catalogue={docs.length}>
      <thead>
        <tr>
          <th>序号</th>
          <th>文件名称</th>
          <th>文号</th>
          <th>发布日期</th>
          <th>登记号</th>
          <th>有效性</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d, i) => (
          <tr key={d.url}>
            <td>{i + 1}</td>
            <td>{d.title}</td>
            <td>{d.docNumber ?? ''}</td>
            <td>{countedDate(d) ?? ''}</td>
            <td>{d.regNumber ?? d.register?.regNumber ?? ''}</td>
            <td>{d.validityStatus ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
