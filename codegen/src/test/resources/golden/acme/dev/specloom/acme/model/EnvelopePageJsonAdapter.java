package dev.specloom.acme.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;

/**
 * Reads and writes {@link EnvelopePage} without reflection. Generated from the spec; do not edit.
 */
final class EnvelopePageJsonAdapter extends JsonAdapter<EnvelopePage> {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("response");

  private final JsonAdapter<List<Widget>> itemsAdapter;

  EnvelopePageJsonAdapter(Moshi moshi) {
    this.itemsAdapter = moshi.adapter(Types.newParameterizedType(List.class, Widget.class));
  }

  @Override
  public EnvelopePage fromJson(JsonReader reader) throws IOException {
    EnvelopePage model = new EnvelopePage();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0 -> model.items = this.itemsAdapter.fromJson(reader);
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
  public void toJson(JsonWriter writer, EnvelopePage model) throws IOException {
    writer.beginObject();
    writer.name("response");
    this.itemsAdapter.toJson(writer, model.items);
    writer.endObject();
  }

  @Override
  public String toString() {
    return "GeneratedJsonAdapter(EnvelopePage)";
  }
}
