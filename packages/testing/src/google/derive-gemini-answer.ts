import type { FakeGeminiAnswer, FakeGeminiPart } from './gemini-fake-types.js';

type JsonRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): JsonRecord[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** A 1×1 transparent PNG, the fake's "generated image". */
export const fakeGeminiImageBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Deterministic signatures so tests can assert the round trip byte for byte. */
export const fakeThoughtSignature = (index: number): string => `c2lnbmF0dXJlLQ==${index}`;

const countWords = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allText).join(' ');
  if (isRecord(value)) return Object.values(value).map(allText).join(' ');
  return '';
}

/**
 * What the fake "model" answers, derived from the request so tests need no script:
 * - a `functionResponse` as the last user part → text `Result: <response JSON>`;
 * - declared functions and the last user text names one (or mode ANY) → a `functionCall` each
 *   (`{"city":"Paris"}`-style args from `key=value` words);
 * - `BLOCK_PROMPT` in the text → `promptFeedback.blockReason: SAFETY`, no candidates;
 * - `UNSAFE` → an empty candidate with `finishReason: SAFETY`;
 * - an image model (`*-image*`) → a text part and an `inlineData` PNG;
 * - otherwise `Echo: <text>`, cut at `maxOutputTokens` words with `MAX_TOKENS`;
 * - with `thinkingConfig`, the first answer part carries a thought signature, and with
 *   `includeThoughts` a thought part comes first.
 */
export function deriveGeminiAnswer(model: string, body: JsonRecord): FakeGeminiAnswer {
  const contents = records(body['contents']);
  const lastUser = [...contents].reverse().find((content) => content['role'] === 'user');
  const userParts = records(lastUser?.['parts']);
  const lastPart = userParts.at(-1);
  const userText = userParts.map((part) => (typeof part['text'] === 'string' ? part['text'] : '')).join(' ').trim();
  const generation = isRecord(body['generationConfig']) ? body['generationConfig'] : {};
  const thinking = isRecord(generation['thinkingConfig']) ? generation['thinkingConfig'] : undefined;
  const declarations = records(body['tools']).flatMap((tool) => records(tool['functionDeclarations']));
  const callingConfig = isRecord(body['toolConfig']) && isRecord(body['toolConfig']['functionCallingConfig']) ? body['toolConfig']['functionCallingConfig'] : {};
  const promptTokens = countWords(allText(body['contents'])) + countWords(allText(body['systemInstruction']));
  const usage = (outputText: string, thoughts: number): Record<string, number> => ({
    promptTokenCount: promptTokens,
    candidatesTokenCount: countWords(outputText),
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: promptTokens + countWords(outputText) + thoughts,
  });

  if (userText.includes('BLOCK_PROMPT')) {
    return { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: promptTokens, totalTokenCount: promptTokens } };
  }
  if (userText.includes('UNSAFE')) return { parts: [], finishReason: 'SAFETY', usageMetadata: usage('', 0) };

  let parts: FakeGeminiPart[];
  let finishReason = 'STOP';
  const functionResponse = lastPart !== undefined && isRecord(lastPart['functionResponse']) ? lastPart['functionResponse'] : undefined;
  const mode = callingConfig['mode'];
  const allowed = Array.isArray(callingConfig['allowedFunctionNames']) ? callingConfig['allowedFunctionNames'] : undefined;
  const named = declarations.filter((declaration) => typeof declaration['name'] === 'string' && userText.includes(declaration['name']));
  const toCall = mode === 'NONE' || functionResponse !== undefined ? [] : named.length > 0 ? named : mode === 'ANY' ? declarations.slice(0, 1) : [];
  if (functionResponse !== undefined) {
    parts = [{ text: `Result: ${JSON.stringify(functionResponse['response'] ?? {})}` }];
  } else if (toCall.length > 0) {
    const args = Object.fromEntries([...userText.matchAll(/(\w+)=(\w+)/g)].map((match) => [match[1] as string, match[2] as string]));
    parts = toCall
      .filter((declaration) => allowed === undefined || allowed.includes(declaration['name']))
      .map((declaration) => ({ functionCall: { name: String(declaration['name']), args } }));
  } else if (/-image/.test(model)) {
    parts = [{ text: `Here is ${userText}` }, { inlineData: { mimeType: 'image/png', data: fakeGeminiImageBase64 } }];
  } else {
    const wantsJson = generation['responseMimeType'] === 'application/json';
    let text = wantsJson ? JSON.stringify({ echo: userText }) : `Echo: ${userText}`;
    const limit = typeof generation['maxOutputTokens'] === 'number' ? generation['maxOutputTokens'] : undefined;
    if (limit !== undefined && !wantsJson && countWords(text) > limit) {
      text = text.split(' ').slice(0, limit).join(' ');
      finishReason = 'MAX_TOKENS';
    }
    parts = [{ text }];
  }
  let thoughts = 0;
  if (thinking !== undefined && parts[0] !== undefined) {
    parts[0] = { ...parts[0], thoughtSignature: fakeThoughtSignature(1) };
    if (thinking['includeThoughts'] === true) {
      parts.unshift({ text: 'Thinking about the request.', thought: true });
    }
    thoughts = 7;
  }
  const outputText = parts.filter((part) => part.thought !== true).map((part) => part.text ?? '').join(' ');
  return { parts, finishReason, usageMetadata: usage(outputText, thoughts) };
}
