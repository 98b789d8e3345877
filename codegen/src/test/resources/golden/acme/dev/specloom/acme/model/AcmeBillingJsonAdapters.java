package dev.specloom.acme.model;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * The generated JSON adapters of every Acme Billing model. Generated from the spec; do not edit.
 */
public final class AcmeBillingJsonAdapters implements JsonAdapter.Factory {
  public static final JsonAdapter.Factory FACTORY = new AcmeBillingJsonAdapters();

  private AcmeBillingJsonAdapters() {
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) return null;
    if (type == Widget.class) return new WidgetJsonAdapter(moshi).nullSafe();
    if (type == WidgetPage.class) return new WidgetPageJsonAdapter(moshi).nullSafe();
    if (type == TokenPage.class) return new TokenPageJsonAdapter(moshi).nullSafe();
    if (type == NumberedPage.class) return new NumberedPageJsonAdapter(moshi).nullSafe();
    if (type == EnvelopePage.class) return new EnvelopePageJsonAdapter(moshi).nullSafe();
    return null;
  }
}
