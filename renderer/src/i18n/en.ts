import type { Messages } from './zh';

export const en: Messages = {
  app: { title: 'County Ledger', subtitle: '县级扶贫台账' },
  nav: {
    dashboard: 'Home', registry: 'Registry', villages: 'Villages', households: 'Households', funds: 'Special funds', assets: 'Assets',
    certificates: 'Certificates', reports: 'Reports', settings: 'Settings', users: 'Users and roles', audit: 'Audit trail', menu: 'Main navigation',
  },
  roles: { admin: 'Administrator', registrar: 'Registrar', accountant: 'Accountant', reviewer: 'Reviewer', auditor: 'Auditor' },
  common: {
    search: 'Search', reset: 'Reset', save: 'Save', cancel: 'Cancel', close: 'Close', open: 'Open', add: 'Add', remove: 'Remove', edit: 'Edit',
    yes: 'Yes', no: 'No', loading: 'Loading…', total: '{{count}} in all', language: 'Language', signOut: 'Sign out', all: 'All',
    back: 'Back', confirm: 'Confirm', required: 'Required', notYet: 'This part arrives in a later version.', error: 'Something went wrong', progress: 'Progress',
  },
  welcome: {
    title: 'Welcome to County Ledger', intro: 'This is the first start. Choose one:',
    demo: 'Open the demo county (synthetic data)', demoHint: 'Generated demo data; no real person appears in it. Demo password: demo-password',
    empty: 'Start an empty ledger', emptyHint: 'Register your county from scratch; next you create the administrator.', creating: 'Creating the demo county…',
  },
  signIn: {
    title: 'Sign in', username: 'User name', password: 'Password', submit: 'Sign in', demoHint: 'Demo users: admin / registrar / accountant / reviewer / auditor, password demo-password',
    createAdmin: 'Create the administrator', displayName: 'Full name', confirmPassword: 'Confirm password', mismatch: 'The passwords differ',
  },
  users: { adminOnly: 'Only administrators manage users.', role: 'Role', state: 'State', active: 'Active', disabled: 'Disabled', create: 'New user' },
  audit: { auditorsOnly: 'Only auditors and administrators see the audit trail.', entity: 'Entity', user: 'User', verify: 'Verify hash chain', intact: 'The audit chain is intact: {{rows}} rows.', broken: 'The audit chain is broken at row {{seq}}!', at: 'When', method: 'Method', action: 'Action' },
  registry: {
    searchPlaceholder: 'Name, pinyin or initials, ID number, archive number, phone', township: 'Township', village: 'Village', status: 'Status',
    attribute: 'Attribute', mainCause: 'Main poverty cause', labourAbility: 'Labour ability', health: 'Health', leftBehind: 'Left-behind',
    archiveNo: 'Archive no.', headName: 'Head', size: 'Size', code: 'Code', poorVillage: 'Poor village', exitYear: 'Exit year',
    ruralPopulation: 'Rural registered population', households: 'Households', people: 'People', newHousehold: 'New household', household: 'Household',
    members: 'Members', basics: 'Basic information', address: 'Address', phone: 'Phone', bank: 'Bank', bankAccount: 'Bank account',
    identifiedYear: 'Identified in', housing: 'Housing safety', safeWater: 'Safe drinking water', relocated: 'Relocated', group: 'Group',
    familyDoctor: 'Family doctor', causes: 'Poverty causes', statusSince: 'Status since', policyEndsOn: 'Policies end on', reviewDue: 'Review due',
    monitoring: 'Monitoring', name: 'Name', idNumber: 'ID number', sex: 'Sex', birthDate: 'Birth date', relation: 'Relation to head',
    ethnicity: 'Ethnicity', education: 'Education', schoolStatus: 'School status', insurance: 'Insurance', dibao: 'Dibao',
    deceased: 'Deceased', migrant: 'Migrant work', addMember: 'Add member', created: 'Registered', open: 'Open',
    basicMedical: 'Basic medical', criticalIllness: 'Critical illness', pension: 'Pension',
  },
};
