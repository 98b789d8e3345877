package dev.specloom.acme.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;

/**
 * Reads and writes {@link NumberedPage} without reflection. Generated from the spec; do not edit.
 */
final class NumberedPageJsonAdapter extends JsonAdapter<NumberedPage> {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("items", "has_more");

  private final JsonAdapter<List<Widget>> itemsAdapter;

  private final JsonAdapter<Boolean> hasMoreAdapter;

  NumberedPageJsonAdapter(Moshi moshi) {
    this.itemsAdapter = moshi.adapter(Types.newParameterizedType(List.class, Widget.class));
    this.hasMoreAdapter = moshi.adapter(Boolean.class);
  }

  @Override
  public NumberedPage fromJson(JsonReader reader) throws IOException {
    NumberedPage model = new NumberedPage();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0 -> model.items = this.itemsAdapter.fromJson(reader);
        case 1 -> model.hasMore = this.hasMoreAdapter.fromJson(reader);
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
  public void toJson(JsonWriter writer, NumberedPage model) throws IOException {
    writer.beginObject();
    writer.name("has_more");
    this.hasMoreAdapter.toJson(writer, model.hasMore);
    writer.name("items");
    this.itemsAdapter.toJson(writer, model.items);
    writer.endObject();
  }

  @Override
  public String toString() {
    return "GeneratedJsonAdapter(NumberedPage)";
  }
}
