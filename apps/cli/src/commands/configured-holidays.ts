import { readFileSync } from 'node:fs';
import { chinaHolidays, withHolidayOverrides, type HolidayCalendar } from '@planledger/calendar';
import { loadHolidaysFile } from '@planledger/plan-definition';

/**
 * The holiday table plans are compiled with: chinese-days, with the deployer's
 * PLANLEDGER_HOLIDAYS_FILE laid over it (the service reads the same file at start). Undefined,
 * after saying why on stderr, when the file is missing or invalid.
 */
export function configuredHolidays(env: NodeJS.ProcessEnv = process.env): HolidayCalendar | undefined {
  const loaded = loadHolidaysFile(env, (path) => readFileSync(path, 'utf8'));
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return undefined;
  }
  return loaded.file ? withHolidayOverrides(chinaHolidays, loaded.days, loaded.file) : chinaHolidays;
}
