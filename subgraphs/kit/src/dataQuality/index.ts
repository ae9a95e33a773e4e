export * from './issueViews';
export * from './dataQualityIndex';
export * from './publishDataQuality';
