import type { FakeRoute } from '../http/fake-server-types.js';

export interface ModelsRouteContext {
  models: string[];
  ownedBy: string;
  notFound: (model: string) => unknown;
}

/** GET /models and GET /models/{id}. */
export function createModelsRoutes(context: ModelsRouteContext): FakeRoute[] {
  const model = (id: string) => ({ id, object: 'model', created: 1_715_367_049, owned_by: context.ownedBy });
  return [
    {
      method: 'GET',
      pattern: /^\/models$/,
      generation: false,
      handle: (exchange) => exchange.sendJson(200, { object: 'list', data: context.models.map(model) }),
    },
    {
      method: 'GET',
      pattern: /^\/models\/(.+)$/,
      generation: false,
      handle: (exchange) => {
        const id = exchange.params[0] as string;
        if (!context.models.includes(id)) return exchange.sendJson(404, context.notFound(id));
        exchange.sendJson(200, model(id));
      },
    },
  ];
}
