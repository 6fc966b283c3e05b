/**
 * The plan studio's interface strings (Chinese). They live beside the app's (zh.ts) but in a file of their own,
 * loaded with the studio only, so a first visit does not download them.
 */
import type { ProblemWords, SchemaIssue } from '../lib/plan-problems';
import { schemaHints } from '../lib/plan-schema';

export const studioZh = {
  title: '规划工作室',
  actions: '编辑操作',
  origins: { atlas: '来自图集', folder: '来自本机文件夹', new: '新规划（未保存）' },
  undo: '撤销',
  redo: '重做',
  saveZip: '保存为 zip',
  saveFolder: (name: string) => `写回文件夹“${name}”`,
  saveChanges: '下载修改集',
  who: '署名（可选）',
  openFolder: '打开文件夹…',
  openFolderHint: '打开本机的规划文件夹（仓库、data 文件夹或单个规划文件夹），也可把文件夹拖到这里',
  noPlanInFolder: (name: string) => `文件夹“${name}”中没有 plan.yaml：请选择仓库、其 data 文件夹或一个规划文件夹。`,
  choosePlan: '选择要编辑的规划',
  newPlan: '新建规划…',
  changes: '修改：',
  /** Accessible names of the studio's live regions, so a screen reader (and a test) can tell them apart. */
  changeListLabel: '修改记录',
  checkLabel: '检查结果',
  messageLabel: '工作室消息',
  seedStatusLabel: '所选原文',
  unsaved: '未保存',
  saved: '已保存',
  refused: '未采纳：',
  dismiss: '知道了',
  checking: '正在按构建规则检查…',
  valid: '检查通过：保存后 npm run validate 不会报错。',
  problemCount: (n: number) => `${n} 个问题（修正前不能保存）：`,
  waitChecking: '正在检查，请稍候再保存。',
  saveRefused: (n: number, first: string) => `不能保存：还有 ${n} 个问题。${first}`,
  noChanges: '还没有修改。',
  savedZip: (name: string) => `已保存 ${name}（仓库目录结构，解压到仓库根目录即可）。`,
  savedChanges: (name: string) => `已下载修改集 ${name}（用 npm run apply -- ${name} 应用）。`,
  savedFolder: (files: string) => `已写回：${files}`,
  saveFailed: (reason: string) => `保存失败：${reason}`,
  loadFailed: (reason: string) => `无法打开规划原始文件：${reason}`,
  draftRefused: (n: number) => `恢复草稿时有 ${n} 处修改已不适用（文件已变），未采纳。`,
  leaveConfirm: '有未保存的修改。关闭后将丢弃这些修改，确定关闭吗？',
  switchConfirm: (plan: string) => `“${plan}”有未保存的修改。切换后将丢弃这些修改，确定吗？`,
  editing: '编辑条目',
  item: '要编辑的条目',
  thePlan: (title: string) => `规划本身：${title}`,
  elements: '布局要素',
  projects: '项目',
  unplaced: '未定位条目',
  none: '（无）',
  pickFirst: '先在右侧原文中选取一段文字',
  sourceFields: { source: '引文及章节', summary: '布局概述（引文）', formulaSource: '布局表述（引文）' },
  listFields: { functions: '功能', projects: '项目表述' },
  useAsQuote: '用所选原文作引文',
  replace: '替换',
  remove: '删除',
  replaceWithPick: (field: string, n: number) => `用所选原文替换第 ${n} 条${field}`,
  removeItem: (field: string, n: number) => `删除第 ${n} 条${field}`,
  addPick: (field: string) => `把所选原文添加为${field}`,
  location: '位置',
  locationHint: '在地图上拖动标记或点击新位置，也可直接输入经纬度。',
  lon: '经度',
  lat: '纬度',
  precision: '位置精度',
  precisionNames: { exact: '精确（设施本身）', township: '乡镇驻地', county: '县城驻地', schematic: '示意' },
  pointSource: '坐标来源（网址或出处）',
  pointSourceHint: '如：https://… 或 “某县卫健局 2026 年函”',
  required: '（必填）',
  note: '备注（可选）',
  pointOk: '位置在所属县（市、区）内，来源齐全。',
  applyLocation: '应用位置',
  nudge: '用方向键微移点位',
  nudgeHint: '聚焦此按钮后按方向键移动点位，每次约 100 米；按住 Shift 每次约 1 千米。',
  nudged: (lon: number, lat: number) => `点位已移至 东经 ${lon.toFixed(4)}，北纬 ${lat.toFixed(4)}`,
  unplaceReason: '移回“未定位”的理由',
  unplace: '移回未定位',
  extent: '范围（县、市）',
  extentHint: '在地图上点击县区以加入或移出范围，或在下面添加。示意范围仍标为示意。',
  extentCodes: '范围内的县、市',
  addRegion: '添加县区或州市',
  removeRegion: (name: string) => `从范围中移除${name}`,
  applyExtent: '应用范围',
  belt: '发展带走向',
  river: '沿底图河流',
  applyRiver: '沿此河流',
  waypoints: '途经点',
  waypointsHint: '或在地图上依次点击途经点，再应用（途经点记为示意位置）。',
  removeWaypoint: (n: number) => `删除第 ${n} 个途经点`,
  applyWaypoints: '按途经点绘制',
  waypointOutside: (n: number) => `第 ${n} 个途经点不在云南任何县区内。`,
  waypointName: (county: string, belt: string, n: number) => `${belt}途经点${n}（${county}）`,
  waypointSource: '在规划工作室中按规划示意绘制',
  parent: '上级规划',
  noParent: '（无：顶层规划）',
  parentHint: '只列出不会形成循环的规划（不能是本规划或其下级）。',
  related: '相关规划要素',
  linkPlan: '规划',
  linkFeature: '要素',
  wholePlan: '（整个规划）',
  addLink: '添加关联',
  removeLink: (name: string) => `移除关联：${name}`,
  unplacedItem: '未定位条目',
  reason: '理由',
  newId: '编号（小写字母、数字、连字符）',
  idRule: '编号只能用小写字母、数字和连字符，如 first-hospital。',
  idTaken: (id: string) => `编号“${id}”已被使用。`,
  place: '定位为项目',
  addItem: '添加要素或项目',
  addItemFromPick: (quote: string) => `名称和引文取自所选原文：“${quote}”`,
  kind: '类型',
  category: '类别',
  element: '布局要素',
  project: '项目',
  role: '角色',
  group: '所属布局表述',
  groupFromPick: '（用所选原文）',
  addElement: '添加要素',
  addProject: '添加项目',
  seedTitle: '规划原文',
  seedText: '规划原文（选取文字以使用）',
  seedSearch: '在原文中查找',
  seedSearchHint: '查找原文中的一段文字',
  seedFind: '查找',
  seedHint: '选取一段原文，即可用作引文、功能或项目表述；章节取自其上方的标题。',
  picked: '已选：',
  noSection: '（无章节标题）',
  notInSeed: (text: string) => `“${text}”不在本规划原文中，不能使用：规划的措辞只能从原文中选取。`,
  planText: '规划全文（粘贴，UTF-8）',
  planTextFile: '或打开文本文件（.txt，UTF-8）',
  notUtf8: (name: string) => `${name} 不是 UTF-8 文本：请另存为 UTF-8 后再打开。`,
  planId: '规划编号（文件夹名）',
  planTitle: '规划名称',
  level: '级别',
  region: '所属行政区',
  period: '规划期',
  chooseRegion: '请选择所属行政区。',
  layoutProposed: '找到的布局表述（请确认）',
  layoutConfirm: '这是本规划的空间布局表述',
  layoutNone: '原文中没有找到带引号的布局表述（可以不设）。',
  createPlan: '创建规划',
  cancel: '取消',
};

export type StudioStrings = {
  [K in keyof typeof studioZh]: (typeof studioZh)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof studioZh)[K] extends string
      ? string
      : { [P in keyof (typeof studioZh)[K]]: string };
};

/** zod's type names in Chinese (the rest, like `string`, are shown as they are). */
const typeZh: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '映射',
  null: '空值',
  undefined: '缺失',
};

const typeWord = (t: string | undefined) => (t ? (typeZh[t] ?? t) : '');

/** The unit of a size limit: items of a list, characters of a text, none for a number. */
const unitZh = (origin: string | undefined) => (origin === 'array' ? ' 项' : origin === 'string' ? ' 个字符' : '');

/** The schema's own hints (src/lib/plan-schema.ts) in Chinese. */
const schemaHintZh: { [K in keyof typeof schemaHints]: string } = {
  slug: '只能用小写字母、数字和连字符',
  sixDigits: '应为六位 GB/T 2260 行政区划代码，如 530925',
  yunnan: '不是云南的县区或州市：云南的 GB/T 2260 代码以 53 开头（如 530925）',
  markup: '文本中不能有标记（HTML 标签或实体）',
  bidi: '文本中不能有不可见的双向控制字符（U+202A–202E、U+2066–2069、U+200E/F）',
  bidiCell: '不能有不可见的双向控制字符',
  seedFile: '应为 data/seeds 中的文件名，如 002_141cab6b3d237511.txt',
};

/** A schema problem in Chinese: the schema's own hint, else from zod's issue code and details. */
function schemaZh(p: SchemaIssue): string {
  const hint = (Object.keys(schemaHints) as (keyof typeof schemaHints)[]).find((k) => schemaHints[k] === p.message);
  if (hint) return schemaHintZh[hint];
  switch (p.code) {
    case 'invalid_type':
      return p.received === 'undefined' ? `缺少此项（应为${typeWord(p.expected)}）` : `类型不对：应为${typeWord(p.expected)}，实际是${typeWord(p.received)}`;
    case 'invalid_value':
      return `取值不对：应为 ${(p.values ?? []).map(String).join(' | ')} 之一`;
    case 'too_small':
      return p.origin === 'string' && p.minimum === 1 ? '不能为空' : `太小或太短：至少 ${p.minimum ?? ''}${unitZh(p.origin)}`;
    case 'too_big':
      return `太大或太长：至多 ${p.maximum ?? ''}${unitZh(p.origin)}`;
    case 'unrecognized_keys':
      return `不认识的字段：${(p.keys ?? []).join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的写法';
    default:
      return `格式不符：${p.message}`;
  }
}

/** The validator's problems in Chinese, one entry per code (a missing code is a type error). */
export const problemZh: ProblemWords = {
  yamlSyntax: (p) => `YAML 语法错误：${p.detail}`,
  notAPlan: () => '不是规划文件：应为含 id、title、level、region、seed 等字段的 YAML 映射',
  schema: schemaZh,
  idNotFolder: (p) => `id“${p.id}”与所在文件夹“${p.folder}”不一致`,
  duplicatePlace: (p) => `地点 id“${p.id}”重复`,
  duplicateId: (p) => `id“${p.id}”重复（要素和项目共用一套 id）`,
  unknownPlace: (p) => `没有地点“${p.id}”（请在 places.yaml 中添加）`,
  notVerbatim: (p) => `在原文 ${p.seed} 中找不到这段文字：“${p.quote.length > 40 ? `${p.quote.slice(0, 40)}…` : p.quote}”`,
  seedMissing: (p) => `找不到原文文件 ${p.seed}`,
  formulaNeedsSource: () => '写了布局表述（formula）就要给出它所在的原句（formulaSource）',
  unknownElement: (p) => `没有要素“${p.id}”`,
  unknownFeature: (p) => `没有要素“${p.id}”（请用完整 id，如 ${p.example}）`,
  noRegion: (p) => `底图中没有代码为 ${p.code} 的县区或州市`,
  noCounty: (p) => `底图中没有代码为 ${p.code} 的县区`,
  outsideCounty: (p) => `${p.lon}, ${p.lat} 在所属县区 ${p.county} 之外；精度为 ${p.precision} 的点必须落在县区内（否则请标为 precision: schematic）`,
  placeNotInCounty: (p) => `地点“${p.place}”在 ${p.placeCounty}，不在项目所属的 ${p.county}`,
  geometry: (p) => `无法生成图形：${p.detail}`,
  prefectureNeedsPlace: (p) => `项目属于整个州市（${p.county}），需要指定地点`,
  ownParent: () => '规划不能以自身为上级',
  noPlan: (p) => `data/ 下没有规划“${p.plan}”`,
  cycle: (p) => `规划层级出现循环（${p.chain}）：规划不能嵌套在自己的下级中`,
  noParentElement: (p) => `规划 ${p.plan} 中没有要素“${p.element}”`,
  noFeature: (p) => `规划 ${p.plan} 中没有要素“${p.feature}”`,
  noKeyProject: (p) => `本规划中没有项目“${p.id}”`,
  other: (p) => p.detail,
};
