import { describeProjectionScenario } from './testing/describe-projection-scenario';
import { openPgliteTestStorage } from './testing/test-storage';

describeProjectionScenario('PGlite', openPgliteTestStorage);
