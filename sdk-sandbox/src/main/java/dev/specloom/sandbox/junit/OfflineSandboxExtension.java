package dev.specloom.sandbox.junit;

import dev.specloom.runtime.ClientBuilder;
import dev.specloom.sandbox.OfflineSandbox;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithOfflineSandbox}: starts the sandbox before the class's tests,
 * resets it before each test, stops it when the class is done, and resolves {@link OfflineSandbox} parameters and
 * parameters of a generated SDK's client type, configured for the sandbox.
 */
public final class OfflineSandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OfflineSandboxExtension.class);

  private static final String KEY = "sandbox";

  @Override
  public void beforeAll(ExtensionContext context) {
    // A @Nested class shares its enclosing class's sandbox: the store lookup reaches the parent's value.
    if (context.getStore(NAMESPACE).get(KEY, OfflineSandbox.class) != null) return;
    Class<?> testClass = context.getRequiredTestClass();
    WithOfflineSandbox config = AnnotationSupport.findAnnotation(testClass, WithOfflineSandbox.class)
        .orElseThrow(() -> new ExtensionConfigurationException(
            testClass.getName() + " uses OfflineSandboxExtension without @WithOfflineSandbox(providers = ...)"));
    if (config.providers().length == 0) {
      throw new ExtensionConfigurationException("@WithOfflineSandbox on " + testClass.getName() + " names no provider");
    }
    // JUnit (5.13 and later) closes an AutoCloseable held in the class's store when the class is done.
    context.getStore(NAMESPACE).put(KEY, OfflineSandbox.start(List.of(config.providers())));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == OfflineSandbox.class) return true;
    ClientBuilder<?, ?> builder = builderOf(type);
    return builder != null && sandbox(context).providers().contains(builder.provider().name());
  }

  /**
   * The sandbox itself, or a client of a generated SDK (any class whose static {@code builder()} gives a
   * {@link ClientBuilder}) pointed at its provider's simulator, with placeholder values for the credentials its
   * first auth option names. Faults stay reachable through the {@link OfflineSandbox} parameter.
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    OfflineSandbox sandbox = sandbox(context);
    if (type == OfflineSandbox.class) return sandbox;
    ClientBuilder<?, ?> builder = builderOf(type);
    String provider = builder.provider().name();
    for (String credential : builder.provider().firstAuthCredentials()) builder.credential(credential, "sandbox_" + credential);
    return builder.baseUrl(sandbox.baseUrl(provider)).build();
  }

  /** A new builder from the type's public static {@code builder()}, or null when it has none that gives a ClientBuilder. */
  private static ClientBuilder<?, ?> builderOf(Class<?> type) {
    try {
      Method builder = type.getMethod("builder");
      if (!Modifier.isStatic(builder.getModifiers()) || !ClientBuilder.class.isAssignableFrom(builder.getReturnType())) return null;
      return (ClientBuilder<?, ?>) builder.invoke(null);
    } catch (NoSuchMethodException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException("cannot build a " + type.getName() + ": " + e, e);
    }
  }

  private static OfflineSandbox sandbox(ExtensionContext context) {
    OfflineSandbox sandbox = context.getStore(NAMESPACE).get(KEY, OfflineSandbox.class);
    if (sandbox == null) throw new ExtensionConfigurationException("no offline sandbox was started for " + context.getRequiredTestClass().getName());
    return sandbox;
  }
}
