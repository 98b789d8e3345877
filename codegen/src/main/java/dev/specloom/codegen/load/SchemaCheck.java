package dev.specloom.codegen.load;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Validates a spec tree against {@code spec.schema.json}, the same file published in {@code specs/}. */
final class SchemaCheck {
  private static final JsonSchema SCHEMA = loadSchema();

  private SchemaCheck() {}

  private static JsonSchema loadSchema() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream("spec.schema.json")) {
      if (in == null) throw new IllegalStateException("spec.schema.json is missing from the codegen jar");
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<SpecProblem> check(YamlTree tree) {
    Set<ValidationMessage> messages = SCHEMA.validate(tree.root);
    List<SpecProblem> out = new ArrayList<>();
    messages.stream()
        .sorted(Comparator.comparing(ValidationMessage::getMessage))
        .forEach(m -> {
          StringBuilder path = new StringBuilder();
          var loc = m.getInstanceLocation();
          for (int i = 0; i < loc.getNameCount(); i++) {
            if (path.length() > 0) path.append('/');
            path.append(loc.getElement(i));
          }
          if (m.getProperty() != null && "additionalProperties".equals(m.getType())) {
            path.append(path.length() > 0 ? "/" : "").append(m.getProperty());
          }
          String text = m.getMessage();
          int colon = text.indexOf(": ");
          out.add(tree.problem(path.toString(), colon > 0 && text.startsWith("$") ? text.substring(colon + 2) : text));
        });
    return out;
  }
}
