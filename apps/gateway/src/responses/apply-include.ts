import type { IncludeEnum, Response } from '@switchyard/contract';

type Item = Record<string, unknown>;

/**
 * A stored response as `GET /v1/responses/{id}` returns it: optional heavy or sensitive fields
 * are only present when `include` asks for them, as at OpenAI: reasoning items'
 * `encrypted_content` (`reasoning.encrypted_content`) and the entries of output text `logprobs`
 * (`message.output_text.logprobs`; an empty list otherwise).
 */
export function applyInclude(response: Response, include: readonly IncludeEnum[] | undefined): Response {
  const wanted = new Set(include ?? []);
  const output = (response.output as unknown as Item[]).map((item) => {
    if (item.type === 'reasoning' && !wanted.has('reasoning.encrypted_content') && 'encrypted_content' in item) {
      const { encrypted_content: _dropped, ...rest } = item;
      return rest;
    }
    if (item.type === 'message' && !wanted.has('message.output_text.logprobs') && Array.isArray(item.content)) {
      return {
        ...item,
        content: (item.content as Item[]).map((part) => {
          if (part.type !== 'output_text' || !Array.isArray(part.logprobs) || part.logprobs.length === 0) return part;
          return { ...part, logprobs: [] };
        }),
      };
    }
    return item;
  });
  return { ...response, output: output as unknown as Response['output'] };
}
