import { describe, expect, it } from 'vitest';
import { nestedQuotes, parseDocument } from '../../utils/model/parse';

const COVER = `清河市人民政府办公室关于印发《清河市公共租赁住房管理办法》的通知
清政办规〔2022〕3号
各区、县人民政府，市人民政府各部门：
《清河市公共租赁住房管理办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。
清河市人民政府办公室
2022年3月18日
清河市公共租赁住房管理办法
第一章　总则
第一条　为规范公共租赁住房管理，根据《中华人民共和国民法典》《公共租赁住房管理办法》（住房和城乡建设部令第11号）等规定，结合本市实际，制定本办法。
第二条　本办法适用于本市市辖区。
第二章　申请
第三条　申请公共租赁住房，应当符合下列条件：
（一）在本市无自有住房；
（二）收入符合标准。
第四条　本办法由清河市人民政府办公室负责解释。
第五条　本办法自2022年5月1日起施行，有效期5年。`;

describe('a document behind a cover notice', () => {
  const doc = parseDocument(COVER, {});
  it('separates the cover from the body and finds the title', () => {
    expect(doc.kind).toBe('normative');
    expect(doc.parts.map((p) => p.kind)).toEqual(['cover', 'body']);
    expect(doc.title?.text).toBe('清河市公共租赁住房管理办法');
    expect(doc.headline?.text).toContain('关于印发');
  });
  it('reads the 文号, issuer and signature date', () => {
    expect(doc.docNumber?.text).toBe('清政办规〔2022〕3号');
    expect(doc.issuer?.name).toBe('清河市人民政府办公室');
    expect(doc.dates.written?.iso).toBe('2022-03-18');
  });
  it('numbers articles across chapters and items within an article', () => {
    expect(doc.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.articles[2].chapter).toBe(2);
    expect(doc.items.map((i) => [i.level, i.number, i.article])).toEqual([[2, 1, 3], [2, 2, 3]]);
  });
  it('finds citations with their 文号 and the basis clause', () => {
    expect(doc.basisClause?.text).toContain('根据《中华人民共和国民法典》');
    const rule = doc.citations.find((c) => c.title === '公共租赁住房管理办法');
    expect(rule?.docNumber?.text).toBe('住房和城乡建设部令第11号');
    expect(rule?.inBasis).toBe(true);
  });
  it('reads the effective, validity and interpretation clauses', () => {
    expect(doc.effective).toMatchObject({ mode: 'date', date: '2022-05-01' });
    expect(doc.validity).toMatchObject({ years: 5 });
    expect(doc.interpretation?.body.text).toBe('清河市人民政府办公室');
  });
  it('keeps every span equal to the text it points at', () => {
    for (const s of [doc.title!, doc.effective!.span, doc.validity!.span, ...doc.citations.map((c) => c.span), ...doc.articles.map((a) => a.label)]) {
      expect(COVER.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('a comment notice with its draft', () => {
  const text = `清河市城市管理局关于公开征求《清河市城市道路占用挖掘管理办法（征求意见稿）》意见的公告
为加强城市道路管理，市城市管理局起草了《清河市城市道路占用挖掘管理办法（征求意见稿）》，拟报请市人民政府印发施行。现向社会公开征求意见，请于2022年6月15日前将意见建议反馈至市城市管理局。
电子邮箱：abc@qhs.gov.cn
清河市城市管理局
2022年6月6日
清河市城市道路占用挖掘管理办法
（征求意见稿）
第一条　为加强城市道路占用挖掘管理，制定本办法。
第二条　本办法由市城市管理局负责解释。`;
  const doc = parseDocument(text, {});
  it('is a draft whose body is the attachment', () => {
    expect(doc.kind).toBe('draft');
    expect(doc.parts.map((p) => p.kind)).toEqual(['notice', 'body']);
    expect(doc.title?.text).toBe('清河市城市道路占用挖掘管理办法');
    expect(doc.proposedIssuer?.text).toBe('市人民政府');
  });
  it('measures a deadline-only period from the notice date, counting both ends', () => {
    expect(doc.comments).toHaveLength(1);
    expect(doc.comments[0]).toMatchObject({ from: '2022-06-06', to: '2022-06-15', days: 10 });
    expect(doc.comments[0].channels.map((c) => c.text)).toContain('abc@qhs.gov.cn');
    expect(doc.comments[0].publicScope).toBeDefined();
  });
});

describe('texts that describe a document', () => {
  it('recognises an 起草说明 and the consultation it reports', () => {
    const doc = parseDocument(
      '关于《清河市若干措施（送审稿）》的起草说明\n市人民政府：\n起草后发至各县区、市政府各部门征求意见，共收到反馈意见31条。\n清河市工业和信息化局\n2022年4月18日',
      {},
    );
    expect(doc.kind).toBe('explanation');
    expect(doc.title?.text).toBe('清河市若干措施（送审稿）');
    expect(doc.consultations).toEqual([expect.objectContaining({ public: false })]);
    expect(doc.signatures[0]).toMatchObject({ organ: { text: '清河市工业和信息化局' }, date: { iso: '2022-04-18' } });
  });
  it('recognises a 政策解读 and the 文号 of the document it explains', () => {
    const doc = parseDocument('《临江县创业担保贷款实施办法》政策解读\n近日印发了《临江县创业担保贷款实施办法》（临人社发〔2021〕28号，以下简称《办法》）。', {});
    expect(doc.kind).toBe('interpretation');
    expect(doc.docNumber?.text).toBe('临人社发〔2021〕28号');
  });
});

describe('what is not a normative document', () => {
  it('a news report gets no review', () => {
    const news = '市政府召开常务会议研究部署安全生产工作\n' + '会议听取了全市安全生产形势汇报，市长出席会议并讲话。会议强调，各级各部门要压实责任。'.repeat(20);
    const doc = parseDocument(news, {});
    expect(doc.kind).toBe('not-normative');
    expect(doc.kindReason).toMatch(/新闻|讲话|报告|规范用语/);
  });
  it('a selected clause is reviewed as it is', () => {
    expect(parseDocument('六、由区城市管理局责令改正，并处200元以上500元以下罚款。', {}).kind).toBe('normative');
  });
});

describe('nested titles and draft marks', () => {
  it('reports 《》 inside 《》 and keeps the outer citation whole', () => {
    const text = '根据《清河市人民政府关于印发《清河市深化户籍制度改革实施方案》的通知》，制定本规定。';
    const doc = parseDocument(text, {});
    expect(doc.citations.map((c) => c.title)).toEqual(['清河市人民政府关于印发《清河市深化户籍制度改革实施方案》的通知']);
    expect(nestedQuotes(doc).map((s) => s.text)).toEqual(['《清河市深化户籍制度改革实施方案》']);
  });
  it('takes a 讨论稿 mark under the title as a draft', () => {
    expect(parseDocument('东山区人民政府关于加强城市养犬管理的通告\n（讨论稿）\n一、饲养犬只的，应当遵守本通告。', {}).kind).toBe('draft');
  });
});

describe('notices whose document is not on the page', () => {
  it('a cover notice with its attachment as a download has no body to check for clauses', () => {
    const doc = parseDocument('青溪市人民政府关于印发《青溪市养老服务补贴办法》的通知\n各区人民政府：\n现将《青溪市养老服务补贴办法》印发给你们，请认真贯彻执行。\n附件：青溪市养老服务补贴办法.pdf', {});
    expect(doc.kind).toBe('normative');
    expect(doc.parts.map((p) => p.kind)).toEqual(['cover']);
  });
  it('a comment notice without the draft text is still a draft notice', () => {
    const doc = parseDocument('青溪市民政局关于公开征求《青溪市殡葬管理办法（征求意见稿）》意见的公告\n现向社会公开征求意见，征求意见时间为2023年5月1日至2023年5月30日。电子邮箱：mz@qx.gov.cn', {});
    expect(doc.kind).toBe('draft');
    expect(doc.parts.map((p) => p.kind)).toEqual(['notice']);
    expect(doc.comments[0]).toMatchObject({ days: 30 });
  });
  it('a sentence that mentions a consultation is not a notice title', () => {
    const doc = parseDocument('《办法》于2021年9月1日至9月10日在县人民政府门户网站公开征求社会公众意见。', {});
    expect(doc.parts.map((p) => p.kind)).toEqual(['body']);
  });
});

describe('clauses in other words', () => {
  it('reads a validity given as a year end, under another name', () => {
    const doc = parseDocument('第二十条　本办法自2024年1月1日起施行，执行期至2030年底。', {});
    expect(doc.validity).toMatchObject({ until: '2030-12-31' });
    expect(parseDocument('第九条　本办法有效期至2026年6月底。', {}).validity).toMatchObject({ until: '2026-06-30' });
  });
  it('reads 起试行 as the effective clause', () => {
    expect(parseDocument('第十一条　本办法自2023年1月1日起试行，试行期两年。', {}).effective).toMatchObject({ mode: 'date', date: '2023-01-01' });
  });
  it('reads comment periods stated as a length, in working days, or from the notice', () => {
    const a = parseDocument('现向社会公开征求意见，征求意见时间为10个工作日。', {});
    expect(a.comments[0]).toMatchObject({ days: 14 });
    const b = parseDocument('某局关于公开征求《某办法（征求意见稿）》意见的公告\n发布日期：2023-06-01\n征求意见时间自即日起至2023年7月1日。', {});
    expect(b.comments[0]).toMatchObject({ from: '2023-06-01', to: '2023-07-01', days: 31 });
  });
  it('lists chapters and sections', () => {
    const doc = parseDocument('第一章　总则\n第一节　一般规定\n第一条　为了规范管理，制定本办法。\n第二节　职责\n第二条　本办法适用于本市。\n第二章　附则\n第三条　本办法自2024年1月1日起施行。', {});
    expect(doc.chapters.map((h) => `${h.kind}${h.number}`)).toEqual(['chapter1', 'section1', 'section2', 'chapter2']);
  });
});

describe('drafter remarks', () => {
  it('keeps 【…注：…】 and 【…意见：…】 remarks out of the sentences, and a bracketed label in', () => {
    const text = '第二十条　学校应当建立食品安全管理制度。\n【起草人注：本条审核程序拟与区市场监管局会签，会签意见待反馈。】\n【意见征集】《某办法（征求意见稿）》已于2022年1月10日至2022年2月10日公开征求意见。';
    const doc = parseDocument(text, {});
    expect(doc.remarks.map((r) => r.text)).toEqual(['【起草人注：本条审核程序拟与区市场监管局会签，会签意见待反馈。】']);
    expect(doc.sentences.some((s) => s.text.includes('会签'))).toBe(false);
    expect(doc.consultations.map((c) => c.public)).toEqual([true]);
  });
});

describe('portal metadata beyond the text', () => {
  it('keeps the page metadata on the model for rules that need it', () => {
    const doc = parseDocument('某局关于印发《某办法》的通知\n现将《某办法》印发给你们。', { validUntil: '2023-07-31', validityStatus: '现行有效' });
    expect(doc.metadata.validUntil).toBe('2023-07-31');
    expect(doc.parts.map((p) => p.kind)).toEqual(['cover']);
  });
});

describe('the issuing organ above the title', () => {
  it('reads the organ line of an official document', () => {
    const doc = parseDocument('北塘县应急管理局危险化学品安全监督管理股\n关于进一步规范危险化学品经营储存管理有关事项的通知\n一、经营单位应当配备专职安全生产管理人员。', {});
    expect(doc.issuer).toMatchObject({ name: '北塘县应急管理局危险化学品安全监督管理股', source: 'title' });
    expect(parseDocument('清河市人民政府文件\n关于加强城市管理的通知\n一、各区应当落实责任。', {}).issuer?.name).toBe('清河市人民政府');
  });
});
