/**
 * A project's name as a reader away from the plan's page understands it. Plans write names relative to the plan's
 * own place: a province plan's annex says “州人民医院” under 大理州, a city plan says “市妇幼保健院”. On a map or a
 * slide that context is gone, so such a name gets its place in front of it, derived from the project's own county
 * and prefecture (大理白族自治州 → 大理州人民医院). Names that already carry a place are left as they are.
 */

/** China's minority peoples, as they appear in the names of autonomous prefectures (大理白族自治州 → 大理). */
const peoples =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const autonomous = new RegExp(`^(.+?)(?:(?:${peoples})族)+自治(州|县)$`);

/** A place's short name with its level: 大理白族自治州 → 大理州, 双江拉祜族佤族布朗族傣族自治县 → 双江县, 临沧市 → 临沧市. */
export function placeWithLevel(name: string): string {
  const m = autonomous.exec(name);
  return m ? `${m[1]}${m[2]}` : name;
}

/** Names that start with a level character that is not the place's level: 市级, 县域, 区域, 市场 … */
const notALevel = /^.(?:级|域|场|民|内|外|区|城|直)/;

/** Where a project is: its county as the layers write it (大理市), its prefectures (大理白族自治州), the plan's region. */
export interface ProjectPlace {
  county?: string | undefined;
  prefectures?: readonly string[] | undefined;
  /** The name of the plan's own region (云南省), for names relative to it (省肿瘤医院). */
  region?: string | undefined;
}

/**
 * The name with its place when the plan's words lean on their context: “州人民医院” in 大理白族自治州 → 大理州人民医院,
 * “市妇幼保健院” in 曲靖市 → 曲靖市妇幼保健院, “省肿瘤医院” in a province plan → 云南省肿瘤医院. A level word used as an
 * adjective (市级, 县级) is left alone, and so is a name whose place cannot be told from the data.
 */
export function nameInPlace(name: string, place: ProjectPlace): string {
  const level = name[0];
  if (!level || !'省州市县区'.includes(level) || notALevel.test(name)) return name;
  const prefecture = place.prefectures?.length === 1 ? placeWithLevel(place.prefectures[0] ?? '') : undefined;
  const county = place.county ? placeWithLevel(place.county) : undefined;
  // The nearest place whose level is the word the name starts with: a county-level 市 before its prefecture.
  const candidates = level === '省' ? [place.region] : level === '州' ? [prefecture] : [county, prefecture];
  const match = candidates.find((p) => p && p.length > 1 && p.endsWith(level));
  return match ? `${match}${name.slice(1)}` : name;
}
