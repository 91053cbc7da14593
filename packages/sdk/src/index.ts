export * from './generated/index.js';
export { client } from './generated/client.gen.js';
export { createClient, createConfig } from './generated/client/index.js';
export type { Client, Config, RequestResult } from './generated/client/index.js';
export { createSwitchyardClient } from './create-switchyard-client.js';
export type { SwitchyardClientOptions } from './create-switchyard-client.js';
export { createChatCompletionStream, createResponseStream, SwitchyardStreamError } from './streaming.js';
export type { CreateChatCompletionStreamOptions, CreateResponseStreamOptions } from './streaming.js';
