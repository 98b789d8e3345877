package dev.specloom.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the offline sandbox: the simulators of {@link #providers()} start once for the
 * class, go back to their seed data (no faults, empty journal) before each test, and stop after the class. A
 * test method or constructor takes the {@link dev.specloom.sandbox.OfflineSandbox} as a parameter, and any
 * generated SDK client (a {@code TallyClient}, say) of a simulated provider, built pointing at the sandbox with
 * placeholder credentials.
 *
 * <pre>{@code
 * @WithOfflineSandbox(providers = "tally")
 * class CheckoutTest {
 *   @Test
 *   void retriesARateLimit(TallyClient tally, OfflineSandbox sandbox) {
 *     sandbox.faults("tally").next(Fault.rateLimited(Duration.ofSeconds(1)));
 *     ...
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OfflineSandboxExtension.class)
public @interface WithOfflineSandbox {
  /** The providers to simulate, e.g. {@code "tally"}; each must have a sandbox descriptor on the classpath. */
  String[] providers();
}
