import { responseStreamEventTypes, terminalResponseEventTypes } from './response-stream-event-types.js';
import { isJsonObject, isSseRecord, jsonEqual, type JsonObject, type StreamViolation } from './stream-violation.js';

interface PartState {
  type: string;
  text: string;
  textDone: string | undefined;
  partDone: boolean;
}

interface ItemState {
  id: string;
  type: string;
  parts: PartState[];
  summaries: PartState[];
  arguments: string;
  argumentsDone: string | undefined;
  doneItem: JsonObject | undefined;
}

const partDeltaTypes: Record<string, { partType: string; doneField: string; doneType: string }> = {
  'response.output_text.delta': { partType: 'output_text', doneField: 'text', doneType: 'response.output_text.done' },
  'response.refusal.delta': { partType: 'refusal', doneField: 'refusal', doneType: 'response.refusal.done' },
  'response.reasoning_text.delta': { partType: 'reasoning_text', doneField: 'text', doneType: 'response.reasoning_text.done' },
};
const partDoneTypes = new Map(Object.entries(partDeltaTypes).map(([deltaType, info]) => [info.doneType, { deltaType, ...info }]));

/**
 * Lists every way a Responses API event stream departs from OpenAI's streaming contract. Accepts parsed
 * event objects, or raw SSE records (then also checks `event:` equals `type` and that no `[DONE]` is sent).
 * A stream that fails (`error` / `response.failed`) may leave items open.
 * Rule ids: sse-framing, unknown-type, sequence, lifecycle-order, output-index, item-id, call-id,
 * unknown-item, content-index, part-order, delta-mismatch, item-done, unfinished, terminal, after-terminal,
 * terminal-shape, terminal-output.
 */
export function findResponsesStreamViolations(input: readonly unknown[]): StreamViolation[] {
  const violations: StreamViolation[] = [];
  const report = (rule: string, index: number, message: string): void => {
    violations.push({ rule, index, message });
  };
  const events: JsonObject[] = [];
  input.forEach((entry, index) => {
    if (!isSseRecord(entry)) {
      events.push(isJsonObject(entry) ? entry : {});
      return;
    }
    if (entry.data === '[DONE]') return report('sse-framing', index, 'Responses streams have no [DONE] sentinel');
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.data);
    } catch {
      report('sse-framing', index, `data is not JSON: ${entry.data.slice(0, 80)}`);
    }
    const event = isJsonObject(parsed) ? parsed : {};
    if (entry.event !== event.type) report('sse-framing', index, `event name "${entry.event}" differs from type "${String(event.type)}"`);
    events.push(event);
  });

  const items: ItemState[] = [];
  let sawCreated = false;
  let sawInProgress = false;
  let terminalIndex = -1;
  let failed = false;
  let responseId: unknown;

  const itemAt = (event: JsonObject, index: number): ItemState | undefined => {
    const outputIndex = event.output_index;
    const item = typeof outputIndex === 'number' ? items[outputIndex] : undefined;
    if (item === undefined) {
      report('unknown-item', index, `${String(event.type)} refers to output_index ${String(outputIndex)} before its output_item.added`);
      return undefined;
    }
    if (item.doneItem !== undefined) report('unknown-item', index, `${String(event.type)} after output_item.done of item ${item.id}`);
    if ('item_id' in event && event.item_id !== item.id) {
      report('item-id', index, `item_id ${String(event.item_id)} differs from item ${item.id} at output_index ${String(outputIndex)}`);
    }
    return item;
  };

  events.forEach((event, index) => {
    const type = typeof event.type === 'string' ? event.type : '';
    if (!responseStreamEventTypes.has(type)) report('unknown-type', index, `unknown event type "${type}"`);
    if (event.sequence_number !== index) {
      report('sequence', index, `sequence_number ${String(event.sequence_number)}, expected ${index}`);
    }
    if (terminalIndex >= 0) report('after-terminal', index, `${type} after the terminal event #${terminalIndex}`);
    if (index === 0 && type !== 'response.created' && type !== 'response.queued') {
      report('lifecycle-order', index, `first event is ${type}, expected response.created (or response.queued)`);
    }
    const snapshot = isJsonObject(event.response) ? event.response : undefined;
    if (snapshot !== undefined) {
      if (responseId === undefined) responseId = snapshot.id;
      else if (snapshot.id !== responseId) report('lifecycle-order', index, `response id changed to ${String(snapshot.id)}`);
    }

    if (type === 'response.created') {
      if (sawCreated) report('lifecycle-order', index, 'response.created sent twice');
      sawCreated = true;
    } else if (type === 'response.queued') {
      if (sawInProgress) report('lifecycle-order', index, 'response.queued after response.in_progress');
    } else if (type === 'response.in_progress') {
      if (!sawCreated) report('lifecycle-order', index, 'response.in_progress before response.created');
      sawInProgress = true;
    } else if (type === 'response.output_item.added') {
      if (!sawInProgress) report('lifecycle-order', index, 'output_item.added before response.in_progress');
      const item = isJsonObject(event.item) ? event.item : {};
      if (event.output_index !== items.length) {
        report('output-index', index, `output_item.added with output_index ${String(event.output_index)}, expected ${items.length}`);
      }
      checkItemIdentity(item, index, report);
      items.push({
        id: String(item.id ?? ''),
        type: String(item.type ?? ''),
        parts: [],
        summaries: [],
        arguments: '',
        argumentsDone: undefined,
        doneItem: undefined,
      });
    } else if (type === 'response.output_item.done') {
      const state = itemAt(event, index);
      const item = isJsonObject(event.item) ? event.item : {};
      if (state !== undefined) {
        checkItemIdentity(item, index, report);
        if (item.id !== state.id) report('item-done', index, `output_item.done carries id ${String(item.id)}, added was ${state.id}`);
        checkItemComplete(state, item, index, report);
        state.doneItem = item;
      }
    } else if (type === 'response.content_part.added' || type === 'response.reasoning_summary_part.added') {
      const state = itemAt(event, index);
      const summary = type === 'response.reasoning_summary_part.added';
      const key = summary ? 'summary_index' : 'content_index';
      if (state !== undefined) {
        const list = summary ? state.summaries : state.parts;
        if (event[key] !== list.length) report('content-index', index, `${type} with ${key} ${String(event[key])}, expected ${list.length}`);
        const part = isJsonObject(event.part) ? event.part : {};
        list.push({ type: String(part.type ?? ''), text: '', textDone: undefined, partDone: false });
      }
    } else if (type === 'response.content_part.done' || type === 'response.reasoning_summary_part.done') {
      const summary = type === 'response.reasoning_summary_part.done';
      const part = partAt(itemAt(event, index), event, summary, index, report);
      if (part !== undefined) {
        const donePart = isJsonObject(event.part) ? event.part : {};
        const expected = part.type === 'refusal' ? donePart.refusal : donePart.text;
        if (typeof expected === 'string' && expected !== part.text) {
          report('delta-mismatch', index, `${type} text "${expected}" differs from the deltas "${part.text}"`);
        }
        part.partDone = true;
      }
    } else if (type in partDeltaTypes || type === 'response.reasoning_summary_text.delta') {
      const summary = type === 'response.reasoning_summary_text.delta';
      const part = partAt(itemAt(event, index), event, summary, index, report);
      const expectedType = summary ? 'summary_text' : partDeltaTypes[type]?.partType;
      if (part !== undefined) {
        if (part.type !== expectedType) report('part-order', index, `${type} into a ${part.type} part`);
        if (part.textDone !== undefined) report('part-order', index, `${type} after the part's text was done`);
        part.text += typeof event.delta === 'string' ? event.delta : '';
      }
    } else if (partDoneTypes.has(type) || type === 'response.reasoning_summary_text.done') {
      const summary = type === 'response.reasoning_summary_text.done';
      const part = partAt(itemAt(event, index), event, summary, index, report);
      const field = summary ? 'text' : (partDoneTypes.get(type)?.doneField ?? 'text');
      if (part !== undefined) {
        const text = String(event[field] ?? '');
        if (text !== part.text) report('delta-mismatch', index, `${type} ${field} "${text}" differs from the deltas "${part.text}"`);
        part.textDone = text;
      }
    } else if (type === 'response.function_call_arguments.delta' || type === 'response.function_call_arguments.done') {
      const state = itemAt(event, index);
      if (state !== undefined) {
        if (state.type !== 'function_call') report('part-order', index, `${type} for a ${state.type} item`);
        if (type.endsWith('.delta')) {
          if (state.argumentsDone !== undefined) report('part-order', index, 'arguments delta after arguments done');
          state.arguments += typeof event.delta === 'string' ? event.delta : '';
        } else {
          const text = String(event.arguments ?? '');
          if (text !== state.arguments) report('delta-mismatch', index, `arguments "${text}" differ from the deltas "${state.arguments}"`);
          state.argumentsDone = text;
        }
      }
    } else if (terminalResponseEventTypes.has(type)) {
      if (terminalIndex < 0) terminalIndex = index;
      failed = type === 'error' || type === 'response.failed';
      checkTerminal(type, event, items, index, report);
    } else if (typeof event.output_index === 'number' && 'item_id' in event) {
      itemAt(event, index);
    }
  });

  if (terminalIndex < 0) report('terminal', -1, 'the stream ended without response.completed/incomplete/failed or error');
  items.forEach((item, outputIndex) => {
    if (item.doneItem === undefined && !failed) report('unfinished', -1, `item ${item.id} (output_index ${outputIndex}) never got output_item.done`);
  });
  return violations;
}

type Report = (rule: string, index: number, message: string) => void;

function checkItemIdentity(item: JsonObject, index: number, report: Report): void {
  if (typeof item.id !== 'string' || item.id === '') report('item-id', index, `${String(item.type)} item without an id`);
  if (item.type === 'function_call' && (typeof item.call_id !== 'string' || item.call_id === '')) {
    report('call-id', index, 'function_call item without a call_id');
  }
}

function partAt(
  state: ItemState | undefined,
  event: JsonObject,
  summary: boolean,
  index: number,
  report: Report,
): PartState | undefined {
  if (state === undefined) return undefined;
  const key = summary ? 'summary_index' : 'content_index';
  const position = event[key];
  const part = typeof position === 'number' ? (summary ? state.summaries : state.parts)[position] : undefined;
  if (part === undefined) {
    report('part-order', index, `${String(event.type)} for ${key} ${String(position)} before its part was added`);
    return undefined;
  }
  if (part.partDone) report('part-order', index, `${String(event.type)} after the part was done`);
  return part;
}

function checkItemComplete(state: ItemState, item: JsonObject, index: number, report: Report): void {
  const open = [...state.parts, ...state.summaries].filter((part) => !part.partDone).length;
  if (open > 0) report('unfinished', index, `output_item.done for ${state.id} while ${open} part(s) are still open`);
  if (state.type === 'function_call' && item.arguments !== state.arguments) {
    report('item-done', index, `function_call arguments "${String(item.arguments)}" differ from the deltas "${state.arguments}"`);
  }
  if (state.type === 'message') {
    const content = Array.isArray(item.content) ? item.content : [];
    if (content.length !== state.parts.length) {
      report('item-done', index, `message item carries ${content.length} part(s), ${state.parts.length} were streamed`);
    }
    content.forEach((part, partIndex) => {
      const streamed = state.parts[partIndex];
      const text = isJsonObject(part) ? (part.type === 'refusal' ? part.refusal : part.text) : undefined;
      if (streamed !== undefined && text !== streamed.text) {
        report('item-done', index, `message content[${partIndex}] "${String(text)}" differs from the streamed "${streamed.text}"`);
      }
    });
  }
  if (state.type === 'reasoning') {
    const summary = Array.isArray(item.summary) ? item.summary : [];
    summary.forEach((part, partIndex) => {
      const streamed = state.summaries[partIndex];
      if (streamed !== undefined && isJsonObject(part) && part.text !== streamed.text) {
        report('item-done', index, `reasoning summary[${partIndex}] differs from the streamed text`);
      }
    });
  }
}

function checkTerminal(type: string, event: JsonObject, items: ItemState[], index: number, report: Report): void {
  if (type === 'error') {
    if (typeof event.message !== 'string') report('terminal-shape', index, 'error event without a message');
    return;
  }
  const response = isJsonObject(event.response) ? event.response : {};
  const expectedStatus = type.slice('response.'.length);
  if (response.status !== expectedStatus) {
    report('terminal-shape', index, `${type} carries status ${String(response.status)}`);
  }
  if (type === 'response.completed' && !isJsonObject(response.usage)) report('terminal-shape', index, 'response.completed without usage');
  if (type === 'response.incomplete') {
    const details = isJsonObject(response.incomplete_details) ? response.incomplete_details : {};
    if (typeof details.reason !== 'string') report('terminal-shape', index, 'response.incomplete without incomplete_details.reason');
  }
  if (type === 'response.failed' && !isJsonObject(response.error)) report('terminal-shape', index, 'response.failed without error');
  if (type === 'response.failed') return;
  const output = Array.isArray(response.output) ? response.output : [];
  const done = items.map((item) => item.doneItem);
  if (!jsonEqual(output, done)) {
    report('terminal-output', index, `terminal response.output (${output.length} item(s)) differs from the ${done.length} done item(s)`);
  }
}
