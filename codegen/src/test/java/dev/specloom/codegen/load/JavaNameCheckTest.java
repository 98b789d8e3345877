package dev.specloom.codegen.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ClientBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JavaNameCheckTest {
  /** A credential or setting may not take the name of a builder method; the check's list must know them all. */
  @Test
  void everyClientBuilderMethodIsReserved() {
    Set<String> methods = new TreeSet<>();
    for (Method m : ClientBuilder.class.getDeclaredMethods()) {
      if ((Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) && !m.isSynthetic()) {
        methods.add(m.getName());
      }
    }
    methods.removeAll(JavaNameCheck.CLIENT_BUILDER_MEMBERS);
    assertTrue(methods.isEmpty(), "not reserved: " + methods);
  }
}
