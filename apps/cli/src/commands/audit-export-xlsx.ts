import { planWorkbook, XLSX_SHEETS, type PlanExport } from '@planledger/audit';

type Progress = (step: string, done: number, total: number) => void;

export { XLSX_SHEETS };

export async function writePlanXlsx(file: string, plan: PlanExport, generatedAt: Date, progress?: Progress): Promise<void> {
  await planWorkbook(plan, generatedAt, progress).xlsx.writeFile(file);
}
