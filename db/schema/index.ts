export * from './registry';
export * from './system';
export * from './funds';
export * from './certificates';
export * from './assets';
