package dev.specloom.acme.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.Map;

/**
 * Reads and writes {@link Widget} without reflection. Generated from the spec; do not edit.
 */
final class WidgetJsonAdapter extends JsonAdapter<Widget> {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("id", "size-cm", "tags");

  private final JsonAdapter<String> idAdapter;

  private final JsonAdapter<Long> sizeCmAdapter;

  private final JsonAdapter<Map<String, String>> tagsAdapter;

  WidgetJsonAdapter(Moshi moshi) {
    this.idAdapter = moshi.adapter(String.class);
    this.sizeCmAdapter = moshi.adapter(Long.class);
    this.tagsAdapter = moshi.adapter(Types.newParameterizedType(Map.class, String.class, String.class));
  }

  @Override
  public Widget fromJson(JsonReader reader) throws IOException {
    Widget model = new Widget();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0 -> model.id = this.idAdapter.fromJson(reader);
        case 1 -> model.sizeCm = this.sizeCmAdapter.fromJson(reader);
        case 2 -> model.tags = this.tagsAdapter.fromJson(reader);
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
  public void toJson(JsonWriter writer, Widget model) throws IOException {
    writer.beginObject();
    writer.name("id");
    this.idAdapter.toJson(writer, model.id);
    writer.name("size-cm");
    this.sizeCmAdapter.toJson(writer, model.sizeCm);
    writer.name("tags");
    this.tagsAdapter.toJson(writer, model.tags);
    writer.endObject();
  }

  @Override
  public String toString() {
    return "GeneratedJsonAdapter(Widget)";
  }
}
