package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.codegen.emit.InParallel;
import dev.specloom.model.Function;
import dev.specloom.model.HttpBindingIndex;
import dev.specloom.model.Model;
import dev.specloom.model.PaginatedIndex;
import dev.specloom.model.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Emits a provider's Java SDK: models and their JSON adapters, params, the Retrofit service and the client. */
public final class JavaSdkEmitter {
  private final Spec spec;
  private final JavaNames names;
  private final JavaTypes types;

  public JavaSdkEmitter(Spec spec) {
    this.spec = spec;
    this.names = new JavaNames(spec);
    this.types = new JavaTypes(names);
  }

  /**
   * Every generated file as source text. Each file is built and rendered in one parallel task (JavaPoet's
   * rendering is most of the target's time), so a file's JavaPoet tree is garbage as soon as its text exists:
   * holding every tree until all were rendered kept a live set that grows with the spec, which every young
   * collection copied, and made a 1,000-function spec cost several times four 250-function ones.
   */
  public List<GeneratedFile> generated() {
    List<Supplier<JavaFile>> files = new ArrayList<>();
    AdapterEmitter adapters = new AdapterEmitter(names, types);
    ModelEmitter models = new ModelEmitter(names, types, adapters);
    for (Model m : spec.models().values()) {
      files.add(() -> file(names.modelPackage(), models.emit(m)));
      files.add(() -> file(names.modelPackage(), adapters.emit(m)));
    }
    files.add(() -> file(names.modelPackage(), adapters.factory(spec)));
    HttpBindingIndex http = HttpBindingIndex.of(spec);
    PaginatedIndex pages = PaginatedIndex.of(spec);
    ParamsEmitter params = new ParamsEmitter(spec, names, types, pages);
    for (Function f : spec.functions()) files.add(() -> file(names.packageName(), params.emit(f)));
    files.add(() -> file(names.packageName(), new ServiceEmitter(names, types, http).emit(spec.functions())));
    files.add(() -> file(names.packageName(), new ClientEmitter(spec, names, types, http, pages).emit()));
    return InParallel.map(files, f -> source(f.get()));
  }

  /** A Java file's source text at its place in the output. */
  public static GeneratedFile source(JavaFile f) {
    return GeneratedFile.source(f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java", f.toString());
  }

  /** The directory of a provider's Java package under a source root; the SDK owns it whole (replaced on generate). */
  public static Path packageDir(Path root, Spec spec) {
    return root.resolve(new JavaNames(spec).packageName().replace('.', '/'));
  }

  private JavaFile file(String pkg, TypeSpec type) {
    return JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("  ").build();
  }
}
