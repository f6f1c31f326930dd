/**
 * A normative document of any length for browser tests and benchmarks: a cover notice, then numbered articles with
 * the usual defects (原则上, 酌情, a missing grace period…), as a portal page or in a textarea.
 */
import { toChineseNumeral } from '../../utils/text/numerals';

const ARTICLES = [
  '为规范本市城市道路临时占用管理，维护道路通行秩序，保障公共安全，根据《城市道路管理条例》等有关规定，结合本市实际，制定本办法。',
  '本办法适用于本市行政区域内城市道路的临时占用及其监督管理活动。法律、法规另有规定的，从其规定。',
  '市城市管理部门负责全市城市道路临时占用的监督管理工作,区城市管理部门按照职责分工负责本辖区内的具体管理工作。',
  '公安机关交通管理部门、住房和城乡建设部门、交通运输部门按照各自职责，做好城市道路临时占用的相关工作。',
  '临时占用城市道路的期限原则上不超过六个月。确需延长的，由城市管理部门酌情决定，并向社会公开延长的理由。',
  '占用单位应当在占用期满后及时清理现场，恢复道路原状；造成道路损坏的，应当依法承担修复责任。',
  '城市管理部门应当建立临时占用道路的登记台账，定期向社会公开临时占用的地点、期限和责任单位，接受社会监督。',
  '任何单位和个人发现违法占用城市道路行为的，有权向城市管理部门投诉、举报，城市管理部门应当及时核查处理。',
];

/** A normative document of `chars` characters: a cover notice, then numbered articles with the usual defects. */
export function buildDocument(chars: number): string[] {
  const lines = ['关于印发《清河市城市道路临时占用管理办法》的通知', '清政发〔2024〕8号', '各区人民政府，市政府各部门：', '《清河市城市道路临时占用管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。', '清河市人民政府', '2024年3月1日', '清河市城市道路临时占用管理办法'];
  let n = 1;
  let total = lines.join('').length;
  const closing = '本办法自印发之日起施行，有效期5年。';
  while (total < chars - 40) {
    const line = `第${toChineseNumeral(n)}条　${ARTICLES[(n - 1) % ARTICLES.length]}`;
    lines.push(line);
    total += line.length;
    n++;
  }
  lines.push(`第${toChineseNumeral(n)}条　${closing}`);
  return lines;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function portalPage(lines: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(lines[0])}</title></head><body>
<nav>首页 政务公开 政策文件</nav>
<table class="xxgk"><tr><td>发布机构：</td><td>清河市人民政府</td><td>发文字号：</td><td>清政发〔2024〕8号</td></tr>
<tr><td>成文日期：</td><td>2024-03-01</td><td>发布日期：</td><td>2024-03-04</td></tr></table>
<h1>${escape(lines[0])}</h1><div id="zoom">${lines.slice(1).map((l) => `<p>${escape(l)}</p>`).join('\n')}</div>
<footer>主办：清河市人民政府办公室</footer></body></html>`;
}

export function textareaPage(lines: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>起草</title></head><body>
<textarea id="draft" style="width:700px;height:400px">${escape(lines.slice(6).join('\n'))}</textarea></body></html>`;
}

