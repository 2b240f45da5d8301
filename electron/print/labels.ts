/**
 * Fixed texts of the printed documents, one object per language. Domain values (attribute, causes,
 * statuses …) arrive already translated in the view models; only the form's own words live here.
 */
import type { Lang, NoticeKind } from './types';

export interface Labels {
  common: {
    serial: string;
    printedAt: string;
    printedBy: string;
    scanToVerify: string;
    location: string;
    archiveNo: string;
    headName: string;
    yes: string;
    no: string;
    none: string;
    date: string;
    /** blank date line for hand-filled dates */
    dateLine: string;
    listSep: string;
    /** '：' or ': ' */
    colon: string;
    moreRows: (n: number) => string;
    yearTitle: (year: number) => string;
    place: (p: { county: string; township: string; village: string; group?: string }) => string;
    personCount: (n: number) => string;
    formatDate: (isoDate: string) => string;
  };
  assistance: {
    title: string;
    subtitle: string;
    sectionHousehold: string;
    sectionGuarantees: string;
    sectionCadres: string;
    sectionMeasures: (year: number) => string;
    sectionIncomes: (year: number) => string;
    address: string;
    size: string;
    attribute: string;
    mainCause: string;
    otherCauses: string;
    status: string;
    item: string;
    state: string;
    note: string;
    met: string;
    notMet: string;
    cadreName: string;
    cadreUnit: string;
    cadrePost: string;
    cadrePhone: string;
    measureYear: string;
    measure: string;
    measureDetail: string;
    incomeType: string;
    amount: string;
    total: string;
    signHead: string;
    signCadre: string;
  };
  health: {
    title: string;
    subtitle: string;
    sectionMembers: string;
    sectionDoctor: string;
    sectionCover: string;
    name: string;
    relation: string;
    age: string;
    health: string;
    disability: string;
    chronicCertificate: string;
    insurance: string;
    doctor: string;
    doctorPhone: string;
    contractNo: string;
    treatmentFirst: string;
    oneStop: string;
    designatedHospital: string;
    pairedHospital: string;
    signHead: string;
    signDoctor: string;
  };
  share: {
    title: string;
    subtitle: string;
    certificateNo: string;
    holder: string;
    village: string;
    asset: string;
    category: string;
    units: string;
    weight: string;
    validity: string;
    openEnded: string;
    statement: string;
    issuer: string;
    seal: string;
    issueDate: string;
    signHolder: string;
  };
  notice: {
    kind: Record<NoticeKind, string>;
    seq: string;
    period: (from: string, to: string, days: number) => string;
    objections: (unit: string, phone: string) => string;
    issuedBy: string;
  };
}

const zh: Labels = {
  common: {
    serial: '编号',
    printedAt: '打印时间',
    printedBy: '打印人',
    scanToVerify: '扫码核验',
    location: '所在地',
    archiveNo: '户编号',
    headName: '户主姓名',
    yes: '是',
    no: '否',
    none: '无',
    date: '日期',
    dateLine: '日期：　　　　年　　月　　日',
    listSep: '、',
    colon: '：',
    moreRows: (n) => `……另有 ${n} 项，详见A4版`,
    yearTitle: (year) => `${year}年度`,
    place: (p) => [p.county, p.township, p.village, p.group].filter(Boolean).join(' '),
    personCount: (n) => `${n} 人`,
    formatDate: (iso) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
    },
  },
  assistance: {
    title: '扶贫明白卡',
    subtitle: '帮扶联系卡',
    sectionHousehold: '一、家庭基本情况',
    sectionGuarantees: '二、“两不愁三保障”及饮水安全',
    sectionCadres: '三、帮扶责任人',
    sectionMeasures: (year) => `四、${year}年帮扶措施`,
    sectionIncomes: (year) => `五、${year}年到户资金（元）`,
    address: '家庭住址',
    size: '家庭人口',
    attribute: '贫困户属性',
    mainCause: '主要致贫原因',
    otherCauses: '其他致贫原因',
    status: '当前状态',
    item: '项目',
    state: '状况',
    note: '说明',
    met: '已保障',
    notMet: '未保障',
    cadreName: '姓名',
    cadreUnit: '工作单位',
    cadrePost: '职务',
    cadrePhone: '联系电话',
    measureYear: '年度',
    measure: '措施',
    measureDetail: '具体内容',
    incomeType: '类别',
    amount: '金额（元）',
    total: '合计',
    signHead: '户主签字',
    signCadre: '帮扶责任人签字',
  },
  health: {
    title: '健康卡',
    subtitle: '贫困人口健康扶贫',
    sectionMembers: '一、家庭成员健康状况',
    sectionDoctor: '二、家庭医生签约服务',
    sectionCover: '三、医疗保障',
    name: '姓名',
    relation: '与户主关系',
    age: '年龄',
    health: '健康状况',
    disability: '残疾情况',
    chronicCertificate: '慢病证号',
    insurance: '参保情况',
    doctor: '家庭医生',
    doctorPhone: '联系电话',
    contractNo: '签约编号',
    treatmentFirst: '先诊疗后付费',
    oneStop: '“一站式”结算',
    designatedHospital: '县域定点医院',
    pairedHospital: '对口帮扶三级医院',
    signHead: '户主签字',
    signDoctor: '家庭医生签字',
  },
  share: {
    title: '股权证',
    subtitle: '资产收益扶贫',
    certificateNo: '证书编号',
    holder: '持有人',
    village: '所在村',
    asset: '资产名称',
    category: '资产类别',
    units: '持有股份（份）',
    weight: '分配权重',
    validity: '有效期限',
    openEnded: '至股权收回之日止',
    statement:
      '持有人按上列股份及权重享有该扶贫项目资产的收益分配权。本证不得转让、抵押；持有人稳定脱贫后，股权依规收回。',
    issuer: '发证单位',
    seal: '（盖章）',
    issueDate: '发证日期',
    signHolder: '持有人签字',
  },
  notice: {
    kind: {
      identification: '贫困户识别公示',
      exit: '贫困户脱贫公示',
      monitoring: '防返贫监测对象公示',
      fund_use: '扶贫资金使用公示',
      distribution: '资产收益分配公示',
    },
    seq: '序号',
    period: (from, to, days) => `公示期：${from}至${to}（共${days}天）`,
    objections: (unit, phone) =>
      `公示期内如有异议，请向${unit}实名反映，联系电话：${phone}。`,
    issuedBy: '公示单位',
  },
};

const en: Labels = {
  common: {
    serial: 'Serial',
    printedAt: 'Printed',
    printedBy: 'Printed by',
    scanToVerify: 'Scan to verify',
    location: 'Location',
    archiveNo: 'Archive no.',
    headName: 'Household head',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    date: 'Date',
    dateLine: 'Date: ____________',
    listSep: ', ',
    colon: ': ',
    moreRows: (n) => `… ${n} more (see the A4 print)`,
    yearTitle: (year) => `Year ${year}`,
    place: (p) =>
      [p.group, p.village, p.township, p.county].filter(Boolean).join(', '),
    personCount: (n) => (n === 1 ? '1 person' : `${n} persons`),
    formatDate: (iso) => {
      const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
      return m ? (m[1] ?? iso) : iso;
    },
  },
  assistance: {
    title: 'Assistance Card',
    subtitle: 'Household support contact card',
    sectionHousehold: '1. Household',
    sectionGuarantees: '2. Basic needs and guarantees',
    sectionCadres: '3. Responsible cadres',
    sectionMeasures: (year) => `4. Support measures ${year}`,
    sectionIncomes: (year) => `5. Money received in ${year} (CNY)`,
    address: 'Address',
    size: 'Household size',
    attribute: 'Attribute',
    mainCause: 'Main cause',
    otherCauses: 'Other causes',
    status: 'Status',
    item: 'Item',
    state: 'State',
    note: 'Note',
    met: 'Met',
    notMet: 'Not met',
    cadreName: 'Name',
    cadreUnit: 'Unit',
    cadrePost: 'Post',
    cadrePhone: 'Phone',
    measureYear: 'Year',
    measure: 'Measure',
    measureDetail: 'Details',
    incomeType: 'Type',
    amount: 'Amount (CNY)',
    total: 'Total',
    signHead: 'Head of household',
    signCadre: 'Responsible cadre',
  },
  health: {
    title: 'Health Card',
    subtitle: 'Health support for poor households',
    sectionMembers: '1. Members and health',
    sectionDoctor: '2. Family doctor contract',
    sectionCover: '3. Medical cover',
    name: 'Name',
    relation: 'Relation',
    age: 'Age',
    health: 'Health',
    disability: 'Disability',
    chronicCertificate: 'Chronic cert.',
    insurance: 'Insurance',
    doctor: 'Family doctor',
    doctorPhone: 'Phone',
    contractNo: 'Contract no.',
    treatmentFirst: 'Treatment first, pay later',
    oneStop: 'One-stop settlement',
    designatedHospital: 'Designated county hospital',
    pairedHospital: 'Paired tertiary hospital',
    signHead: 'Head of household',
    signDoctor: 'Family doctor',
  },
  share: {
    title: 'Share Certificate',
    subtitle: 'Asset income for poverty alleviation',
    certificateNo: 'Certificate no.',
    holder: 'Holder',
    village: 'Village',
    asset: 'Asset',
    category: 'Asset class',
    units: 'Shares held',
    weight: 'Distribution weight',
    validity: 'Valid',
    openEnded: 'until the shares are withdrawn',
    statement:
      'The holder is entitled to a share of the income of the poverty-alleviation asset above, in proportion to the shares and weight stated. This certificate cannot be transferred or pledged; the shares are withdrawn according to the rules once the household has stably exited poverty.',
    issuer: 'Issued by',
    seal: '(seal)',
    issueDate: 'Date of issue',
    signHolder: 'Holder',
  },
  notice: {
    kind: {
      identification: 'Notice of identified poor households',
      exit: 'Notice of households exiting poverty',
      monitoring: 'Notice of monitored households',
      fund_use: 'Notice of special fund use',
      distribution: 'Notice of asset income distribution',
    },
    seq: 'No.',
    period: (from, to, days) => `Posting period: ${from} to ${to} (${days} days)`,
    objections: (unit, phone) =>
      `Objections during the posting period may be raised, under your own name, with ${unit}, tel. ${phone}.`,
    issuedBy: 'Posted by',
  },
};

export const LABELS: Record<Lang, Labels> = { zh, en };

export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}
