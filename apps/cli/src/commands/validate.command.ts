import type { Command } from 'commander';
import { looksLikeDepartmentsFile, parseDepartmentsFile, planSpan, publicationDateOf, type PlanDefinition } from '@planledger/plan-definition';
import { compileSchedule, holidayCoverageMessage } from '@planledger/scheduling';
import type { HolidayCalendar } from '@planledger/calendar';
import { configuredHolidays } from './configured-holidays';
import { formatErrors, formatWarnings, loadDefinition, readPlanFile } from './load-definition';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a plan definition (YAML or JSON) and list every problem with its location')
    .argument('<file>', 'plan definition, or a departments file that plans include (YAML or JSON)')
    .action((file: string) => {
      process.exitCode = validate(file);
    });
}

function validate(file: string): number {
  const text = readPlanFile(file);
  if (text === undefined) return 1;
  if (looksLikeDepartmentsFile(text, file)) return validateDepartmentsFile(file, text);
  const loaded = loadDefinition(file, text);
  if (!loaded.ok) return loaded.exitCode;
  const holidays = configuredHolidays();
  if (!holidays) return 2;
  process.stdout.write(`${file}: valid\n${summary(loaded.definition)}\n${formatWarnings(loaded.warnings)}${holidayCoverageWarning(file, loaded.definition, holidays)}`);
  return 0;
}

/** Deadlines in years the holiday table does not cover: the holiday rule sees only weekends there. */
function holidayCoverageWarning(file: string, definition: PlanDefinition, holidays: HolidayCalendar): string {
  let schedule;
  try {
    schedule = compileSchedule(definition, { holidays });
  } catch {
    return ''; // what the compiler cannot place, simulate reports with its reasons
  }
  const message = holidayCoverageMessage(schedule);
  if (!message) return '';
  return (
    `${file}  warning: ${message}\n` +
    `${file}  note: the days of a later notice can be added in a holiday file named by PLANLEDGER_HOLIDAYS_FILE (see docs/plan-language/holiday-rules.md)\n`
  );
}

/** The span as dates (school years named too) and the publication day: issue date or publishOn. */
function spanLine(d: PlanDefinition): string {
  const { from, to } = planSpan(d);
  const years = 'fromSchoolYear' in d.plan.span ? ` (school years ${d.plan.span.fromSchoolYear}—${d.plan.span.toSchoolYear})` : '';
  return `runs ${from} … ${to}${years}, published on ${publicationDateOf(d.plan)}`;
}

function summary(d: PlanDefinition): string {
  const deliverables = d.phases.reduce((n, p) => n + p.deliverables.length, 0);
  return [
    `  ${d.plan.title} (${d.plan.documentNumber})`,
    `  ${spanLine(d)}`,
    `  ${d.phases.length} phases, ${d.measures.length} measures, ${deliverables} phase deliverables, ${d.programmes.length} programmes`,
    `  ${d.departments.length} departments, ${d.departmentClasses.length} department classes, ${d.targets.length} targets`,
  ].join('\n');
}

function validateDepartmentsFile(file: string, text: string): number {
  const parsed = parseDepartmentsFile(text, file);
  if (!parsed.ok) {
    process.stderr.write(formatErrors(parsed.errors));
    return 1;
  }
  const { departments, departmentClasses } = parsed.departments;
  process.stdout.write(`${file}: valid departments file\n  ${departments.length} departments, ${departmentClasses.length} department classes\n`);
  return 0;
}
