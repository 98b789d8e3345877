package com.example.pets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.Account;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.ScriptResult;
import dev.specloom.lua.WritePolicy;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.lua.glue.PetStoreBinding;
import dev.specloom.pets.CreatePetParams;
import dev.specloom.pets.ListPetsParams;
import dev.specloom.pets.PetStoreClient;
import dev.specloom.pets.model.Pet;
import dev.specloom.pets.model.PetList;
import dev.specloom.runtime.ProviderException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client, Lua glue and docs this project generated from its own src/main/specloom/pets.yaml. */
class PetStoreTest {
  static final String PET = "{\"id\":\"pet_1\",\"name\":\"Rex\",\"status\":\"available\",\"tag\":\"dog\"}";

  MockWebServer server;
  PetStoreClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = PetStoreClient.builder().apiKey("sk_test_1").baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createSendsJsonWithBearerAuthAndDecodesThePet() throws Exception {
    server.enqueue(json(200, PET));
    Pet pet = client.createPet(CreatePetParams.builder().name("Rex").tag("dog").build());
    assertEquals("pet_1", pet.id());
    assertEquals("dog", pet.tag());
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/v1/pets", r.getUrl().encodedPath());
    assertEquals("Bearer sk_test_1", r.getHeaders().get("Authorization"));
    assertEquals("{\"name\":\"Rex\",\"tag\":\"dog\"}", r.getBody().utf8());
  }

  @Test
  void listSendsTheDefaultLimitAndTheEnumFilter() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + PET + "],\"next_cursor\":null}"));
    PetList page = client.listPets(ListPetsParams.builder().status("available").build());
    assertEquals("Rex", page.pets().get(0).name());
    assertEquals("/v1/pets?status=available&limit=20", server.takeRequest().getTarget());
  }

  @Test
  void paramsAreCheckedBeforeAnythingIsSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListPetsParams.builder().limit(500L).build());
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void providerErrorsCarryTheSpecsErrorPaths() {
    server.enqueue(json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"No such pet\"}}"));
    ProviderException e = assertThrows(ProviderException.class, () -> client.getPet(dev.specloom.pets.GetPetParams.of("pet_9")));
    assertEquals(404, e.status());
    assertEquals("not_found", e.code());
    assertEquals("No such pet", e.providerMessage());
  }

  @Test
  void luaGlueCallsTheApiAndReadsTheGeneratedDocs() throws Exception {
    server.enqueue(json(200, PET));
    IntegrationHost host = IntegrationHost.builder().bindings(List.of(new PetStoreBinding()))
        .account(new Account("pets", "default", Map.of("api_key", "sk_test_1"), Map.of(), server.url("/").toString(), WritePolicy.ALLOW))
        .build();
    List<String> printed = new ArrayList<>();
    ScriptResult r = host.run("""
        local pet = app.integrations.pets.get_pet({ id = "pet_1" })
        print(pet.name .. " " .. pet.status)
        print(string.match(lua_read_doc("integrations.pets"), "^[^\\n]*"))
        """, "sample.lua", printed::add);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("Rex available", "# Pet Store — Lua API Reference"), printed);
    assertEquals("/v1/pets/pet_1", server.takeRequest().getTarget());
  }

  @Test
  void theClasspathHoldsThisProjectsGlueAndNoClassOfSpecloomsProviders() throws Exception {
    assertEquals(List.of("pets"), Bindings.all().stream().map(ProviderBinding::provider).toList());
    List<String> entries = classpath();
    List<String> foreign = new ArrayList<>();
    int classes = 0;
    for (String entry : entries) {
      for (String name : classNames(Path.of(entry))) {
        classes++;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("stripe") || lower.contains("chartmogul") || lower.contains("chargeover")) foreign.add(entry + ": " + name);
      }
    }
    assertTrue(entries.stream().anyMatch(e -> e.contains("lua-host")), "the Lua host is on the classpath: " + entries);
    assertTrue(classes > 1000, classes + " classes scanned");
    assertEquals(List.of(), foreign);
  }

  @Test
  void specloomLuaRunsAScriptOnThisProjectsGlue(@TempDir Path dir) throws Exception {
    server.enqueue(json(200, "{\"data\":[" + PET + "],\"next_cursor\":null}"));
    Path accounts = Files.writeString(dir.resolve("accounts.yaml"),
        "pets:\n  default: { api_key: \"${PETS_KEY}\", base_url: \"" + server.url("/") + "\" }\n");
    Path script = Files.writeString(dir.resolve("names.lua"),
        "for _, p in ipairs(app.integrations.pets.list_pets({ status = 'available' }).pets) do print(p.name, p.tag) end\n");
    ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classpath()), "dev.specloom.lua.cli.Main",
        "run", "--accounts", accounts.toString(), script.toString());
    command.environment().put("PETS_KEY", "sk_test_1");
    Process p = command.redirectError(dir.resolve("err.txt").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "specloom-lua did not end");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
    assertEquals("Rex\tdog\n", out.replace("\r\n", "\n"));
    RecordedRequest r = server.takeRequest();
    assertEquals("/v1/pets?status=available&limit=20", r.getTarget());
    assertEquals("Bearer sk_test_1", r.getHeaders().get("Authorization"));
  }

  /** The test classpath (surefire hands the JVM a manifest-only jar and the real classpath in this property). */
  static List<String> classpath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(path.split(File.pathSeparator)).filter(e -> !e.isEmpty()).toList();
  }

  static List<String> classNames(Path entry) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(entry.relativize(f).toString()));
      }
    } else if (Files.isRegularFile(entry)) {
      try (ZipFile jar = new ZipFile(entry.toFile())) {
        for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (name.endsWith(".class")) names.add(name);
        }
      }
    }
    return names;
  }

  @Test
  void docsAndToolDefinitionsAreOnTheClasspath() throws Exception {
    String tools = resource("dev/specloom/pets/tools/pets.tools.json");
    assertTrue(tools.contains("\"name\" : \"pets_list_pets\""), tools);
    assertNotNull(getClass().getClassLoader().getResource("dev/specloom/pets/docs/create_pet.md"));
  }

  static String resource(String path) throws Exception {
    try (InputStream in = PetStoreTest.class.getClassLoader().getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }
}
