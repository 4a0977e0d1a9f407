import { describeProjectionScenario } from './testing/describe-projection-scenario';
import { openPostgresTestStorage } from './testing/test-storage';

describeProjectionScenario('PostgreSQL', openPostgresTestStorage);
