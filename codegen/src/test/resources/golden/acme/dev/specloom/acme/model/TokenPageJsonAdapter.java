package dev.specloom.acme.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;

/**
 * Reads and writes {@link TokenPage} without reflection. Generated from the spec; do not edit.
 */
final class TokenPageJsonAdapter extends JsonAdapter<TokenPage> {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("entries", "has_more", "cursor");

  private final JsonAdapter<List<Widget>> entriesAdapter;

  private final JsonAdapter<Boolean> hasMoreAdapter;

  private final JsonAdapter<String> cursorAdapter;

  TokenPageJsonAdapter(Moshi moshi) {
    this.entriesAdapter = moshi.adapter(Types.newParameterizedType(List.class, Widget.class));
    this.hasMoreAdapter = moshi.adapter(Boolean.class);
    this.cursorAdapter = moshi.adapter(String.class);
  }

  @Override
  public TokenPage fromJson(JsonReader reader) throws IOException {
    TokenPage model = new TokenPage();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0 -> model.entries = this.entriesAdapter.fromJson(reader);
        case 1 -> model.hasMore = this.hasMoreAdapter.fromJson(reader);
        case 2 -> model.cursor = this.cursorAdapter.fromJson(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    return model;
  }

  @Override
  public void toJson(JsonWriter writer, TokenPage model) throws IOException {
    writer.beginObject();
    writer.name("cursor");
    this.cursorAdapter.toJson(writer, model.cursor);
    writer.name("entries");
    this.entriesAdapter.toJson(writer, model.entries);
    writer.name("has_more");
    this.hasMoreAdapter.toJson(writer, model.hasMore);
    writer.endObject();
  }

  @Override
  public String toString() {
    return "GeneratedJsonAdapter(TokenPage)";
  }
}
