package dev.specloom.acme.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;

/**
 * Reads and writes {@link WidgetPage} without reflection. Generated from the spec; do not edit.
 */
final class WidgetPageJsonAdapter extends JsonAdapter<WidgetPage> {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("data", "has_more");

  private final JsonAdapter<List<Widget>> widgetsAdapter;

  private final JsonAdapter<Boolean> hasMoreAdapter;

  WidgetPageJsonAdapter(Moshi moshi) {
    this.widgetsAdapter = moshi.adapter(Types.newParameterizedType(List.class, Widget.class));
    this.hasMoreAdapter = moshi.adapter(Boolean.class);
  }

  @Override
  public WidgetPage fromJson(JsonReader reader) throws IOException {
    WidgetPage model = new WidgetPage();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0 -> model.widgets = this.widgetsAdapter.fromJson(reader);
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
  public void toJson(JsonWriter writer, WidgetPage model) throws IOException {
    writer.beginObject();
    writer.name("data");
    this.widgetsAdapter.toJson(writer, model.widgets);
    writer.name("has_more");
    this.hasMoreAdapter.toJson(writer, model.hasMore);
    writer.endObject();
  }

  @Override
  public String toString() {
    return "GeneratedJsonAdapter(WidgetPage)";
  }
}
