package dev.specloom.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.specloom.model.yaml.NestingLimit;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML document as a Jackson tree (what the schema validator reads) plus the source position of every
 * node, keyed by its path ("functions/list_customers/params/limit"), so every problem can say file:line:column.
 */
final class YamlTree {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Far deeper than any spec nests; the composer recurses per level, so very deep input would overflow the stack. */
  static final int MAX_DEPTH = 64;

  final String file;
  final JsonNode root;
  private final Map<String, int[]> positions = new HashMap<>();

  private YamlTree(String file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** Parses YAML text; syntax errors and duplicate keys are added to {@code problems} and give null. */
  static YamlTree parse(String file, String text, List<SpecProblem> problems) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).build();
    Node node;
    try {
      Composer composer = new Composer(settings, new NestingLimit(new ParserImpl(settings, new StreamReader(settings, text)), MAX_DEPTH));
      Optional<Node> single = composer.getSingleNode();
      if (single.isEmpty()) {
        problems.add(new SpecProblem(file, 1, 1, "", "the file is empty"));
        return null;
      }
      node = single.get();
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      problems.add(new SpecProblem(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, "",
          "YAML syntax: " + e.getProblem()));
      return null;
    } catch (YamlEngineException e) {
      problems.add(new SpecProblem(file, 1, 1, "", "YAML syntax: " + e.getMessage()));
      return null;
    }
    YamlTree tree = new YamlTree(file, null);
    int before = problems.size();
    JsonNode root = tree.convert(node, "", problems);
    return problems.size() > before ? null : new YamlTree(file, root).withPositions(tree.positions);
  }

  private YamlTree withPositions(Map<String, int[]> p) {
    positions.putAll(p);
    return this;
  }

  /** The problem at {@code path}, placed at the nearest node that has a position. */
  SpecProblem problem(String path, String message) {
    String p = path;
    while (!positions.containsKey(p) && !p.isEmpty()) {
      int cut = p.lastIndexOf('/');
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    int[] at = positions.getOrDefault(p, new int[] {1, 1});
    return new SpecProblem(file, at[0], at[1], path.replace('/', '.'), message);
  }

  private void mark(String path, Node node) {
    node.getStartMark().ifPresent(m -> positions.putIfAbsent(path, new int[] {m.getLine() + 1, m.getColumn() + 1}));
  }

  private JsonNode convert(Node node, String path, List<SpecProblem> problems) {
    mark(path, node);
    if (node instanceof MappingNode map) {
      ObjectNode out = JSON.objectNode();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
          problems.add(at(t.getKeyNode(), path, "keys must be plain strings"));
          continue;
        }
        String child = path.isEmpty() ? key.getValue() : path + "/" + key.getValue();
        if (out.has(key.getValue())) {
          problems.add(at(key, child, "duplicate key '" + key.getValue() + "'"));
          continue;
        }
        mark(child, key);
        out.set(key.getValue(), convert(t.getValueNode(), child, problems));
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode out = JSON.arrayNode();
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        out.add(convert(items.get(i), path + "/" + i, problems));
      }
      return out;
    }
    ScalarNode scalar = (ScalarNode) node;
    String v = scalar.getValue();
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) return JSON.nullNode();
    if (Tag.BOOL.equals(tag)) return JSON.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
    if (Tag.INT.equals(tag)) {
      BigInteger big = new BigInteger(v.replace("_", ""));
      return big.bitLength() < 64 ? JSON.numberNode(big.longValue()) : JSON.numberNode(big);
    }
    if (Tag.FLOAT.equals(tag)) return JSON.numberNode(Double.parseDouble(v));
    return JSON.textNode(v);
  }

  private SpecProblem at(Node node, String path, String message) {
    Mark m = node.getStartMark().orElse(null);
    return new SpecProblem(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
        path.replace('/', '.'), message);
  }
}
