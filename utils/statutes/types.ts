/** A law, administrative regulation or other instrument that normative documents cite. */
export interface Statute {
  /** Full official name without 《》: 中华人民共和国道路交通安全法. */
  name: string;
  /** Names people use instead: 道路交通安全法. A short name is fine after the first full mention. */
  short: string[];
  /** 法律 (NPC/NPCSC), 行政法规 (State Council), 部门规章, 司法解释… */
  kind: 'law' | 'regulation' | 'rule' | 'interpretation' | 'other';
  /** Date the current text first took effect, YYYY-MM-DD (the original enactment's effective date). */
  effective?: string;
  /** in-force, or repealed/replaced from `endDate`. */
  status: 'in-force' | 'repealed' | 'replaced';
  /** Date it stopped having effect (YYYY-MM-DD), for repealed or replaced ones. */
  endDate?: string;
  /** Full name of what replaced it: 中华人民共和国民法典. */
  replacedBy?: string;
  /** Free-text note for maintainers: amendments, source. */
  note?: string;
}

export interface StatuteMatch {
  statute: Statute;
  /** How the cited title matched: the full name, or a short name people use. */
  matched: 'full' | 'short';
}

export interface StatuteTable {
  readonly all: readonly Statute[];
  /** Exact lookup of a cited title (without 《》) by full or short name. */
  lookup(title: string): StatuteMatch | undefined;
  /**
   * For a title that names no known statute but looks like a law or regulation (…法, …条例),
   * the nearest real one: 中华人民共和国燃气管理条例 → 城镇燃气管理条例. Undefined when nothing is close.
   */
  suggest(title: string): Statute | undefined;
  /** Whether the title looks like the name of a law or administrative regulation (as opposed to a policy paper). */
  looksLikeStatute(title: string): boolean;
  /**
   * Whether the title begins with a local jurisdiction (清河市…, 东山区…, 内蒙古自治区…): a local regulation,
   * rule or normative document that the national table cannot know. Optional so hand-made tables stay valid.
   */
  isLocal?(title: string): boolean;
}
