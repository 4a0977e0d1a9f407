import { z } from 'zod';
import { planAsOfQuery } from '../audit-request-schemas';

/** GET /audit/plans/{id}/export: the CLI's formats; csv is two files, so one `part` per download. */
export const planExportQuery = planAsOfQuery.extend({
  format: z.enum(['xlsx', 'csv', 'json']),
  part: z.enum(['assignments', 'events']).optional().describe('csv only (required there): which of the two files'),
}).refine((query) => query.format !== 'csv' || query.part !== undefined, { path: ['part'], message: 'csv comes as two files: give part=assignments or part=events' });
