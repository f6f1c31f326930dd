import { describe, expect, it } from 'vitest';
import { buildStatuteTable, normalizeTitle, STATUTE_DATA, STATUTE_ENTRIES, statusAt, statutes } from '../utils/statutes';
import { isIsoDate } from '../utils/text/dates';

const byName = new Map(statutes.all.map((s) => [s.name, s]));

describe('statute data', () => {
  it('has at least 300 entries, spread over the areas documents touch', () => {
    expect(statutes.all.length).toBeGreaterThanOrEqual(300);
    expect(statutes.all.length).toBe(STATUTE_ENTRIES.length);
    for (const [area, entries] of Object.entries(STATUTE_DATA)) expect(entries.length, area).toBeGreaterThan(5);
  });

  it('has no duplicate full names', () => {
    const seen = new Set<string>();
    for (const s of statutes.all) {
      expect(seen.has(s.name), s.name).toBe(false);
      seen.add(s.name);
    }
  });

  it('maps no short name to two statutes, and no short name is another statute’s full name', () => {
    const owner = new Map<string, string>();
    for (const s of statutes.all) {
      for (const short of s.short) {
        const k = normalizeTitle(short);
        expect(owner.get(k) ?? s.name, `${short}`).toBe(s.name);
        owner.set(k, s.name);
        if (byName.has(k)) expect(k, `${short} is a full name`).toBe(s.name);
      }
    }
  });

  it('gives every law a short name without 中华人民共和国', () => {
    for (const s of statutes.all) {
      if (s.name.startsWith('中华人民共和国')) expect(s.short, s.name).toContain(s.name.slice('中华人民共和国'.length));
    }
  });

  it('writes every date as a valid YYYY-MM-DD, and ends after it begins', () => {
    for (const s of statutes.all) {
      if (s.effective !== undefined) expect(isIsoDate(s.effective), `${s.name} effective ${s.effective}`).toBe(true);
      if (s.endDate !== undefined) expect(isIsoDate(s.endDate), `${s.name} endDate ${s.endDate}`).toBe(true);
      if (s.effective && s.endDate) expect(s.endDate > s.effective, `${s.name}`).toBe(true);
    }
  });

  it('gives every repealed or replaced entry an end date, and none to one in force', () => {
    for (const s of statutes.all) {
      if (s.status === 'in-force') {
        expect(s.endDate, s.name).toBeUndefined();
        expect(s.replacedBy, s.name).toBeUndefined();
      } else {
        expect(s.endDate, s.name).toBeDefined();
      }
      if (s.status === 'replaced') expect(s.replacedBy, s.name).toBeDefined();
    }
  });

  it('names only entries in the table as replacements, which were in force by the end date', () => {
    for (const s of statutes.all) {
      if (!s.replacedBy) continue;
      const by = byName.get(s.replacedBy);
      expect(by, `${s.name} → ${s.replacedBy}`).toBeDefined();
      expect(by!.name).not.toBe(s.name);
      if (by!.effective) expect(by!.effective <= s.endDate!, `${s.name} → ${by!.name}`).toBe(true);
    }
  });

  it('lists every law the Civil Code replaced on 2021-01-01', () => {
    const replaced = ['民法通则', '婚姻法', '继承法', '收养法', '担保法', '合同法', '物权法', '侵权责任法', '民法总则'];
    const code = byName.get('中华人民共和国民法典')!;
    expect(code).toMatchObject({ status: 'in-force', effective: '2021-01-01' });
    for (const short of replaced) {
      const s = byName.get(`中华人民共和国${short}`);
      expect(s, short).toBeDefined();
      expect(s).toMatchObject({ status: 'replaced', endDate: '2021-01-01', replacedBy: '中华人民共和国民法典' });
    }
  });

  it.each([
    ['中华人民共和国食品卫生法', '2009-06-01', '中华人民共和国食品安全法'],
    ['中华人民共和国外资企业法', '2020-01-01', '中华人民共和国外商投资法'],
    ['中华人民共和国中外合资经营企业法', '2020-01-01', '中华人民共和国外商投资法'],
    ['中华人民共和国中外合作经营企业法', '2020-01-01', '中华人民共和国外商投资法'],
    ['中华人民共和国行政监察法', '2018-03-20', '中华人民共和国监察法'],
    ['城市房屋拆迁管理条例', '2011-01-21', '国有土地上房屋征收与补偿条例'],
    ['城市流浪乞讨人员收容遣送办法', '2003-08-01', '城市生活无着的流浪乞讨人员救助管理办法'],
    ['中华人民共和国城市规划法', '2008-01-01', '中华人民共和国城乡规划法'],
    ['中华人民共和国执业医师法', '2022-03-01', '中华人民共和国医师法'],
    ['中华人民共和国学位条例', '2025-01-01', '中华人民共和国学位法'],
    // Regulations that filing and drafting rules themselves cite.
    ['法规规章备案条例', '2024-11-01', '法规规章备案审查条例'],
    ['国家行政机关公文处理办法', '2012-07-01', '党政机关公文处理工作条例'],
    ['中华人民共和国增值税暂行条例', '2026-01-01', '中华人民共和国增值税法'],
    ['个体工商户条例', '2022-11-01', '促进个体工商户发展条例'],
    ['中华人民共和国公司登记管理条例', '2022-03-01', '中华人民共和国市场主体登记管理条例'],
  ])('records that %s was replaced on %s by %s', (name, end, by) => {
    expect(byName.get(name)).toMatchObject({ status: 'replaced', endDate: end, replacedBy: by });
  });

  it('records the abolition of 劳动教养', () => {
    for (const name of ['国务院关于劳动教养问题的决定', '国务院关于劳动教养的补充规定']) {
      expect(byName.get(name)).toMatchObject({ status: 'repealed', endDate: '2013-12-28' });
    }
  });

  it.each([
    '城镇燃气管理条例',
    '物业管理条例',
    '城市道路管理条例',
    '优化营商环境条例',
    '保障中小企业款项支付条例',
    '财政违法行为处罚处分条例',
    '中华人民共和国道路交通安全法实施条例',
    '中华人民共和国土地管理法实施条例',
    '中华人民共和国民办教育促进法实施条例',
  ])('has the regulation %s under its real name', (name) => {
    expect(byName.get(name)?.kind).toBe('regulation');
  });

  it('records laws the NPC Standing Committee passed under the name 条例 as laws', () => {
    for (const name of ['中华人民共和国户口登记条例', '中华人民共和国外交特权与豁免条例', '中华人民共和国人民警察警衔条例']) {
      expect(byName.get(name)?.kind, name).toBe('law');
    }
  });

  it.each(['住宅专项维修资金管理办法', '公共租赁住房管理办法'])('has the department rule %s', (name) => {
    expect(byName.get(name)?.kind).toBe('rule');
  });

  it('covers the administrative-law core', () => {
    for (const short of ['行政许可法', '行政处罚法', '行政强制法', '行政复议法', '行政诉讼法', '立法法', '政府信息公开条例']) {
      expect(statutes.lookup(short), short).toBeDefined();
    }
  });
});

describe('coverage', () => {
  const inForce = (kind: string) => statutes.all.filter((s) => s.kind === kind && s.status === 'in-force');
  // NPC and NPCSC decisions and resolutions are kept as kind 'law' under their own names; they are not among the
  // ~300 laws the NPC counts, and a rule should not expect 中华人民共和国 before them.
  const DECISION = /^全国人民代表大会(常务委员会)?关于.+的(决定|决议|若干规定)$/;
  // Laws whose official names lack the prefix.
  const UNPREFIXED_LAWS = ['反分裂国家法', '中国人民解放军军官军衔条例', '中国人民解放军选举全国人民代表大会和县级以上地方各级人民代表大会代表的办法'];

  it('has at least 1,100 entries, about 300 laws in force among them', () => {
    expect(statutes.all.length).toBeGreaterThanOrEqual(1100);
    const laws = inForce('law').filter((s) => s.name.startsWith('中华人民共和国') && !s.name.includes('修正案'));
    expect(laws.length).toBeGreaterThanOrEqual(290);
    expect(inForce('regulation').length).toBeGreaterThanOrEqual(550);
    expect(inForce('rule').length).toBeGreaterThanOrEqual(250);
    expect(statutes.all.filter((s) => s.status !== 'in-force').length).toBeGreaterThanOrEqual(270);
  });

  it('names every law in force with 中华人民共和国, unless it is a decision or one of the known exceptions', () => {
    for (const s of inForce('law')) {
      const ok = s.name.startsWith('中华人民共和国') || DECISION.test(s.name) || UNPREFIXED_LAWS.includes(s.name);
      expect(ok, s.name).toBe(true);
    }
    for (const name of UNPREFIXED_LAWS) expect(byName.get(name)?.kind, name).toBe('law');
  });

  it('treats every 中华人民共和国…法 as a law and every entry named …实施条例/实施细则/实施办法 as no law', () => {
    for (const s of statutes.all) {
      if (/^中华人民共和国.+法(（试行）)?$/.test(s.name) && !/(办法|方法)$/.test(s.name)) expect(s.kind, s.name).toBe('law');
      if (/实施(条例|细则|办法)$/.test(s.name)) expect(s.kind, s.name).not.toBe('law');
    }
  });

  it.each([
    '中华人民共和国宪法', '中华人民共和国全国人民代表大会组织法', '中华人民共和国人民法院组织法', '中华人民共和国国籍法',
    '中华人民共和国香港特别行政区基本法', '中华人民共和国海警法', '中华人民共和国国防动员法', '中华人民共和国密码法',
    '中华人民共和国监狱法', '中华人民共和国引渡法', '中华人民共和国海商法', '中华人民共和国煤炭法', '中华人民共和国核安全法',
    '中华人民共和国防沙治沙法', '中华人民共和国海域使用管理法', '中华人民共和国证券投资基金法', '中华人民共和国公益事业捐赠法',
    '中华人民共和国科学技术普及法', '中华人民共和国能源法', '中华人民共和国预备役人员法', '中华人民共和国青藏高原生态保护法',
    '中华人民共和国外国国家豁免法', '中华人民共和国涉外民事关系法律适用法', '中华人民共和国乡镇企业法',
  ])('has the law in force %s', (name) => {
    expect(byName.get(name)).toMatchObject({ kind: 'law', status: 'in-force' });
  });

  it.each([
    '中华人民共和国两用物项出口管制条例', '中华人民共和国海关稽查条例', '中华人民共和国船舶登记条例', '中华人民共和国水文条例',
    '中华人民共和国植物新品种保护条例', '中华人民共和国民用航空安全保卫条例', '中华人民共和国国境卫生检疫法实施细则',
    '中华人民共和国矿山安全法实施条例', '中华人民共和国进出口货物原产地条例', '中华人民共和国人民警察使用警械和武器条例',
  ])('has the regulation in force %s', (name) => {
    expect(byName.get(name)).toMatchObject({ kind: 'regulation', status: 'in-force' });
  });

  it.each([
    ['化学危险物品安全管理条例', '2002-03-15', '危险化学品安全管理条例'],
    ['医疗事故处理办法', '2002-09-01', '医疗事故处理条例'],
    ['学校食堂与学生集体用餐卫生管理规定', '2019-04-01', '学校食品安全与营养健康管理规定'],
    ['非法金融机构和非法金融业务活动取缔办法', '2021-05-01', '防范和处置非法集资条例'],
    ['中华人民共和国预备役军官法', '2023-03-01', '中华人民共和国预备役人员法'],
    ['中华人民共和国核两用品及相关技术出口管制条例', '2024-12-01', '中华人民共和国两用物项出口管制条例'],
    ['信访条例', '2022-05-01', '信访工作条例'],
    ['国家建设征用土地条例', '1987-01-01', '中华人民共和国土地管理法'],
    ['城市规划条例', '1990-04-01', '中华人民共和国城市规划法'],
    ['征收排污费暂行办法', '2003-07-01', '排污费征收使用管理条例'],
    ['中华人民共和国企业法人登记管理条例施行细则', '2022-03-01', '中华人民共和国市场主体登记管理条例实施细则'],
    ['环境行政处罚办法', '2023-07-01', '生态环境行政处罚办法'],
    ['排污许可管理办法（试行）', '2024-07-01', '排污许可管理办法'],
    ['企业年金试行办法', '2018-02-01', '企业年金办法'],
    ['政府采购供应商投诉处理办法', '2018-03-01', '政府采购质疑和投诉办法'],
    ['工程建设项目招标范围和规模标准规定', '2018-06-01', '必须招标的工程项目规定'],
    ['农村土地承包经营权流转管理办法', '2021-03-01', '农村土地经营权流转管理办法'],
    ['劳动力市场管理规定', '2008-01-01', '就业服务与就业管理规定'],
  ])('records that %s was replaced on %s by %s', (name, end, by) => {
    expect(byName.get(name)).toMatchObject({ status: 'replaced', endDate: end, replacedBy: by });
  });

  it('records the abolition of 劳动教养 and 收容遣送 rules', () => {
    expect(byName.get('劳动教养试行办法')).toMatchObject({ status: 'repealed', endDate: '2013-12-28' });
    expect(byName.get('城市流浪乞讨人员收容遣送办法实施细则（试行）')).toMatchObject({ status: 'repealed', endDate: '2003-08-01' });
  });

  it('has the department rules normative documents cite, with their 令号', () => {
    for (const name of ['企业职工带薪年休假实施办法', '必须招标的工程项目规定', '机动车登记规定', '住宅室内装饰装修管理办法', '生态环境行政处罚办法', '未成年人学校保护规定', '高层民用建筑消防安全管理规定', '政府购买服务管理办法']) {
      const s = byName.get(name);
      expect(s?.kind, name).toBe('rule');
      expect(s?.note, name).toMatch(/令/);
    }
  });

  it('builds the whole table fast enough to do once per page load', () => {
    buildStatuteTable(STATUTE_ENTRIES); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) buildStatuteTable(STATUTE_ENTRIES);
    expect((performance.now() - t0) / 5).toBeLessThan(100);
  });
});

describe('lookup', () => {
  it.each([
    ['中华人民共和国道路交通安全法', '中华人民共和国道路交通安全法', 'full'],
    ['道路交通安全法', '中华人民共和国道路交通安全法', 'short'],
    ['户口登记条例', '中华人民共和国户口登记条例', 'short'],
    ['土地管理法', '中华人民共和国土地管理法', 'short'],
    ['中小企业促进法', '中华人民共和国中小企业促进法', 'short'],
    ['地方组织法', '中华人民共和国地方各级人民代表大会和地方各级人民政府组织法', 'short'],
    ['物业管理条例', '物业管理条例', 'full'],
    // 书名号, spaces and half-width parentheses are the same citation.
    ['《中华人民共和国物权法》', '中华人民共和国物权法', 'full'],
    ['中华人民共和国 民法典', '中华人民共和国民法典', 'full'],
    ['企业破产法(试行)', '中华人民共和国企业破产法（试行）', 'short'],
    // An edition or 令号 note after the name does not make it another statute.
    ['中华人民共和国行政处罚法（2021年修订）', '中华人民共和国行政处罚法', 'full'],
    ['公共租赁住房管理办法(住房和城乡建设部令第11号)', '公共租赁住房管理办法', 'full'],
    // Laws, decisions and regulations added with the complete lists.
    ['海警法', '中华人民共和国海警法', 'short'],
    ['香港国安法', '中华人民共和国香港特别行政区维护国家安全法', 'short'],
    ['选举法', '中华人民共和国全国人民代表大会和地方各级人民代表大会选举法', 'short'],
    ['反分裂国家法', '反分裂国家法', 'full'],
    ['全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定', '全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定', 'full'],
    ['两用物项出口管制条例', '中华人民共和国两用物项出口管制条例', 'short'],
    ['机动车登记规定（公安部令第164号）', '机动车登记规定', 'full'],
    ['刑法修正案（十一）', '中华人民共和国刑法修正案（十一）', 'short'],
  ])('finds %s', (title, name, matched) => {
    const m = statutes.lookup(title);
    expect(m?.statute.name).toBe(name);
    expect(m?.matched).toBe(matched);
  });

  it.each(['中华人民共和国燃气管理条例', '中华人民共和国土地征收补偿条例', '中华人民共和国物业管理法', '清河市公共租赁住房管理办法', '办法', '国务院关于进一步推进户籍制度改革的意见', ''])(
    'finds nothing for %s',
    (title) => {
      expect(statutes.lookup(title)).toBeUndefined();
    },
  );

  it('keeps a trial law apart from the law that replaced it', () => {
    expect(statutes.lookup('企业破产法')?.statute.name).toBe('中华人民共和国企业破产法');
    expect(statutes.lookup('企业破产法（试行）')?.statute.status).toBe('replaced');
  });
});

describe('suggest', () => {
  it.each([
    // 中华人民共和国 added to a regulation that lacks it, and 城镇 left out.
    ['中华人民共和国燃气管理条例', '城镇燃气管理条例'],
    ['燃气管理条例', '城镇燃气管理条例'],
    ['中华人民共和国物业管理条例', '物业管理条例'],
    ['土地法', '中华人民共和国土地管理法'],
    ['中华人民共和国土地法', '中华人民共和国土地管理法'],
    ['道路交通安全管理法', '中华人民共和国道路交通安全法'],
    ['不动产登记条例', '不动产登记暂行条例'],
    ['城市房屋拆迁条例', '城市房屋拆迁管理条例'],
    // 规定 for 办法 is the same rule misremembered.
    ['住宅专项维修资金管理规定', '住宅专项维修资金管理办法'],
    // One mistyped character in place.
    ['城镇燃汽管理条例', '城镇燃气管理条例'],
    // A tie between a law and the trial version it replaced goes to the law in force.
    ['环境法', '中华人民共和国环境保护法'],
  ])('suggests for %s: %s', (title, name) => {
    expect(statutes.suggest(title)?.name).toBe(name);
  });

  it.each([
    ['清河市公共租赁住房管理办法', 'a local document'],
    ['清河市物业管理条例', 'a local regulation, although 物业管理条例 is close'],
    ['东山区校外培训机构管理办法', 'a local document'],
    ['内蒙古自治区物业管理条例', 'a local regulation'],
    ['安全法', 'as close to 网络安全法 as to 数据安全法'],
    ['保护法', 'a two-character stem shared by many laws'],
    ['行政许可法实施条例', 'no such regulation; 行政复议法实施条例 is another subject'],
    ['土地管理条例', '地名管理条例 differs in two characters'],
    ['国务院关于进一步推进户籍制度改革的意见', 'not a statute'],
    ['养犬许可证', 'a certificate'],
    ['中华人民共和国道路交通安全法', 'exact: nothing to suggest'],
    ['道路交通安全法', 'a short name is a real name'],
  ])('suggests nothing for %s (%s)', (title) => {
    expect(statutes.suggest(title)).toBeUndefined();
  });
});

describe('looksLikeStatute', () => {
  it.each([
    ['中华人民共和国道路交通安全法', 'a law'],
    ['民法典', 'a law by its short name, ending in 典'],
    ['宪法', 'two characters are enough'],
    ['城镇燃气管理条例', 'a regulation'],
    ['中华人民共和国燃气管理条例', 'a misnamed regulation still looks like one'],
    ['公共租赁住房管理办法', 'a department rule'],
    ['国务院关于职工工作时间的规定', 'a regulation titled 关于…的规定'],
    ['清河市机动车停车场管理实施细则', '实施细则'],
    ['临江县职业技能培训补贴实施办法（试行）', '（试行） is part of a name'],
    ['不动产登记暂行条例', '暂行条例'],
  ])('true for %s (%s)', (title) => {
    expect(statutes.looksLikeStatute(title)).toBe(true);
  });

  it.each([
    ['国务院关于进一步推进户籍制度改革的意见', 'a policy paper'],
    ['国务院办公厅关于进一步加大对中小企业纾困帮扶力度的通知', 'a notice'],
    ['国务院办公厅关于印发职业技能提升行动方案（2019—2021年）的通知', 'a notice wrapping a plan'],
    ['清河市人民政府办公室关于印发〈清河市公共租赁住房保障实施细则〉的通知', 'the title of a normative document'],
    ['清河市人民政府关于印发《清河市深化户籍制度改革实施方案', 'a broken nested title'],
    ['清河市城镇老旧小区改造实施办法（征求意见稿）', 'a draft of a normative document'],
    ['全国人民代表大会常务委员会关于废止有关劳动教养法律规定的决定', 'a decision'],
    ['养犬许可证', 'a certificate'],
    ['摊位经营资格证', 'a certificate'],
    ['机动车登记申请表', 'a form'],
    ['安全生产责任书', 'a pledge'],
    ['办法', 'a self-reference'],
    ['本规定', 'a self-reference'],
    ['若干措施', 'a policy paper'],
    ['核算方法', 'ends in 法 but is no law'],
    ['', 'empty'],
  ])('false for %s (%s)', (title) => {
    expect(statutes.looksLikeStatute(title)).toBe(false);
  });
});

describe('isLocal', () => {
  it.each(['清河市公共租赁住房管理办法', '东山区校外培训机构管理办法', '临江县住宅专项维修资金管理实施办法', '内蒙古自治区物业管理条例', '深圳经济特区物业管理条例'])(
    'true for %s',
    (title) => expect(statutes.isLocal(title)).toBe(true),
  );
  it.each(['城市道路管理条例', '城市市容和环境卫生管理条例', '风景名胜区条例', '中华人民共和国自然保护区条例', '社区矫正法', '国家市场监督管理总局关于…的规定', '市场监督管理行政处罚程序规定'])(
    'false for %s',
    (title) => expect(statutes.isLocal(title)).toBe(false),
  );
});

describe('statusAt', () => {
  const property = byName.get('中华人民共和国物权法')!;
  it('is in force between its effective and end dates, ended from the end date on', () => {
    expect(statusAt(property, '2007-09-30')).toBe('not-yet');
    expect(statusAt(property, '2007-10-01')).toBe('in-force');
    expect(statusAt(property, '2020-12-31')).toBe('in-force');
    expect(statusAt(property, '2021-01-01')).toBe('ended');
  });
  it('treats a statute in force as in force from its effective date on', () => {
    const code = byName.get('中华人民共和国民法典')!;
    expect(statusAt(code, '2020-06-01')).toBe('not-yet');
    expect(statusAt(code, '2030-01-01')).toBe('in-force');
  });
  it('rejects a malformed date', () => {
    expect(() => statusAt(property, '2021年1月1日')).toThrow(RangeError);
  });
});

describe('buildStatuteTable', () => {
  it('fills the short name of a law and indexes it', () => {
    const t = buildStatuteTable([{ name: '中华人民共和国测试法', kind: 'law', effective: '2020-01-01' }]);
    expect(t.all[0]).toMatchObject({ short: ['测试法'], status: 'in-force' });
    expect(t.lookup('测试法')?.matched).toBe('short');
  });
  it('rejects duplicate names, a short name claimed twice, bad kinds and unnormalised names', () => {
    expect(() => buildStatuteTable([{ name: '甲条例', kind: 'regulation' }, { name: '甲条例', kind: 'regulation' }])).toThrow(/重复/);
    expect(() =>
      buildStatuteTable([
        { name: '甲条例', kind: 'regulation', short: ['甲'] },
        { name: '乙条例', kind: 'regulation', short: ['甲'] },
      ]),
    ).toThrow(/简称/);
    expect(() => buildStatuteTable([{ name: '甲条例', kind: 'statute' }])).toThrow(/kind/);
    expect(() => buildStatuteTable([{ name: '《甲条例》', kind: 'regulation' }])).toThrow(/规范形式/);
  });
});
