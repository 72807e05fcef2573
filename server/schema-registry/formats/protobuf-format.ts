import protobuf from "protobufjs";
import { registryErrors } from "../registry-error";

/** Parses `.proto` text; imports are not resolved (schema references are not supported). */
export function parseProtobufSchema(text: string): protobuf.IParserResult {
  try {
    return protobuf.parse(text, { keepCase: true });
  } catch (cause) {
    throw registryErrors.invalidSchema(`Invalid Protobuf schema: ${(cause as Error).message}`, cause);
  }
}

/** Same text up to line endings and surrounding blank space (we do not re-print .proto files). */
export function protobufCanonical(text: string): string {
  parseProtobufSchema(text);
  return text.replace(/\r\n?/g, "\n").trim();
}
