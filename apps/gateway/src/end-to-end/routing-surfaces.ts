import type OpenAI from 'openai';

/** The four ways a client asks for a generation: both endpoints, JSON and stream. */
export type Surface = 'responses JSON' | 'responses stream' | 'chat JSON' | 'chat stream';
export const surfaces: readonly Surface[] = ['responses JSON', 'responses stream', 'chat JSON', 'chat stream'];

/** What the client saw: the answer's text, the deployment header, and the stream's event types / finish. */
export interface SurfaceResult {
  readonly text: string;
  readonly deployment: string | null;
  readonly provider: string | null;
  /** Responses: the last event type (`response.completed`…) or the JSON status; chat: the finish reason. */
  readonly ending: string | null;
}

type Extra = Record<string, unknown>;

/**
 * Sends one request with the `openai` client on `surface` (for `model`, with `extra` body fields such
 * as `provider`) and reads it to the end. Throws what the client throws.
 */
export async function callSurface(client: OpenAI, surface: Surface, model: string, extra: Extra = {}): Promise<SurfaceResult> {
  const headersOf = (response: Response) => ({ deployment: response.headers.get('x-switchyard-deployment'), provider: response.headers.get('x-switchyard-provider') });
  const input = 'Hello there';
  switch (surface) {
    case 'responses JSON': {
      const { data, response } = await client.responses.create({ model, input, ...extra } as OpenAI.Responses.ResponseCreateParamsNonStreaming).withResponse();
      return { text: data.output_text, ending: data.status ?? null, ...headersOf(response) };
    }
    case 'responses stream': {
      const { data, response } = await client.responses.create({ model, input, stream: true, ...extra } as OpenAI.Responses.ResponseCreateParamsStreaming).withResponse();
      let text = '';
      let ending: string | null = null;
      for await (const event of data) {
        if (event.type === 'response.output_text.delta') text += event.delta;
        ending = event.type;
      }
      return { text, ending, ...headersOf(response) };
    }
    case 'chat JSON': {
      const body = { model, messages: [{ role: 'user', content: input }], ...extra } as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
      const { data, response } = await client.chat.completions.create(body).withResponse();
      return { text: data.choices[0]?.message.content ?? '', ending: data.choices[0]?.finish_reason ?? null, ...headersOf(response) };
    }
    case 'chat stream': {
      const body = { model, messages: [{ role: 'user', content: input }], stream: true, ...extra } as OpenAI.Chat.ChatCompletionCreateParamsStreaming;
      const { data, response } = await client.chat.completions.create(body).withResponse();
      let text = '';
      let ending: string | null = null;
      for await (const chunk of data) {
        text += chunk.choices[0]?.delta.content ?? '';
        ending = chunk.choices[0]?.finish_reason ?? ending;
      }
      return { text, ending, ...headersOf(response) };
    }
  }
}

/** The ending of an answer that completed normally on each surface. */
export const completedEnding: Readonly<Record<Surface, string>> = {
  'responses JSON': 'completed',
  'responses stream': 'response.completed',
  'chat JSON': 'stop',
  'chat stream': 'stop',
};
