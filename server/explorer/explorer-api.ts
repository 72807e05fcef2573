import "server-only";
import {
  groupIdSchema,
  searchRequestSchema,
  topicNameSchema,
  type GroupDetail,
  type GroupsOverview,
  type TopicDetail,
  type TopicsOverview,
} from "../../lib/api/explorer";
import { subjectNameSchema, type SubjectDetail, type SubjectsOverview } from "../../lib/api/schema-registry";
import { FomoError } from "../../lib/errors";
import { eventStreamResponse } from "./event-stream-response";
import { groupDetail, groupsOverview, topicDetail, topicsOverview } from "./explorer-views";
import { configuredRegistry, explorerRuntime } from "./explorer-service";
import { liveTail } from "./live-tail";
import type { TopicLayout } from "./partition-watermarks";
import { readSubjectDetail, readSubjectsOverview } from "./schema-registry-reads";
import { searchTopic } from "./topic-search";

/** What the explorer's route handlers and server components call: validated, bounded, shared. */

export async function getTopicsOverview(includeInternal: boolean): Promise<TopicsOverview> {
  const runtime = explorerRuntime();
  const snapshot = await runtime.snapshot();
  const deadLetter = await runtime.deadLetterSummary(snapshot);
  return topicsOverview(snapshot, runtime.history, deadLetter, { includeInternal });
}

export async function getTopicDetail(name: string): Promise<TopicDetail> {
  const runtime = explorerRuntime();
  return topicDetail(await runtime.snapshot(), runtime.history, topicNameSchema.parse(name));
}

export async function getGroupsOverview(): Promise<GroupsOverview> {
  return groupsOverview(await explorerRuntime().snapshot());
}

export async function getGroupDetail(groupId: string): Promise<GroupDetail> {
  const runtime = explorerRuntime();
  return groupDetail(await runtime.snapshot(), runtime.history, groupIdSchema.parse(groupId));
}

export async function getSubjectsOverview(): Promise<SubjectsOverview> {
  return readSubjectsOverview(configuredRegistry());
}

export async function getSubjectDetail(subject: string): Promise<SubjectDetail> {
  return readSubjectDetail(configuredRegistry(), subjectNameSchema.parse(subject));
}

async function freshLayout(name: string): Promise<TopicLayout> {
  const topic = topicNameSchema.parse(name);
  // A tail or search must start from the current high watermarks, not a second-old reading.
  const snapshot = await explorerRuntime().snapshot(0);
  const layout = snapshot.topics.find((t) => t.name === topic);
  if (!layout) throw new FomoError("not_found:topic", `Topic "${topic}" does not exist`);
  if (layout.internal) {
    throw new FomoError("bad_request:internal_topic", `"${topic}" is an internal topic: its offsets are shown, its messages are not read`);
  }
  return layout;
}

/** A live tail as Server-Sent Events; the Kafka reading stops when the browser disconnects. */
export async function openLiveTail(name: string, initialMessages: number, requestSignal: AbortSignal): Promise<Response> {
  const runtime = explorerRuntime();
  const layout = await freshLayout(name);
  const release = runtime.limiter.acquire();
  return eventStreamResponse(
    requestSignal,
    (emit, signal) =>
      liveTail(runtime.kafka, layout, { signal, initialMessages, decoder: runtime.decoder, emit: (event) => emit(event.type, event) }),
    release,
  );
}

/** A bounded search as Server-Sent Events: `progress`, `matches`, then `done` (or `error`). */
export async function openSearch(name: string, body: unknown, requestSignal: AbortSignal): Promise<Response> {
  const runtime = explorerRuntime();
  const request = searchRequestSchema.parse(body);
  const layout = await freshLayout(name);
  const release = runtime.limiter.acquire();
  return eventStreamResponse(
    requestSignal,
    async (emit, signal) => {
      const done = await searchTopic(runtime.kafka, layout, request, {
        signal,
        decoder: runtime.decoder,
        onProgress: (progress) => emit("progress", progress),
        onMatches: (messages) => emit("matches", { messages }),
      });
      emit("done", done);
    },
    release,
  );
}
