/**
 * A park's move-in data (MI-3's counted items, MI-9's forms and manuals, the open clock), with the
 * desk's defaults taken from the original (篇3 四 2, 五). A park may list its own.
 */
import type { MoveInSettings, Park } from '../park';
import type { MoveInForm } from './model';

/** MI-3: what the owner receives, counted (电卡1, 燃气卡1, 门禁IC卡2, 户门钥匙3, 信报箱钥匙2). */
export const DEFAULT_COUNTED_ITEMS: Record<string, number> = {
  用电卡: 1,
  燃气卡: 1,
  门禁IC卡: 2,
  户门钥匙: 3,
  信报箱钥匙: 2,
};

/** MI-3: the manuals and books handed over. */
export const DEFAULT_MANUALS = [
  '物业管理公约书',
  '住户服务手册',
  '房屋质量保证书',
  '住宅使用说明书',
  '空调使用说明书',
  '可视对讲说明书',
] as const;

/** MI-2: the documents signed at the property office, copies and the owner's copy. */
export const DEFAULT_SIGNED: Record<string, { copies: number; ownerKeeps: number }> = {
  物业管理公约承诺书: { copies: 3, ownerKeeps: 1 },
  消防安全责任书: { copies: 2, ownerKeeps: 1 },
  住户供暖协议: { copies: 2, ownerKeeps: 1 },
};

/** MI-2: the forms filled at the property office. */
export const DEFAULT_REGISTRATION_FORMS = ['住户情况登记表', '接收物品确认书', '验房单'] as const;

/** MI-1: what the owner brings to the developer. */
export const DEFAULT_DEVELOPER_DOCUMENTS = [
  '入伙通知书',
  '身份证',
  '房屋预售契约',
  '购房发票或付款凭证',
] as const;

/** MI-9: the original's 20 forms and manuals (五), with what is signed and how many copies. */
export const DEFAULT_FORMS: readonly MoveInForm[] = [
  { no: 1, name: '业主资料登记表', signed: true, copies: 1, ownerCopies: 0, step: 'registration' },
  { no: 2, name: '验房单', signed: true, copies: 3, ownerCopies: 1, step: 'inspection' },
  { no: 3, name: '承诺书', signed: true, copies: 2, ownerCopies: 1, step: 'registration' },
  { no: 4, name: '可视对讲外机使用说明', signed: false, copies: 1, ownerCopies: 1, step: 'items' },
  { no: 5, name: '住户供暖协议', signed: true, copies: 2, ownerCopies: 1, step: 'registration' },
  { no: 6, name: '消防安全责任书', signed: true, copies: 2, ownerCopies: 1, step: 'registration' },
  {
    no: 7,
    name: '入伙远程传输冷热水表底数业主确认书',
    signed: true,
    copies: 1,
    ownerCopies: 0,
    step: 'meters',
  },
  { no: 8, name: '房屋质量保证书', signed: false, copies: 1, ownerCopies: 1, step: 'items' },
  { no: 9, name: '住宅使用说明书', signed: false, copies: 1, ownerCopies: 1, step: 'items' },
  { no: 10, name: '住户服务手册', signed: false, copies: 1, ownerCopies: 1, step: 'items' },
  { no: 11, name: '空调使用说明书', signed: false, copies: 1, ownerCopies: 1, step: 'items' },
  { no: 12, name: '钥匙留存协议', signed: true, copies: 1, ownerCopies: 0, step: 'key-retention' },
  { no: 13, name: '钥匙领用单', signed: true, copies: 1, ownerCopies: 0, step: 'keys' },
  { no: 14, name: '室内装修施工许可证', signed: false, copies: 1, ownerCopies: 1 },
  { no: 15, name: '住户装修申请表', signed: true, copies: 1, ownerCopies: 0 },
  { no: 16, name: '住户装修管理承诺书', signed: true, copies: 1, ownerCopies: 0 },
  { no: 17, name: '施工人员登记表', signed: false, copies: 1, ownerCopies: 0 },
  { no: 18, name: '装修费用清单', signed: false, copies: 1, ownerCopies: 1 },
  { no: 19, name: '地下停车场管理协议', signed: true, copies: 2, ownerCopies: 1 },
  { no: 20, name: '地下停车场车位使用协议', signed: true, copies: 2, ownerCopies: 1 },
];

/** MI-9 and MI-3's limits: a list longer than this is not a park's form list but a mistake. */
export const MAX_FORMS = 60;
export const MAX_COUNTED_ITEMS = 30;

export const MOVE_IN_DEFAULTS: MoveInSettings = {
  openDays: 7,
  countedItems: DEFAULT_COUNTED_ITEMS,
  forms: DEFAULT_FORMS,
};

/**
 * The park's move-in settings with defaults; a broken setting falls back to the default (never
 * stops a move-in): 1..90 days open, whole counts 0..20, a form list of 1..60 named entries.
 */
export function moveInSettings(park: Pick<Park, 'moveIn'>): MoveInSettings {
  const given = park.moveIn ?? {};
  const days = given.openDays;
  const items = given.countedItems;
  const forms = given.forms;
  const itemsOk =
    items !== undefined &&
    Object.keys(items).length > 0 &&
    Object.keys(items).length <= MAX_COUNTED_ITEMS &&
    Object.values(items).every((n) => Number.isInteger(n) && n >= 0 && n <= 20);
  const formsOk =
    Array.isArray(forms) &&
    forms.length > 0 &&
    forms.length <= MAX_FORMS &&
    forms.every((f) => typeof f?.name === 'string' && f.name.length > 0 && Number.isInteger(f.copies));
  return {
    openDays:
      Number.isInteger(days) && (days as number) >= 1 && (days as number) <= 90 ? (days as number) : 7,
    countedItems: itemsOk ? items : DEFAULT_COUNTED_ITEMS,
    forms: formsOk ? forms : DEFAULT_FORMS,
  };
}
