package dev.specloom.codegen.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** How the JSON emitters (OpenAPI, tool definitions, sandbox descriptors) print their one file per spec. */
public final class JsonResource {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonResource() {}

  /** The document as its file holds it: indented, ending in a newline. */
  public static String text(JsonNode document) {
    try {
      return PRETTY.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document as the classpath resource {@code resource}. */
  public static GeneratedFile file(String resource, JsonNode document) {
    return GeneratedFile.resource(resource, text(document));
  }
}
