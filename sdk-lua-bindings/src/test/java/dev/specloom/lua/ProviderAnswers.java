package dev.specloom.lua;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers shaped like the providers' own, with the values the seed documents show, for running the seeds'
 * examples offline. Stripe's customer list pages by {@code starting_after}: cus_1..cus_2, cus_3..cus_4, then cus_5.
 */
final class ProviderAnswers {
  private record Route(String provider, String method, Pattern path, String query, String body) {}

  private static final String STRIPE_CUSTOMER = """
      {"id":"cus_abc123","object":"customer","name":"Acme Corp","email":"billing@acme.example","phone":"+1 555-0123",
       "metadata":{"crm_id":"12345","tier":"enterprise"},"created":1712304000}""";
  private static final String PRODUCT = """
      {"id":"prod_xyz789","object":"product","name":"Pro Plan","description":"Access to all pro features","active":true,
       "metadata":{"type":"subscription"},"created":1712304000}""";
  private static final String PRICE = """
      {"id":"price_def456","object":"price","product":"prod_xyz789","unit_amount":2999,"currency":"usd",
       "recurring":{"interval":"month","interval_count":1},"active":true}""";
  private static final String INTENT = """
      {"id":"pi_ghi789","object":"payment_intent","amount":5000,"amount_received":0,"currency":"usd",
       "status":"requires_payment_method","client_secret":"pi_ghi789_secret_abc","customer":"cus_abc123"}""";
  private static final String INVOICE = """
      {"id":"in_jkl012","object":"invoice","customer":"cus_abc123","status":"draft","total":0,"currency":"usd",
       "auto_advance":true,"created":1712304000}""";
  private static final String SUBSCRIPTION = """
      {"id":"sub_mno345","object":"subscription","customer":"cus_abc123","status":"active",
       "plan":{"id":"price_def456","amount":2999,"currency":"usd","interval":"month","interval_count":1},
       "current_period_start":1712304000,"current_period_end":1714982400}""";
  private static final String CM_CUSTOMER = """
      {"id":25647,"uuid":"cus_abc123-def456","external_id":"34916129","name":"Adam Smith","email":"adam@example.com",
       "status":"Active","customer-since":"2025-01-09T13:16:00+00:00","mrr":3000.0,"arr":36000.0}""";

  private static final List<Route> ROUTES = List.of(
      new Route("stripe", "GET", Pattern.compile("/v1/customers"), "starting_after=cus_2",
          list(true, "{\"id\":\"cus_3\"}", "{\"id\":\"cus_4\"}")),
      new Route("stripe", "GET", Pattern.compile("/v1/customers"), "starting_after=cus_4", list(false, "{\"id\":\"cus_5\"}")),
      new Route("stripe", "GET", Pattern.compile("/v1/customers"), "starting_after=", list(false, "{\"id\":\"cus_def456\"}")),
      new Route("stripe", "GET", Pattern.compile("/v1/customers"), null, list(true, "{\"id\":\"cus_1\"}", "{\"id\":\"cus_2\"}")),
      new Route("stripe", "DELETE", Pattern.compile("/v1/customers/[^/]+"), null,
          "{\"id\":\"cus_abc123\",\"object\":\"customer\",\"deleted\":true}"),
      new Route("stripe", "*", Pattern.compile("/v1/customers(/[^/]+)?"), null, STRIPE_CUSTOMER),
      new Route("stripe", "GET", Pattern.compile("/v1/products"), null, list(false, PRODUCT)),
      new Route("stripe", "*", Pattern.compile("/v1/products(/[^/]+)?"), null, PRODUCT),
      new Route("stripe", "GET", Pattern.compile("/v1/prices"), null, list(false, PRICE)),
      new Route("stripe", "POST", Pattern.compile("/v1/prices"), null, PRICE),
      new Route("stripe", "POST", Pattern.compile("/v1/payment_intents/[^/]+/confirm"), null,
          INTENT.replace("requires_payment_method", "succeeded").replace("\"amount_received\":0", "\"amount_received\":5000")),
      new Route("stripe", "POST", Pattern.compile("/v1/payment_intents/[^/]+/cancel"), null,
          INTENT.replace("requires_payment_method", "canceled")),
      new Route("stripe", "POST", Pattern.compile("/v1/payment_intents/[^/]+/capture"), null,
          INTENT.replace("requires_payment_method", "succeeded").replace("\"amount_received\":0", "\"amount_received\":7500")),
      new Route("stripe", "*", Pattern.compile("/v1/payment_intents(/[^/]+)?"), null, INTENT),
      new Route("stripe", "GET", Pattern.compile("/v1/invoices"), null,
          list(false, INVOICE.replace("in_jkl012", "in_draft1"), INVOICE.replace("in_jkl012", "in_draft2"))),
      new Route("stripe", "POST", Pattern.compile("/v1/invoices/[^/]+/pay"), null, INVOICE.replace("draft", "paid")),
      new Route("stripe", "POST", Pattern.compile("/v1/invoices/[^/]+/void"), null, INVOICE.replace("draft", "void")),
      new Route("stripe", "*", Pattern.compile("/v1/invoices(/[^/]+)?"), null, INVOICE),
      new Route("stripe", "DELETE", Pattern.compile("/v1/subscriptions/[^/]+"), null,
          "{\"id\":\"sub_mno345\",\"status\":\"canceled\",\"canceled_at\":1712304000,\"ended_at\":1712304000}"),
      new Route("stripe", "*", Pattern.compile("/v1/subscriptions(/[^/]+)?"), null, SUBSCRIPTION),
      new Route("stripe", "GET", Pattern.compile("/v1/balance"), null, """
          {"object":"balance","available":[{"amount":12345,"currency":"usd"}],"pending":[{"amount":5000,"currency":"usd"}]}"""),
      new Route("chartmogul", "GET", Pattern.compile("/v1/customers/search"), null,
          "{\"entries\":[" + CM_CUSTOMER.replace("Adam Smith", "Jane Doe").replace("adam@example.com", "jane@acme.example")
              + "],\"has_more\":false,\"cursor\":null}"),
      new Route("chartmogul", "GET", Pattern.compile("/v1/customers"), null, "{\"entries\":[" + CM_CUSTOMER + ","
          + CM_CUSTOMER.replace("Adam Smith", "Bea Ng").replace("adam@example.com", "bea@example.com")
          + "],\"has_more\":false,\"cursor\":null}"),
      new Route("chartmogul", "GET", Pattern.compile("/v1/customers/[^/]+/subscriptions"), null, """
          {"customer_uuid":"cus_abc123","entries":[{"uuid":"5a1c3e27-7f0b-4c69-9d2e-0e6bc5407a01","plan":"Gold Monthly",
           "quantity":1,"mrr":5000,"status":"active","billing-cycle":"month","billing-cycle-count":1},
           {"uuid":"6b2d4f38-801c-4d7a-8e3f-1f7cd6518b02","plan":"Silver Monthly","quantity":1,"mrr":0,"status":"inactive",
           "billing-cycle":"month","billing-cycle-count":1}],"has_more":false,"cursor":null}"""),
      new Route("chartmogul", "GET", Pattern.compile("/v1/customers/[^/]+"), null, CM_CUSTOMER),
      new Route("chartmogul", "GET", Pattern.compile("/v1/plans"), null, """
          {"plans":[{"uuid":"pl_1","name":"Gold Monthly","interval_count":1,"interval_unit":"month",
           "data_source_uuid":"ds_1","external_id":"gold_monthly"}],"has_more":false,"cursor":null}"""),
      new Route("chartmogul", "GET", Pattern.compile("/v1/invoices"), null, """
          {"invoices":[{"uuid":"inv_1","customer_uuid":"cus_abc123","external_id":"INV0001",
           "date":"2025-01-01T00:00:00.000Z","currency":"USD","line_items":[{"uuid":"li_1","type":"subscription",
           "amount_in_cents":5000}],"transactions":[]}],"has_more":false,"cursor":null}"""),
      new Route("chartmogul", "GET", Pattern.compile("/v1/metrics/all"), "interval=month", """
          {"entries":[{"date":"2025-01-31","mrr":45000.0,"arr":540000.0},{"date":"2025-02-28","mrr":46000.0,"arr":552000.0},
           {"date":"2025-03-31","mrr":47500.0,"arr":570000.0}],"summary":{"current-mrr":47500.0}}"""),
      new Route("chartmogul", "GET", Pattern.compile("/v1/metrics/all"), null,
          "{\"entries\":[{\"date\":\"2025-03-01\",\"mrr\":47000.0,\"arr\":564000.0}],\"summary\":{}}"),
      new Route("chartmogul", "GET", Pattern.compile("/v1/account"), null, """
          {"name":"Example Co","currency":"USD","time_zone":"Europe/Berlin","week_start_on":"monday"}"""));

  private ProviderAnswers() {}

  /** The answer for a request, or null when no route matches. A route's query is a fragment the query must contain. */
  static String answer(String provider, String method, String path, String query) {
    for (Route r : ROUTES) {
      if (r.provider.equals(provider) && (r.method.equals("*") || r.method.equals(method)) && r.path.matcher(path).matches()
          && (r.query == null || query != null && query.contains(r.query))) {
        return r.body;
      }
    }
    return null;
  }

  private static String list(boolean hasMore, String... items) {
    return "{\"object\":\"list\",\"has_more\":" + hasMore + ",\"data\":[" + String.join(",", items) + "]}";
  }
}
