package dev.specloom.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Decodes 2xx bodies with Moshi, typed and raw calls alike: first the provider's envelope is checked (a failure
 * leaves as {@link ProviderRejection}), then the result is read from under its {@link ResultPath}. A body that
 * does not fit leaves as {@link BodyMismatch}.
 */
final class ResultConverters extends Converter.Factory {
  private final ProviderInfo provider;
  private final Moshi moshi;

  ResultConverters(ProviderInfo provider, Moshi moshi) {
    this.provider = provider;
    this.moshi = moshi;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit r) {
    String path = null;
    for (Annotation a : annotations) {
      if (a instanceof ResultPath p) path = p.value();
    }
    JsonAdapter<Object> adapter = moshi.adapter(type);
    if (path == null && provider.envelopeStatusPath == null) {
      return body -> {
        try (body) {
          return body.source().exhausted() ? null : adapter.fromJson(JsonReader.of(body.source()));
        } catch (JsonDataException e) {
          throw new BodyMismatch(null, e, AnswerFacts.last());
        } catch (IOException e) {
          throw BodyMismatch.orTransport(e);
        }
      };
    }
    String resultPath = path;
    return body -> {
      Object tree;
      try (body) {
        if (body.source().exhausted()) return null;
        tree = JsonReader.of(body.source()).readJsonValue();
      } catch (IOException e) {
        throw BodyMismatch.orTransport(e);
      }
      if (provider.envelopeStatusPath != null) {
        Object status = JsonTree.at(tree, provider.envelopeStatusPath);
        if (!provider.envelopeOkValue.equals(status == null ? null : JsonTree.text(status))) {
          throw new ProviderRejection(tree, AnswerFacts.last().requestId());
        }
      }
      try {
        return adapter.fromJsonValue(resultPath == null ? tree : JsonTree.at(tree, resultPath));
      } catch (JsonDataException e) {
        throw new BodyMismatch(resultPath, e, AnswerFacts.last());
      }
    };
  }
}
