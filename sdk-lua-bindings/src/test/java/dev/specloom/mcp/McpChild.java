package dev.specloom.mcp;

import dev.specloom.lua.cli.Main;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code specloom-lua mcp} as a child process (the CLI's main class on this test classpath, as the jar runs it)
 * and the MCP Java SDK's own client talking to it, over stdio or streamable HTTP. Timeouts are generous: the
 * machine running the tests may be slow and shared; nothing waits on a guess, only on the child's answers.
 */
final class McpChild implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final Pattern HTTP_URL = Pattern.compile("streamable HTTP at (http://127\\.0\\.0\\.1:\\d+)(/mcp)");

  final McpSyncClient client;
  final List<String> stderr;
  private final Process process;

  private McpChild(McpSyncClient client, List<String> stderr, Process process) {
    this.client = client;
    this.stderr = stderr;
    this.process = process;
  }

  static List<String> command(List<String> args) {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp"));
    c.addAll(args);
    return c;
  }

  /** Over stdio; {@code elicitation} (null: the client does not support it) answers the server's questions. */
  static McpChild stdio(List<String> args, Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation) {
    List<String> c = command(args);
    ServerParameters params = ServerParameters.builder(c.get(0)).args(c.subList(1, c.size())).build();
    StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
    List<String> stderr = new CopyOnWriteArrayList<>();
    transport.setStdErrorHandler(stderr::add);
    return new McpChild(connect(transport, elicitation), stderr, null);
  }

  /** Over streamable HTTP: starts the child with {@code --http 0} and connects to the URL it prints. */
  static McpChild http(List<String> args) throws IOException, InterruptedException {
    List<String> c = command(args);
    c.addAll(List.of("--http", "0"));
    Process p = new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    List<String> stderr = new CopyOnWriteArrayList<>();
    BlockingQueue<String> url = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          stderr.add(line);
          Matcher m = HTTP_URL.matcher(line);
          if (m.find()) url.add(m.group(1));
        }
      } catch (IOException e) {
        // The child ended; what it printed is in stderr.
      } finally {
        url.add("");
      }
    }, "mcp-child-stderr");
    reader.setDaemon(true);
    reader.start();
    String base = url.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (base == null || base.isEmpty()) {
      p.destroyForcibly();
      throw new IllegalStateException("the HTTP server did not start: " + stderr);
    }
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build();
    return new McpChild(connect(transport, null), stderr, p);
  }

  private static McpSyncClient connect(McpClientTransport transport,
      Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation) {
    McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
        .clientInfo(McpSchema.Implementation.builder("specloom-test", "1").build())
        // No tool declares an output schema, so the client has nothing to validate (and this classpath has codegen's
        // json-schema-validator, not the SDK's).
        .jsonSchemaValidator(ArgumentsChecked.INSTANCE);
    if (elicitation != null) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(elicitation);
    }
    McpSyncClient client = spec.build();
    client.initialize();
    return client;
  }

  McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  /** Every tool, following the list's pages. */
  List<McpSchema.Tool> tools() {
    List<McpSchema.Tool> all = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
      all.addAll(page.tools());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  List<McpSchema.Resource> resources() {
    List<McpSchema.Resource> all = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListResourcesResult page = cursor == null ? client.listResources() : client.listResources(cursor);
      all.addAll(page.resources());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  static String text(McpSchema.CallToolResult r) {
    StringBuilder s = new StringBuilder();
    for (McpSchema.Content c : r.content()) if (c instanceof McpSchema.TextContent t) s.append(t.text());
    return s.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> structured(McpSchema.CallToolResult r) {
    return (Map<String, Object>) r.structuredContent();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(McpSchema.CallToolResult r) {
    return (Map<String, Object>) structured(r).get("error");
  }

  @Override
  public void close() throws InterruptedException {
    client.closeGracefully();
    if (process != null) {
      process.destroy();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
