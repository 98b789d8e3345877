package dev.specloom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A provider spec of any size, shaped like Stripe's: per resource a model, a page model and five functions
 * (create with ranges, enums and nested wire names; get; update; cursor-paged list; delete), each with a Lua
 * example. Written as YAML so a measurement includes parsing and validation, as {@code specloom generate} does.
 */
final class SyntheticSpec {
  static final int FUNCTIONS_PER_RESOURCE = 5;

  private SyntheticSpec() {}

  /** Writes {@code synthetic.yaml} with {@code functions} functions (a multiple of 5) into {@code dir}. */
  static Path write(Path dir, int functions) {
    if (functions % FUNCTIONS_PER_RESOURCE != 0) throw new IllegalArgumentException("functions must be a multiple of 5");
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("synthetic.yaml"), yaml(functions / FUNCTIONS_PER_RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String yaml(int resources) {
    StringBuilder y = new StringBuilder("""
        provider: synthetic
        title: Synthetic
        summary: A generated provider shaped like Stripe, for measuring the generator at scale.
        docs:
          - title: Authentication
            markdown: HTTP Basic with the secret key as the user name.
        base_url: https://api.synthetic.example
        credentials:
          api_key:
            description: Secret API key.
        auth:
          - scheme: basic
            username: "{api_key}"
            password: ""
        headers:
          Synthetic-Version: "2024-06-20"
        request_encoding: form
        idempotency:
          header: Idempotency-Key
        request_id_header: Request-Id
        retry_statuses: [409, 429, 500, 502, 503]
        errors:
          code: [error.code]
          type: [error.type]
          message: [error.message]
          param: [error.param]
        models:
          Address:
            description: A postal address.
            fields:
              line1: { type: string, nullable: true }
              city: { type: string, nullable: true }
              postal_code: { type: string, nullable: true }
              country: { type: string, nullable: true, description: Two-letter ISO code. }
          DeletedObject:
            description: The answer to a delete.
            fields:
              id: { type: string }
              object: { type: string }
              deleted: { type: boolean }
        """);
    for (int r = 0; r < resources; r++) {
      String model = "Resource" + r;
      y.append("""
            %1$s:
              description: Resource number %2$d.
              fields:
                id: { type: string, example: res%2$d_abc }
                object: { type: string }
                name: { type: string, nullable: true }
                description: { type: string, nullable: true }
                amount: { type: integer, description: Amount in cents. }
                currency: { type: string }
                status: { type: string }
                active: { type: boolean }
                address: { type: Address, nullable: true }
                tags: { type: list<string> }
                metadata: { type: map<string> }
                created: { type: timestamp }
                updated: { type: timestamp, nullable: true }
            %1$sList:
              description: One page of resource %2$d.
              fields:
                resources: { type: list<%1$s>, wire: data }
                has_more: { type: boolean }
          """.formatted(model, r));
    }
    y.append("functions:\n");
    for (int r = 0; r < resources; r++) {
      String model = "Resource" + r;
      String name = "resource_" + r;
      String path = "/v1/resources_" + r;
      y.append("""
            create_%1$s:
              group: %2$s
              operation: write
              summary: Create resource %3$d with a name, an amount and optional metadata.
              http: { method: POST, path: %4$s }
              params:
                name: { type: string, required: true, max_length: 200, description: Display name. }
                description: { type: string, description: Internal description. }
                amount: { type: integer, required: true, min: 0, max: 99999999, description: Amount in cents. }
                currency: { type: string, enum: [usd, eur, gbp], default: usd, description: Three-letter currency code. }
                active: { type: boolean, server_default: true, description: Whether it is active. }
                address_city: { type: string, wire: "address[city]", description: City of the address. }
                metadata: { type: map<string>, description: Key-value pairs. }
              returns: %2$s
              examples:
                - lua: |
                    local r = app.integrations.synthetic.create_%1$s({ name = "Acme", amount = 1000 })
                    print(r.id)
                  returns: '{ id = "res%3$d_abc", name = "Acme", amount = 1000 }'
            get_%1$s:
              group: %2$s
              operation: read
              summary: Retrieve resource %3$d by ID.
              http: { method: GET, path: "%4$s/{id}" }
              params:
                id: { type: string, required: true, description: The ID. }
              returns: %2$s
              examples:
                - lua: |
                    local r = app.integrations.synthetic.get_%1$s({ id = "res%3$d_abc" })
                    print(r.name)
            update_%1$s:
              group: %2$s
              operation: write
              summary: Update resource %3$d.
              http: { method: POST, path: "%4$s/{id}" }
              params:
                id: { type: string, required: true, description: The ID. }
                name: { type: string, max_length: 200, description: New display name. }
                description: { type: string, description: New description. }
                metadata: { type: map<string>, description: Key-value pairs. }
              returns: %2$s
              examples:
                - lua: |
                    app.integrations.synthetic.update_%1$s({ id = "res%3$d_abc", name = "Acme 2" })
            list_%1$s:
              group: %2$s
              operation: read
              summary: List resource %3$d, newest first, with cursor pagination.
              http: { method: GET, path: %4$s }
              params:
                status: { type: string, enum: [active, archived], description: Only this status. }
                limit: { type: integer, default: 10, min: 1, max: 100, description: Page size. }
                starting_after: { type: string, description: The last ID of the previous page (the cursor). }
              pagination: { style: cursor_after_last, items: resources, cursor_param: starting_after, cursor_field: id, has_more_field: has_more }
              returns: %2$sList
              examples:
                - lua: |
                    local page = app.integrations.synthetic.list_%1$s({ limit = 25 })
                    for _, r in ipairs(page.resources) do print(r.id) end
            delete_%1$s:
              group: %2$s
              operation: write
              destructive: true
              summary: Delete resource %3$d permanently.
              http: { method: DELETE, path: "%4$s/{id}" }
              params:
                id: { type: string, required: true, description: The ID. }
              returns: DeletedObject
              examples:
                - lua: |
                    app.integrations.synthetic.delete_%1$s({ id = "res%3$d_abc" })
          """.formatted(name, model, r, path));
    }
    return y.toString();
  }
}
