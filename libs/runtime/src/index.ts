export * from './config/service-config';
export * from './nest/tokens';
