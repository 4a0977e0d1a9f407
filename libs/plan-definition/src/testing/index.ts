export { hostilePlans } from './hostile-plans';
