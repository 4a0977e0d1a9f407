import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Registry } from 'prom-client';
import { METRICS } from '@planledger/runtime';
import { Route } from '../routes/route.decorators';

/** The METRICS token's value (runtime's ServiceMetrics); the api needs only its registry. */
export interface MetricsRegistryHolder {
  registry: Registry;
}

@Controller()
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: MetricsRegistryHolder) {}

  @Route('metrics')
  async metricsText(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
