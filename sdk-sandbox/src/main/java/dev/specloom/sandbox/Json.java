package dev.specloom.sandbox;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.Okio;

/**
 * JSON text to plain trees and back (see {@link Values}), over Moshi's streaming reader and writer. Integral numbers
 * read as {@code Long} and others as {@code Double}, so an amount keeps its integer spelling on the way back out.
 */
final class Json {
  private Json() {}

  /** The value of a JSON document; malformed JSON is an {@link IOException}. */
  static Object read(InputStream in) throws IOException {
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(in)))) {
      return value(reader);
    } catch (JsonDataException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  static Object read(byte[] bytes) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(bytes))) {
      return value(reader);
    } catch (JsonDataException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Object value(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> out = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) out.put(r.nextName(), value(r));
        r.endObject();
        return out;
      }
      case BEGIN_ARRAY -> {
        List<Object> out = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) out.add(value(r));
        r.endArray();
        return out;
      }
      case STRING -> {
        return r.nextString();
      }
      case NUMBER -> {
        String n = r.nextString();
        try {
          return Long.parseLong(n);
        } catch (NumberFormatException e) {
          return Double.parseDouble(n);
        }
      }
      case BOOLEAN -> {
        return r.nextBoolean();
      }
      case NULL -> {
        return r.nextNull();
      }
      default -> throw new IOException("unexpected " + r.peek() + " at " + r.getPath());
    }
  }

  /** Compact JSON, nulls included. */
  static byte[] bytes(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.jsonValue(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  static String write(Object value) {
    return new String(bytes(value), java.nio.charset.StandardCharsets.UTF_8);
  }
}
