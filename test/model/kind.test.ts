import { describe, expect, it } from 'vitest';
import { review } from '../../utils/engine';
import { normalizeText } from '../../utils/model/normalize';
import { parseDocument } from '../../utils/model/parse';

const model = (text: string, source?: 'selection') => parseDocument(normalizeText(text).text, {}, undefined, source);
const codes = (text: string, source?: 'selection') =>
  review({ text, source }, { today: '2024-12-31' }).findings.filter((f) => f.severity !== 'info').map((f) => f.code);
const MISSING = ['effective.missing', 'validity.missing', 'basis.missing'];

// Short texts written for these tests, one per kind the policy names.
const REGULATION =
  '南屏市共享单车停放管理办法\n第一条　为规范共享单车停放，根据《中华人民共和国道路交通安全法》，制定本办法。\n第二条　运营企业应当在划定区域内投放车辆。\n第三条　本办法自2024年3月1日起施行，有效期5年。';

describe('document kind', () => {
  it.each([
    ['published document', REGULATION, 'normative', undefined],
    [
      'policy notice in 一、（一） form without 应当',
      '南屏市人民政府办公室关于加快发展夜间经济的实施意见\n各区人民政府，市政府各部门：\n为繁荣消费市场，现提出如下意见。\n一、优化夜间消费环境\n（一）加强街区照明和交通组织，延长公交运营时间。\n（二）推进夜市街区建设，丰富消费业态。\n二、强化组织保障\n各区要加强统筹，抓好落实。' +
        '各部门要按照职责分工，细化工作措施，形成工作合力。'.repeat(20),
      'normative',
      undefined,
    ],
    ['draft', '南屏市共享单车停放管理办法（征求意见稿）\n第一条　为规范共享单车停放，制定本办法。\n第二条　运营企业应当在划定区域内投放车辆。', 'draft', undefined],
    [
      'comment notice without its draft',
      '南屏市交通运输局关于公开征求《南屏市共享单车停放管理办法（征求意见稿）》意见建议的公告\n现向社会公开征求意见，截止时间为2024年2月1日。意见请发送至电子邮箱 jt@np.example.cn。',
      'draft',
      undefined,
    ],
    ['起草说明', '关于《南屏市共享单车停放管理办法》的起草说明\n一、起草背景\n近年来共享单车数量增长较快。', 'explanation', undefined],
    ['政策解读', '《南屏市共享单车停放管理办法》政策解读\n一、出台背景\n为规范停放秩序，市交通运输局制定了本办法。', 'interpretation', undefined],
    ['Q&A page', '共享单车停放政策问答\n问：哪些区域禁止停放？\n答：人行道盲道、消防通道禁止停放。', 'interpretation', undefined],
    ['an official answering the press on a named document', '市交通运输局负责人就《南屏市共享单车停放管理办法》答记者问\n问：为什么要制定该办法？\n答：为了规范停放秩序。', 'interpretation', undefined],
    ['press conference without a document', '市交通运输局负责人就共享单车治理答记者问\n问：今年治理成效如何？\n答：乱停乱放明显减少。', 'not-normative', 'press'],
    ['work report', '南屏市2023年共享单车治理工作总结\n一、主要成效\n全年清理违停车辆两万余辆。\n二、存在问题\n部分区域停放秩序仍需改善。', 'not-normative', 'work-report'],
    ['open-government annual report', '南屏市交通运输局2023年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。\n一、总体情况\n本年度主动公开信息320条。', 'not-normative', 'open-gov-report'],
    ['法治政府建设 report', '南屏市交通运输局\n2023年法治政府建设情况报告\n一、主要举措\n我局认真落实法治政府建设各项任务。', 'not-normative', 'rule-of-law-report'],
    ['statistical bulletin', '南屏市2023年交通运输行业发展统计公报\n全年完成客运量1.2亿人次，比上年增长5%。', 'not-normative', 'statistics'],
    ['news item', '南屏：共享单车治理见成效\n本报讯（记者 林青）近日，记者从市交通运输局获悉，乱停乱放明显减少。', 'not-normative', 'news'],
    ['comment-result record', '关于《南屏市共享单车停放管理办法（征求意见稿）》征求意见采纳情况的说明\n共收到意见12条，采纳8条。', 'not-normative', 'comment-result'],
    ['meeting notice', '南屏市交通运输局关于召开2024年安全生产工作会议的通知\n各科室：\n定于3月1日上午召开会议，请准时参加。', 'not-normative', 'meeting'],
    ['personnel notice', '南屏市人民政府办公室关于调整市交通安全委员会组成人员的通知\n各区人民政府：\n因人员变动，现将委员会组成人员调整如下。', 'not-normative', 'personnel'],
    ['honours decision', '南屏市人民政府关于表彰2023年度交通安全先进单位的决定\n为激励先进，市人民政府决定对以下单位予以表彰。', 'not-normative', 'honours'],
    [
      'internal assessment of government units',
      '南屏市人民政府办公室关于印发《南屏市2024年营商环境考评办法》的通知\n各区人民政府，市直各部门：\n现将考评办法印发给你们。\n南屏市2024年营商环境考评办法\n一、考评对象\n各区人民政府，市直有关部门。\n二、考评方式\n考评实行百分制，每半年一次。',
      'not-normative',
      'assessment',
    ],
    [
      'portal list page',
      '政策文件\n南屏市共享单车停放管理办法 2024-03-01\n南屏市夜间经济实施意见 2024-02-11\n关于加强校园安全管理的通知 2024-01-20\n南屏市停车收费管理办法 2023-12-15\n关于做好冬季供暖工作的通知 2023-11-02\n南屏市公共租赁住房管理办法 2023-10-08',
      'not-normative',
      'list-page',
    ],
  ])('%s', (_name, text, kind, genre) => {
    const doc = model(text);
    expect(doc.kind).toBe(kind);
    expect(doc.genre).toBe(genre);
    expect(doc.kindReason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reads a title that the page broke over two lines', () => {
    expect(model('南屏市人民政府办公室关于调整市交通安全\n委员会组成人员的通知\n各区人民政府：\n因人员变动，现调整如下。').genre).toBe('personnel');
    expect(model('南屏市交通运输局\n2023年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息320条，依申请公开第二十条规定的信息5条。').kind).toBe('not-normative');
  });

  it('an internal assessment of the public (not of government units) stays a document', () => {
    expect(model('南屏市出租汽车驾驶员服务质量考核办法\n一、考核对象\n本市取得从业资格的出租汽车驾驶员。\n二、驾驶员应当文明服务。').kind).toBe('normative');
  });
});

describe('what each kind is checked for', () => {
  it('a non-document gets a notice and no findings', () => {
    const r = review({ text: '南屏市2023年共享单车治理工作总结\n一、主要成效\n全年清理违停车辆两万余辆,群众满意度提升。' }, { today: '2024-12-31' });
    expect(r.findings).toEqual([]);
    expect(r.notice).toContain('工作报告或总结');
    expect(r.summary.genre).toBe('work-report');
  });

  it('a comment notice without its draft gets no effective or validity finding', () => {
    const got = codes('南屏市交通运输局关于公开征求《南屏市共享单车停放管理办法（征求意见稿）》意见建议的公告\n现向社会公开征求意见，征求意见时间为2024年1月1日至2024年1月31日。意见请发送至电子邮箱 jt@np.example.cn。');
    expect(got.filter((c) => MISSING.includes(c))).toEqual([]);
  });

  it('a 解读 is not judged for the effective clause of the document it explains', () => {
    const got = codes('《南屏市共享单车停放管理办法》政策解读\n一、出台背景\n为规范停放秩序，市交通运输局制定了本办法。\n二、施行时间\n本办法自印发之日起施行。');
    expect(got.filter((c) => c.startsWith('effective.'))).toEqual([]);
    // The same clause in the document itself is a missing grace period.
    expect(codes(REGULATION.replace('自2024年3月1日起施行', '自印发之日起施行'))).toContain('effective.no-grace');
  });
});

describe('a selection is reviewed for what it holds', () => {
  const clauses = '第八条　运营企业应当在划定区域内投放车辆。\n第九条　违反本办法第八条规定的，由市城市管理局责令改正，处五千元罚款。';
  it('no missing-clause findings on a selection or a run of clauses without a title', () => {
    for (const source of ['selection', undefined] as const) {
      const doc = model(clauses, source);
      expect(doc.fragment).toBe(true);
      expect(doc.kind).toBe('normative');
      const got = codes(clauses, source);
      expect(got.filter((c) => MISSING.includes(c))).toEqual([]);
      // What it holds is still checked: the fine it sets.
      expect(got).toContain('content.penalty');
    }
  });
  it('a selection that holds the effective clause is checked for the 有效期 that goes with it', () => {
    expect(codes('第十二条　本办法自2024年3月1日起施行。', 'selection')).toContain('validity.missing');
  });
  it('a whole document pasted without selection is checked for every clause', () => {
    const whole = '南屏市共享单车停放管理办法\n第一条　运营企业应当在划定区域内投放车辆。\n第二条　市交通运输局负责监督管理。';
    expect(model(whole).fragment).toBe(false);
    expect(codes(whole)).toEqual(expect.arrayContaining(MISSING));
    // The same text selected on a page is a fragment: what is not selected is not missing.
    expect(codes(whole, 'selection').filter((c) => c === 'effective.missing')).toEqual([]);
  });
});
