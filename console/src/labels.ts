import type {
  AllowanceKind,
  AllowanceStatus,
  ChangeKind,
  DataQualityIssueKind,
  DeadlineLight,
  DeliveryState,
  Department,
  DisabilityCategory,
  EmploymentStatus,
  Gender,
  MaritalStatus,
  MarriageKind,
  PopulationType,
  RelationToHead,
  ResidentCategory,
  SocialInsuranceType,
} from './generated/operations';
import type { PurposeCode, Role } from './session';

/** What staff see on screen: the national standards' names, Chinese first. */
export const ROLE_LABELS: Record<Role, string> = {
  'grid-worker': '网格员',
  'window-clerk': '社区事务受理窗口',
  'department-officer': '部门工作人员',
  analyst: '街道分析员',
  auditor: '纪委监察',
};

export const DEPARTMENT_IDS: Record<string, string> = {
  'public-security': '公安',
  'civil-affairs': '民政',
  'family-planning': '计生',
  labour: '劳动保障',
  grid: '网格',
  audit: '审计',
};

export const DEPARTMENT_LABELS: Record<Department, string> = {
  PUBLIC_SECURITY: '公安',
  CIVIL_AFFAIRS: '民政',
  FAMILY_PLANNING: '计生',
  LABOUR: '劳动保障',
  GRID: '网格',
};

export const PURPOSE_LABELS: Record<PurposeCode, string> = {
  HOME_VISIT: '入户走访',
  SERVICE_APPLICATION: '一门式受理',
  CASE_REVIEW: '个案审核',
  ELIGIBILITY_CHECK: '资格核查',
  DATA_CORRECTION: '信息更正',
  EMERGENCY: '突发事件处置',
  SUPERVISION: '纪检监察',
};

export const GENDER_LABELS: Record<Gender, string> = { MALE: '男', FEMALE: '女', UNKNOWN: '未知', UNSPECIFIED: '未说明' };
export const MARITAL_LABELS: Record<MaritalStatus, string> = { UNMARRIED: '未婚', MARRIED: '已婚', WIDOWED: '丧偶', DIVORCED: '离婚', UNSPECIFIED: '未说明' };
export const POPULATION_LABELS: Record<PopulationType, string> = { PERMANENT: '常住人口', FLOATING: '流动人口' };
export const ALLOWANCE_KIND_LABELS: Record<AllowanceKind, string> = { MINIMUM_LIVING_ALLOWANCE: '低保', EXTREME_HARDSHIP: '特困' };
export const ALLOWANCE_STATUS_LABELS: Record<AllowanceStatus, string> = { ACTIVE: '在保', SUSPENDED: '暂停', TERMINATED: '停保' };
export const MARRIAGE_LABELS: Record<MarriageKind, string> = { MARRIAGE: '结婚登记', DIVORCE: '离婚登记' };

export const RELATION_LABELS: Record<RelationToHead, string> = {
  SELF: '本人',
  HEAD: '户主',
  SPOUSE: '配偶',
  SON: '子',
  DAUGHTER: '女',
  GRANDCHILD: '孙子女',
  PARENT: '父母',
  GRANDPARENT: '祖父母',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
};

export const CATEGORY_LABELS: Record<ResidentCategory, string> = {
  PERMANENT: '常住',
  FLOATING: '流动',
  FAMILY_PLANNING_CLIENT: '计生对象',
  LAID_OFF: '下岗职工',
  MINIMUM_LIVING_ALLOWANCE: '低保',
  DISABLED: '残障',
  ELDERLY: '老年(60+)',
  CHILD_UNDER_3: '三岁以下',
};

export const EMPLOYMENT_LABELS: Record<EmploymentStatus, string> = {
  EMPLOYED: '就业',
  REGISTERED_UNEMPLOYED: '登记失业',
  LAID_OFF: '下岗',
  RETIRED: '退休',
  NOT_IN_LABOUR_FORCE: '非劳动力',
  UNKNOWN: '无登记',
};

export const DISABILITY_LABELS: Record<DisabilityCategory, string> = {
  SIGHT: '视力',
  HEARING: '听力',
  SPEECH: '言语',
  PHYSICAL: '肢体',
  INTELLECTUAL: '智力',
  MENTAL: '精神',
  MULTIPLE: '多重',
};
export const INSURANCE_LABELS: Record<SocialInsuranceType, string> = {
  PENSION: '养老',
  MEDICAL: '医疗',
  UNEMPLOYMENT: '失业',
  WORK_INJURY: '工伤',
  MATERNITY: '生育',
};

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  MOVE_IN: '迁入 Move in',
  MOVE_OUT: '迁出 Move out',
  ADDRESS_CHANGE: '地址变更 Address change',
  BIRTH: '出生 Birth',
  DEATH: '死亡 Death',
  MARRIAGE: '结婚 Marriage',
  DIVORCE: '离婚 Divorce',
  EMPLOYMENT_CHANGE: '就业变化 Employment change',
};

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  PENDING: '待送达 Pending',
  DELIVERED: '已送达 Delivered',
  ACCEPTED: '已办结 Accepted',
  REJECTED: '已退回 Rejected',
};

/** The deadline light said in words, so it never rests on colour alone. */
export const LIGHT_LABELS: Record<DeadlineLight, string> = {
  GREEN: '绿灯 · 按时 Green',
  YELLOW: '黄灯 · 临近时限 Yellow',
  RED: '红灯 · 已超时 Red',
};

/** Why a part of the record is not shown, in the words a clerk would use. */
export const ERROR_NOTICES: Record<string, string> = {
  DEPARTMENT_UNAVAILABLE: '该部门系统暂时无法访问，其他部门的信息不受影响。 (Department unavailable)',
  DEPARTMENT_TIMEOUT: '该部门系统响应超时，请稍后重试。 (Department timed out)',
  DEPARTMENT_BAD_RESPONSE: '该部门系统返回了无法识别的数据，已拒收。 (Department answered wrongly)',
  FORBIDDEN: '您的角色无权查看此项。 (Withheld for your role)',
  OUT_OF_JURISDICTION: '此居民不在您的辖区内，无权查看。 (Outside your jurisdiction)',
  PURPOSE_REQUIRED: '请先选择查询用途。 (A purpose is required)',
  UNAUTHENTICATED: '登录已失效，请重新登录。 (Signed out)',
  INVALID_CITIZEN_ID: '身份证号码无效。 (Invalid citizen ID)',
  AUDIT_UNAVAILABLE: '审计日志暂时无法写入，为保护个人信息，本次查询被拒绝。 (Audit unavailable)',
  NETWORK_ERROR: '无法连接服务器。 (Network error)',
  BAD_USER_INPUT: '查询条件有误，请检查后重试。 (Bad input)',
  INTERNAL_SERVER_ERROR: '服务器出错，请稍后重试。 (Server error)',
};

export function errorNotice(code: string | undefined): string {
  return (code && ERROR_NOTICES[code]) ?? `查询失败 (${code ?? 'error'})`;
}

/** The notice for an answer's error; for bad input with the server's reason, which names what is wrong. */
export function errorMessage(error: { message: string; extensions?: { code?: string } } | undefined): string {
  const notice = errorNotice(error?.extensions?.code);
  return error?.extensions?.code === 'BAD_USER_INPUT' ? `${notice} ${error.message}` : notice;
}

const ISSUE_DEPARTMENT_NAMES: Record<Department, string> = {
  PUBLIC_SECURITY: '公安部门',
  CIVIL_AFFAIRS: '民政部门',
  FAMILY_PLANNING: '计生部门',
  LABOUR: '劳动保障部门',
  GRID: '网格基础信息库',
};
const ISSUE_DEPARTMENT_NAMES_EN: Record<Department, string> = {
  PUBLIC_SECURITY: 'public security',
  CIVIL_AFFAIRS: 'civil affairs',
  FAMILY_PLANNING: 'family planning',
  LABOUR: 'labour',
  GRID: 'the grid database',
};

/** A data-quality issue in plain words: what the department holds and why it is not matched. */
export function describeIssue(issue: {
  department: Department;
  kind: DataQualityIssueKind;
  storedId: string;
  recordReference: string;
  nameOnRecord: string | null;
}): {
  zh: string;
  en: string;
} {
  const who = ISSUE_DEPARTMENT_NAMES[issue.department];
  const whoEn = ISSUE_DEPARTMENT_NAMES_EN[issue.department];
  const name = issue.nameOnRecord ? `（登记姓名“${issue.nameOnRecord}”）` : '';
  if (issue.kind === 'LEGACY_15_DIGIT_ID') {
    return {
      zh: `${who}仍以旧的15位身份证号 ${issue.storedId} 登记此人${name}，记录编号 ${issue.recordReference}。`,
      en: `${whoEn} holds this person under an old 15-digit ID (record ${issue.recordReference}).`,
    };
  }
  return {
    zh: `${who}有一条记录的身份证号 ${issue.storedId} 校验位不正确${name}，未自动匹配到此人，记录编号 ${issue.recordReference}，请核实。`,
    en: `${whoEn} holds a record whose ID fails its check digit (record ${issue.recordReference}); it was not matched automatically.`,
  };
}

/** `YYYY-MM-DD` as staff write it: 1985年03月07日. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : date;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function formatYuan(amount: number): string {
  return `¥${amount.toFixed(2)}`;
}

/** What an audited field is, in the words of the record's screen (`Type.field` as the trail records it). */
const FIELD_LABELS: Record<string, string> = {
  'Query.resident': '查询居民',
  'Resident.name': '姓名',
  'Resident.gender': '性别',
  'Resident.birthDate': '出生日期',
  'Resident.ethnicity': '民族',
  'Resident.maritalStatus': '婚姻状况',
  'Resident.populationType': '人口类型',
  'Resident.relationToHead': '与户主关系',
  'Resident.registeredAddress': '户籍地址',
  'Resident.residencePermit': '居住证',
  'Resident.household': '户',
  'Household.members': '户成员',
  'Household.registeredAddress': '户籍地址',
  'Household.head': '户主',
  'Resident.address': '居住地址',
  'Resident.categories': '网格分类',
  'Resident.grid': '所属网格',
  'Resident.gridDataQualityIssues': '网格数据质量',
  'Resident.dataQualityIssues': '数据质量',
  'Resident.civilAffairs': '民政信息',
  'Resident.familyPlanning': '计生信息',
  'Resident.labour': '劳动保障信息',
  'Grid.residents': '网格名册',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
