import { GatewayError } from '@switchyard/core';

/**
 * 403 `model_price_unknown`: the key has a spend budget but a deployment the request may reach has
 * no known price, so the budget could not hold it back. Refused before any upstream call.
 */
export class ModelPriceUnknownError extends GatewayError {
  readonly deployments: readonly string[];

  constructor(model: string, deployments: readonly string[]) {
    const named = deployments.slice(0, 5).map((name) => `'${name.slice(0, 128)}'`).join(', ');
    super({
      status: 403,
      type: 'permission_error',
      code: 'model_price_unknown',
      param: 'model',
      message:
        `This key has a spend budget, and the model '${model.slice(0, 256)}' can be served by ${named}, whose price is unknown. ` +
        'Ask the gateway administrator to set its prices in the configuration (routing.deployments[].prices), or use a key without a budget.',
      headers: { 'x-should-retry': 'false' },
      isRetryable: false,
    });
    this.name = 'ModelPriceUnknownError';
    this.deployments = deployments;
  }
}
