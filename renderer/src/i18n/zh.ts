export const zh = {
  app: { title: '县级扶贫台账', subtitle: 'County Ledger' },
  nav: {
    dashboard: '首页', registry: '建档立卡', villages: '行政村', households: '贫困户', funds: '专项资金', assets: '扶贫资产',
    certificates: '证卡打印', reports: '统计报表', settings: '系统设置', users: '用户与角色', audit: '审计日志', menu: '主导航',
  },
  roles: { admin: '管理员', registrar: '登记员', accountant: '会计', reviewer: '审核员', auditor: '审计员' },
  common: {
    search: '搜索', reset: '重置', save: '保存', cancel: '取消', close: '关闭', open: '打开', add: '新增', remove: '移除', edit: '编辑',
    yes: '是', no: '否', loading: '加载中…', total: '共 {{count}} 条', language: '语言', signOut: '退出登录', all: '全部',
    back: '返回', confirm: '确认', required: '必填', notYet: '该模块将在后续版本提供。', error: '出错了', progress: '进度',
  },
  welcome: {
    title: '欢迎使用县级扶贫台账', intro: '这是第一次启动。请选择：',
    demo: '打开示范县（合成数据）', demoHint: '由程序生成的示范数据，不含任何真实人员信息。演示账号密码：demo-password',
    empty: '新建空白台账', emptyHint: '从零开始登记本县数据，下一步创建管理员账号。', creating: '正在生成示范县…',
  },
  signIn: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', demoHint: '示范县账号：admin / registrar / accountant / reviewer / auditor，密码均为 demo-password',
    createAdmin: '创建管理员', displayName: '姓名', confirmPassword: '确认密码', mismatch: '两次输入的密码不一致',
  },
  users: { adminOnly: '仅管理员可管理用户。', role: '角色', state: '状态', active: '启用', disabled: '停用', create: '新建用户' },
  audit: { auditorsOnly: '仅审计员和管理员可查看审计日志。', entity: '对象', user: '操作人', verify: '校验哈希链', intact: '审计链完整，共 {{rows}} 条记录。', broken: '审计链在第 {{seq}} 条处断裂！', at: '时间', method: '方法', action: '操作' },
  registry: {
    searchPlaceholder: '姓名、拼音或首字母、身份证号、户编号、电话', township: '乡镇', village: '行政村', status: '状态', attribute: '贫困户属性',
    mainCause: '主要致贫原因', labourAbility: '劳动能力', health: '健康状况', leftBehind: '留守类型',
    archiveNo: '户编号', headName: '户主', size: '人口', code: '代码', poorVillage: '贫困村', exitYear: '退出年份',
    ruralPopulation: '农业户籍人口', households: '户数', people: '人数', newHousehold: '新增贫困户', household: '贫困户详情',
    members: '家庭成员', basics: '基本信息', address: '住址', phone: '联系电话', bank: '开户银行', bankAccount: '银行账号',
    identifiedYear: '识别年份', housing: '住房安全', safeWater: '安全饮水', relocated: '易地搬迁', group: '村民小组',
    familyDoctor: '家庭医生', causes: '致贫原因', statusSince: '状态起始', policyEndsOn: '政策享受截止', reviewDue: '监测复核期限',
    monitoring: '监测类型', name: '姓名', idNumber: '身份证号', sex: '性别', birthDate: '出生日期', relation: '与户主关系',
    ethnicity: '民族', education: '文化程度', schoolStatus: '在校生状况', insurance: '参保情况', dibao: '低保',
    deceased: '已故', migrant: '务工', addMember: '添加成员', created: '已登记', open: '查看',
    basicMedical: '基本医保', criticalIllness: '大病保险', pension: '养老保险',
  },
};
export type Messages = typeof zh;
