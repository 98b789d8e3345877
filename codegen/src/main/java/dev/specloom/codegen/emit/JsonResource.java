package dev.specloom.codegen.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the JSON emitters (OpenAPI, tool definitions, sandbox descriptors) write their one file per spec. */
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

  /** Writes {@code text} to {@code resource} under {@code resourcesRoot}; returns the number of files written. */
  public static int write(Path resourcesRoot, String resource, String text) throws IOException {
    Path file = resourcesRoot.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return 1;
  }
}
