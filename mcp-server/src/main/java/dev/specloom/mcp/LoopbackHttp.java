package dev.specloom.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Streamable HTTP on the loopback interface only, at {@code http://127.0.0.1:<port>/mcp}: the SDK's own servlet
 * transport in an embedded Tomcat. Requests whose Host or Origin is not a loopback name are refused (the
 * defence against DNS rebinding the MCP specification asks of local servers).
 */
public final class LoopbackHttp implements AutoCloseable {
  public static final String PATH = "/mcp";
  private static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "[::1]");

  private final Tomcat tomcat;
  private final McpSyncServer server;
  private final int port;

  private LoopbackHttp(Tomcat tomcat, McpSyncServer server, int port) {
    this.tomcat = tomcat;
    this.server = server;
    this.port = port;
  }

  /** Starts serving {@code mcp} on {@code port} (0 picks a free one; see {@link #port()}). */
  public static LoopbackHttp start(SpecloomMcpServer mcp, int port) throws IOException {
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(McpJsonDefaults.getMapper()).mcpEndpoint(PATH).securityValidator(LoopbackHttp::validate).build();
    McpSyncServer server = mcp.start(transport);
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("specloom-mcp").toFile();
    base.deleteOnExit();
    tomcat.setBaseDir(base.getPath());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getPath());
    Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
    context.addServletMappingDecoded(PATH, "mcp");
    LoopbackHttp http = new LoopbackHttp(tomcat, server, port);
    try {
      tomcat.start();
      // Tomcat logs a failed bind and carries on; a connector without a local port is that failure.
      if (connector.getLocalPort() <= 0) throw new LifecycleException("the port is in use or not allowed");
    } catch (LifecycleException e) {
      http.close();
      throw new IOException("cannot serve on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    return new LoopbackHttp(tomcat, server, connector.getLocalPort());
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port + PATH;
  }

  static void validate(Map<String, List<String>> headers) throws ServerTransportSecurityException {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      String value = h.getValue() == null || h.getValue().isEmpty() ? "" : h.getValue().get(0);
      if (h.getKey().equalsIgnoreCase("Host") && !LOOPBACK.contains(hostName(value))) {
        throw new ServerTransportSecurityException(421, "Invalid Host header");
      }
      if (h.getKey().equalsIgnoreCase("Origin") && !value.isEmpty() && !value.equals("null")) {
        String origin;
        try {
          origin = URI.create(value).getHost();
        } catch (IllegalArgumentException e) {
          origin = null;
        }
        if (origin == null || !LOOPBACK.contains(origin.toLowerCase(Locale.ROOT))) {
          throw new ServerTransportSecurityException(403, "Invalid Origin header");
        }
      }
    }
  }

  /** {@code host[:port]} without the port; an IPv6 literal keeps its brackets. */
  static String hostName(String hostHeader) {
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) return h.contains("]") ? h.substring(0, h.indexOf(']') + 1) : h;
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  @Override
  public void close() {
    server.closeGracefully();
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      // Stopping on the way out: nothing is left to serve, and nothing to report.
    }
  }
}
